package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.Summarizer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CPU time per MB of result file with many labels against the same with few, in one run: two synthetic files of
 * the same number of samples in JMeter's default CSV layout ({@link SyntheticJtl}), over 20 labels (the
 * baseline), 200 and 2,000, each summarised as {@code perfgate report} does (all cores). Prints the best of a few
 * rounds and the ratios with their target (issue 22: 1.5x or less). Run with perfgate-cli.jar and perfgate-bench.jar on the class
 * path: {@code java -Xmx64m -cp target/perfgate-cli.jar:target/perfgate-bench.jar
 * io.jenkins.plugins.perfgate.cli.BenchManyLabels [samples] [rounds]}.
 */
public final class BenchManyLabels {

    /** Issue 22's aim: CPU per MB with many labels within this factor of 20 labels'. */
    private static final double TARGET = 1.5;

    private BenchManyLabels() {
    }

    public static void main(String[] args) throws Exception {
        long samples = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("perfgate-bench-labels");
        try {
            System.out.printf(Locale.ROOT, "many labels: %,d samples per file, %d cores, max heap %d MiB%n", samples,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "%8s %8s %10s %10s %12s%n", "labels", "MB", "cpu s", "wall s", "cpu s/MB");
            double base = measure(dir, samples, 20, rounds);
            double some = measure(dir, samples, 200, rounds);
            double many = measure(dir, samples, 2_000, rounds);
            for (double[] r : new double[][] {{200, some / base}, {2_000, many / base}}) {
                System.out.printf(Locale.ROOT, "%,6.0f labels: %.2fx the CPU per MB of 20 labels   target <= %.1fx   %s%n",
                        r[0], r[1], TARGET, r[1] <= TARGET ? "met" : "NOT met");
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Prints and returns the best CPU seconds per MB of summarising a file of {@code labels} labels. */
    private static double measure(Path dir, long samples, int labels, int rounds) throws Exception {
        Path file = dir.resolve("labels-" + labels + ".csv");
        double mb = SyntheticJtl.write(file, samples, labels, 42) / 1e6;
        summarize(file, samples); // JIT warm-up, not measured
        double bestCpu = Double.MAX_VALUE;
        double bestWall = 0;
        for (int i = 0; i < rounds; i++) {
            System.gc();
            double cpu0 = cpuSeconds();
            long t0 = System.nanoTime();
            summarize(file, samples);
            double cpu = cpuSeconds() - cpu0;
            if (cpu < bestCpu) {
                bestCpu = cpu;
                bestWall = (System.nanoTime() - t0) / 1e9;
            }
        }
        System.out.printf(Locale.ROOT, "%8d %8.0f %10.3f %10.3f %12.5f%n", labels, mb, bestCpu, bestWall,
                bestCpu / mb);
        Files.delete(file);
        return bestCpu / mb;
    }

    private static void summarize(Path file, long expected) throws Exception {
        RunSummary s = new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults())
                .summarize(List.of(Summarizer.Source.of(file)));
        if (s.overall().count() != expected) {
            throw new IllegalStateException("read " + s.overall().count() + " samples, expected " + expected);
        }
    }

    private static double cpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : 0;
    }
}
