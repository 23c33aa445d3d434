package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.results.ResultFileReader;
import io.jenkins.plugins.perfgate.engine.results.ResultsReadException;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.Summarizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code perfgate bench}: generates synthetic result files and measures, in one run, perfgate's reader plus
 * aggregation against a raw line scan of the same file (the physical baseline) and the peak heap used.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures result reading + aggregation against a raw line scan on synthetic JTL files.",
            "Run it with a small heap to check constant memory: PERFGATE_JAVA_OPTS=-Xmx64m bin/perfgate bench"})
public final class BenchCommand implements Callable<Integer> {

    /** Jenkins Performance Plugin on these machines: 5M samples in about 57 s (issue 9). */
    static final double PERFORMANCE_PLUGIN_SAMPLES_PER_SECOND = 5_000_000 / 57.0;

    @Spec
    CommandSpec spec;

    @Option(names = "--samples", split = ",", paramLabel = "N", defaultValue = "1000000,5000000",
            description = "sizes of the generated files, default ${DEFAULT-VALUE}")
    List<Long> sizes;

    @Option(names = "--labels", defaultValue = "20", description = "distinct labels, default ${DEFAULT-VALUE}")
    int labels;

    @Option(names = "--rounds", defaultValue = "5",
            description = "measurements per file and method (the best is shown), default ${DEFAULT-VALUE}")
    int rounds;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to write the files (default: a temp dir)")
    Path dir;

    @Option(names = "--keep", description = "keep the generated files")
    boolean keep;

    @Option(names = "--gatling", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also read a binary Gatling simulation.log of the same samples (default: yes)")
    boolean gatling;

    @Option(names = "--trend-builds", paramLabel = "N", defaultValue = "1000",
            description = "also time a trend chart of N builds against an empty chart (0: skip), default "
                    + "${DEFAULT-VALUE}")
    int trendBuilds;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (labels < 1 || labels > 1000 || rounds < 1 || rounds > 10 || sizes.stream().anyMatch(n -> n < 1
                || n > 100_000_000) || trendBuilds < 0 || trendBuilds > 100_000) {
            spec.commandLine().getErr().println("perfgate bench: --labels 1..1000, --rounds 1..10, "
                    + "--samples 1..100000000, --trend-builds 0..100000");
            return PerfgateCli.EXIT_USAGE;
        }
        Path workDir = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("perfgate-bench");
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "perfgate bench: %d cores, max heap %d MiB, java %s, load average %.1f%n", cores,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), loadAverage());
        out.printf(Locale.ROOT, "%-10s %8s %-22s %10s %12s %9s %9s %9s%n", "samples", "MB", "method", "seconds",
                "samples/s", "MB/s", "cpu s", "peak heap");
        try {
            for (long n : sizes) {
                Path file = workDir.resolve("bench-" + n + ".csv");
                long bytes = SyntheticJtl.write(file, n, labels, 42);
                double mb = bytes / 1e6;
                Result scan = best(() -> rawScan(file), n);
                print(out, n, mb, "raw line scan", scan);
                Result one = best(() -> summarize(file, 1, n), n);
                print(out, n, mb, "perfgate, 1 thread", one);
                Result all = best(() -> summarize(file, cores, n), n);
                print(out, n, mb, "perfgate, " + cores + " threads", all);
                Result best = all.seconds <= one.seconds ? all : one;
                String which = best == all ? cores + " threads" : "1 thread";
                out.printf(Locale.ROOT, "  %d samples: perfgate (%s, the faster here) takes %.2fx the raw scan's "
                        + "time (%.2fx its CPU time); %.1fx the Performance Plugin's rate (%.0f samples/s); load "
                        + "average now %.1f%n", n, which, best.seconds / scan.seconds,
                        best.cpuSeconds / scan.cpuSeconds, n / best.seconds / PERFORMANCE_PLUGIN_SAMPLES_PER_SECOND,
                        PERFORMANCE_PLUGIN_SAMPLES_PER_SECOND, loadAverage());
                out.flush();
                if (!keep) {
                    Files.deleteIfExists(file);
                }
                if (gatling) {
                    gatling(out, workDir, n, one);
                }
            }
        } finally {
            if (!keep && dir == null) {
                Files.deleteIfExists(workDir);
            }
        }
        if (trendBuilds > 0) {
            io.jenkins.plugins.perfgate.engine.chart.ChartBenchmark.run(trendBuilds, 15, out);
        }
        return 0;
    }

    /**
     * Reads a Gatling 3.13 log of the same samples as the CSV file just measured (same labels, times, errors) and
     * prints it beside the CSV reader's one-thread figures of this run (a binary log is read by one thread).
     */
    private void gatling(PrintWriter out, Path workDir, long n, Result csvOneThread) throws IOException {
        Path log = workDir.resolve("bench-" + n + ".simulation.log");
        try {
            double mb = SyntheticGatlingLog.write(log, n, labels, 42) / 1e6;
            Result r = best(() -> summarize(log, 1, n), n);
            print(out, n, mb, "gatling log, 1 thread", r);
            out.printf(Locale.ROOT, "  %d samples: the Gatling log takes %.2fx the JMeter CSV reader's time on one "
                    + "thread (%.2fx its CPU time)%n", n, r.seconds / csvOneThread.seconds,
                    r.cpuSeconds / csvOneThread.cpuSeconds);
            out.flush();
        } finally {
            if (!keep) {
                Files.deleteIfExists(log);
            }
        }
    }

    /** Wall time, CPU time of the whole process (all threads) and peak heap of one measurement. */
    private record Result(double seconds, double cpuSeconds, long peakHeap) {
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** CPU time of this process so far, in seconds (0 when the JVM cannot tell). */
    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return 0;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    private Result best(Work work, long samples) throws IOException {
        // one untimed run first, for every method alike: the JIT compiles the code (on its own threads, whose
        // CPU time the process time includes) before anything is measured
        work.run();
        Result best = null;
        for (int i = 0; i < rounds; i++) {
            System.gc();
            resetPeaks();
            double cpu0 = processCpuSeconds();
            long t0 = System.nanoTime();
            work.run();
            double s = (System.nanoTime() - t0) / 1e9;
            Result r = new Result(s, processCpuSeconds() - cpu0, peakHeap());
            if (best == null || r.seconds < best.seconds) {
                best = new Result(r.seconds, r.cpuSeconds, Math.max(r.peakHeap, best == null ? 0 : best.peakHeap));
            }
        }
        return best;
    }

    private static void print(PrintWriter out, long n, double mb, String method, Result r) {
        out.printf(Locale.ROOT, "%-10d %8.0f %-22s %10.3f %12.0f %9.0f %9.3f %5d MiB%n", n, mb, method, r.seconds,
                n / r.seconds, mb / r.seconds, r.cpuSeconds, r.peakHeap >> 20);
        out.flush();
    }

    /**
     * The physical baseline: read every byte once, with the same I/O as the CSV reader (a FileChannel into a heap
     * buffer of the reader's size), and count line breaks.
     */
    static long rawScan(Path file) throws IOException {
        long lines = 0;
        ByteBuffer buf = ByteBuffer.allocate(ResultFileReader.READ_BUFFER_BYTES);
        byte[] a = buf.array();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                buf.clear();
                int n = ch.read(buf);
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (a[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private static void summarize(Path file, int threads, long expected) throws ResultsReadException {
        RunSummary s = new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults()).withThreads(threads)
                .summarize(List.of(Summarizer.Source.of(file)));
        if (s.overall().count() != expected) {
            throw new IllegalStateException("read " + s.overall().count() + " samples, expected " + expected);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
