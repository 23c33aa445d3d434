package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.runner.demo.DemoTarget;
import io.jenkins.plugins.perfgate.engine.runner.generators.BuiltInGenerators;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterInstallation;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.Summarizer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * perfgate's overhead over plain JMeter: the same template (load.jmx, one fast endpoint, no think time) against the
 * same demo target, run through the plain JMeter command line (baseline), perfgate with 1 local generator and
 * perfgate with 2 local generators (threads split), alternating, each repeated; prints the achieved req/s.
 * Run: {@code bin/bench runner}, or {@code ./mvnw -q test-compile} then
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.jenkins.plugins.perfgate.engine.runner.RunnerBenchmark [seconds] [threads] [rounds]}
 * (see docs/runner.md).
 */
public final class RunnerBenchmark {

    private RunnerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        JMeterInstallation jmeter = TestJMeter.installation();
        Path dir = Files.createTempDirectory("perfgate-bench");
        try (DemoTarget target = DemoTarget.start(0); InputStream in =
                RunnerBenchmark.class.getResourceAsStream("/perfgate/templates/load.jmx")) {
            Files.copy(in, dir.resolve("load.jmx"));
            Map<String, String> props = Map.of("host", "127.0.0.1", "port", Integer.toString(target.port()),
                    "threads", Integer.toString(threads), "rampUp", "0", "duration", Integer.toString(seconds),
                    "path", "/api/items");
            String[] names = {"plain JMeter CLI (baseline)", "perfgate, 1 generator", "perfgate, 1 generator, "
                + "flushEachSample: true", "perfgate, 2 generators"};
            double[][] rates = new double[names.length][rounds];
            double[][] ownCpu = new double[names.length][rounds];
            for (int round = 0; round < rounds; round++) {
                long cpu = cpuNanos();
                rates[0][round] = plain(jmeter, dir.resolve("plain-" + round), dir.resolve("load.jmx"), props);
                ownCpu[0][round] = (cpuNanos() - cpu) / 1e9;
                cpu = cpuNanos();
                rates[1][round] = perfgate(jmeter, dir, "one-" + round, 1, false, props);
                ownCpu[1][round] = (cpuNanos() - cpu) / 1e9;
                cpu = cpuNanos();
                rates[2][round] = perfgate(jmeter, dir, "flush-" + round, 1, true, props);
                ownCpu[2][round] = (cpuNanos() - cpu) / 1e9;
                cpu = cpuNanos();
                rates[3][round] = perfgate(jmeter, dir, "two-" + round, 2, false, props);
                ownCpu[3][round] = (cpuNanos() - cpu) / 1e9;
                StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
                for (int v = 0; v < names.length; v++) {
                    line.append(String.format(Locale.ROOT, " | %s %.0f", names[v], rates[v][round]));
                }
                System.out.println(line + " req/s");
            }
            System.out.printf(Locale.ROOT, "median of %d rounds, %d threads, %d s, %d cores:%n", rounds, threads,
                    seconds, Runtime.getRuntime().availableProcessors());
            double baseline = median(rates[0]);
            for (int v = 0; v < names.length; v++) {
                double m = median(rates[v]);
                System.out.printf(Locale.ROOT, "  %-50s %9.1f req/s  overhead %+5.1f %%   CPU of this (perfgate) "
                        + "JVM %.2f s = %.1f %% of the cores' time%n", names[v], m, 100 * (baseline - m) / baseline,
                        median(ownCpu[v]), 100 * median(ownCpu[v])
                                / (seconds * Runtime.getRuntime().availableProcessors()));
            }
            double one = median(rates[1]);
            System.out.printf(Locale.ROOT, "perfgate's overhead at one generator: %+.1f %% of plain JMeter's req/s"
                    + " (target: within 5 %%; rounds: %s vs %s)%n", 100 * (baseline - one) / baseline,
                    rounded(rates[1]), rounded(rates[0]));
        }
    }

    private static double plain(JMeterInstallation jmeter, Path out, Path jmx, Map<String, String> props)
            throws Exception {
        Files.createDirectories(out);
        Path jtl = out.resolve("results.jtl");
        List<String> cmd = jmeter.command().heap("512m").plan(jmx).results(jtl).log(out.resolve("jmeter.log"))
                .properties(props).nonGui();
        Process p = new ProcessBuilder(cmd).directory(out.toFile()).redirectErrorStream(true)
                .redirectOutput(out.resolve("stdout.log").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("plain JMeter failed: " + Files.readString(out.resolve("stdout.log")));
        }
        return rate(List.of(new Summarizer.Source(jtl, "")));
    }

    /** CPU time of this JVM (the perfgate side: run loop, live tail, summary), all threads. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static String rounded(double[] values) {
        return java.util.Arrays.toString(java.util.Arrays.stream(values).mapToLong(Math::round).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double perfgate(JMeterInstallation jmeter, Path dir, String name, int generators, boolean flush,
            Map<String, String> props) throws Exception {
        Path planFile = dir.resolve(name + ".yaml");
        Files.writeString(planFile, "template: load.jmx\ngenerators: {count: " + generators + ", heap: 512m}\n"
                + "sampling: {flushEachSample: " + flush + "}\n");
        RunPlan plan = RunPlanReader.read(planFile).withProperties(props);
        RunOutcome outcome = new PlanRunner(plan, BuiltInGenerators.providers(), jmeter, dir.resolve(name), line -> { },
                true).run();
        return rate(outcome.resultFiles().stream().map(p -> new Summarizer.Source(p, "")).toList());
    }

    /** Samples per second between the first sample's start and the last sample's end. */
    private static double rate(List<Summarizer.Source> sources) throws Exception {
        LabelStats all = new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults()).summarize(sources)
                .overall();
        return all.count() * 1000.0 / Math.max(1, all.lastEnd() - all.firstStart());
    }
}
