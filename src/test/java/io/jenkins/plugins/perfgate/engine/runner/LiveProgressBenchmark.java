package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CPU perfgate spends on live progress while generators write results (issue 21): a writer thread appends JMeter's
 * default 17-column CSV rows to one file per generator at a fixed total rate, and the measured thread does what the
 * runner's loop does every 250 ms ({@code PlanRunner.poll}): follow each file ({@link JtlTail}), feed progress
 * ({@link LiveStats}) and live metrics ({@link LiveFigures}). Its thread CPU time, per 1,000 samples/s, is printed for
 * several generators beside one generator at the same total rate (the baseline) in the same run; JMeter itself is not
 * needed for this figure. Run: {@code LiveProgressBenchmark [samples/s] [generators] [seconds]}.
 */
public final class LiveProgressBenchmark {

    static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";

    /** CPU of the measured thread and samples it saw. */
    record Figures(int generators, double seconds, long samples, double cpuMillis) {

        double rate() {
            return samples / seconds;
        }

        /** CPU milliseconds per second of run per 1,000 samples/s: per mille of a core per 1,000 samples/s. */
        double cpuPerThousand() {
            return cpuMillis / seconds / (rate() / 1000);
        }
    }

    private LiveProgressBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int generators = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 8;
        Path dir = Files.createTempDirectory("perfgate-live-bench");
        try {
            measure(dir.resolve("warm-up"), rate, generators, Math.min(3, seconds));
            Figures one = measure(dir.resolve("one"), rate, 1, seconds);
            Figures many = measure(dir.resolve("many"), rate, generators, seconds);
            System.out.printf(Locale.ROOT, "live progress at %,d samples/s (JtlTail + LiveStats + LiveFigures every"
                    + " 250 ms, %.0f s)%n", rate, seconds);
            for (Figures f : List.of(one, many)) {
                System.out.printf(Locale.ROOT, "  %d generator(s): %,9d samples (%,.0f/s), CPU %6.0f ms = %.1f %% of a"
                        + " core, %.2f ms CPU per s per 1,000 samples/s%s%n", f.generators(), f.samples(), f.rate(),
                        f.cpuMillis(), f.cpuMillis() / f.seconds() / 10, f.cpuPerThousand(),
                        f == one ? "  <- baseline" : "");
            }
            System.out.printf(Locale.ROOT, "  %d generators cost %.2fx one generator per sample%n", generators,
                    many.cpuPerThousand() / one.cpuPerThousand());
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static Figures measure(Path dir, int rate, int generators, double seconds) throws Exception {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        List<JtlTail> tails = new ArrayList<>();
        for (int g = 0; g < generators; g++) {
            Path f = dir.resolve("g" + g + ".jtl");
            Files.writeString(f, HEADER);
            files.add(f);
            tails.add(new JtlTail(ResultFile.of(f, "g" + g)));
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> write(files, rate, done), "bench-writer");
        writer.start();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        LiveStats stats = new LiveStats(10_000);
        LiveFigures figures = new LiveFigures(AggregationOptions.defaults());
        long samples = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long cpu0 = mx.getCurrentThreadCpuTime();
        while (System.nanoTime() < end) {
            Thread.sleep(250);
            long now = System.currentTimeMillis();
            for (JtlTail tail : tails) {
                for (JtlTail.Row row : tail.poll()) {
                    String generator = tail.file().generatorOf(row.threadName());
                    stats.add(generator, now, row);
                    figures.add(generator, row);
                    samples++;
                }
            }
            stats.snapshot(now);
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        double elapsed = (System.nanoTime() - start) / 1e9;
        done.set(true);
        writer.join();
        if (samples == 0) {
            throw new IllegalStateException("no samples followed");
        }
        return new Figures(generators, elapsed, samples, cpu / 1e6);
    }

    /** Appends rows in 10 ms batches so that the total rate holds across the files. */
    private static void write(List<Path> files, int rate, AtomicBoolean done) {
        SplittableRandom random = new SplittableRandom(5);
        List<BufferedWriter> out = new ArrayList<>();
        try {
            for (Path f : files) {
                out.add(Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
            }
            long start = System.nanoTime();
            long written = 0;
            StringBuilder row = new StringBuilder(256);
            while (!done.get()) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
                for (; written < due; written++) {
                    int g = (int) (written % files.size());
                    long elapsed = 20 + random.nextInt(400);
                    boolean ok = random.nextInt(100) != 0;
                    int label = random.nextInt(20);
                    row.setLength(0);
                    row.append(System.currentTimeMillis()).append(',').append(elapsed)
                            .append(",GET /api/v1/resource").append(label).append(',').append(ok ? "200" : "503")
                            .append(',').append(ok ? "OK" : "Service Unavailable").append(",Thread Group 1-")
                            .append(random.nextInt(50) + 1).append(",text,").append(ok).append(',')
                            .append(ok ? "" : "Test failed: code expected to be 200").append(",2048,310,50,200,")
                            .append("http://127.0.0.1:8080/api/v1/resource").append(label).append("?id=")
                            .append(random.nextInt(100_000)).append(',').append(elapsed / 2).append(",0,")
                            .append(random.nextInt(3)).append('\n');
                    out.get(g).append(row);
                }
                for (BufferedWriter w : out) {
                    w.flush();
                }
                Thread.sleep(10);
            }
            for (BufferedWriter w : out) {
                w.close();
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
