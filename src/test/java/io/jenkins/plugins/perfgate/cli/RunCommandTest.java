package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.demo.DemoTarget;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfgate run} and {@code perfgate demo} end to end with real JMeter, and Ctrl-C on a real CLI process. */
class RunCommandTest {

    @TempDir
    Path dir;

    private static CliRun execute(String... args) {
        return CliRun.of(args);
    }

    private Path plan(int port, String properties, String extra) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/perfgate/templates/load.jmx")) {
            Files.copy(in, dir.resolve("load.jmx"));
        }
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                name: cli
                template: load.jmx
                properties: {host: 127.0.0.1, port: %d, rampUp: 0, thinkTime: 20, %s}
                generators: {count: 1, heap: 256m, options: {jvmArgs: -XX:TieredStopAtLevel=1}}
                sampling: {progressInterval: 1s, flushEachSample: true}
                %s
                """.formatted(port, properties, extra));
        return plan;
    }

    @Test
    void runWritesTheSummaryAndRawResultsAndPrintsTheTable() throws Exception {
        TestJMeter.installation();
        try (DemoTarget target = DemoTarget.start(0)) {
            Path plan = plan(target.port(), "threads: 2, duration: 3, path: /api/items, path2: /api/search", "");
            CliRun r = execute("run", plan.toString(), "--out", dir.resolve("out").toString(), "--cache",
                    TestJMeter.cacheRoot().toString(), "-P", "threads=3", "--apdex-t", "7");
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("[perfgate] 1s/3s"), "live progress: " + r.out());
            assertTrue(r.out().contains("GET /api/items") && r.out().contains("GET /api/search")
                    && r.out().contains("TOTAL"), "table: " + r.out());
            RunSummary summary = SummaryJson.read(dir.resolve("out/summary.json"));
            assertEquals(RunStatus.COMPLETE, summary.status());
            assertEquals("3", summary.attributes().get("property.threads"), "-P overrides the plan");
            assertEquals(7, summary.apdexTMillis(), "--apdex-t reaches the summary");
            assertEquals(7, summary.overall().apdexTMillis());
            assertTrue(Files.size(dir.resolve("out/generators/gen-1/results.jtl")) > 0);

            CliRun quiet = execute("run", plan.toString(), "--quiet", "--out", dir.resolve("q").toString(),
                    "--cache", TestJMeter.cacheRoot().toString(), "--html", dir.resolve("q/report").toString());
            assertEquals(0, quiet.exit(), quiet.out() + quiet.err());
            String page = Files.readString(dir.resolve("q/report/index.html"));
            assertTrue(page.contains("GET /api/items") && page.contains("href=\"../generators/gen-1/results.jtl\"")
                    && page.contains("href=\"../summary.json\""), "HTML report with links to the raw files");
            assertTrue(!quiet.out().contains("[perfgate] 1s/3s") && quiet.out().contains("[perfgate] final"),
                    quiet.out());

            // a plan with criteria is gated: the verdict is printed, the exit code follows it, the run is recorded
            // (1 s of load is enough for a verdict)
            Path gated = dir.resolve("gated.yaml");
            Files.writeString(gated, Files.readString(plan)
                    + "criteria:\n  - error% < 50\n  - rps > 1000000 => unstable\nbaseline: {policy: previous}\n");
            Path history = dir.resolve("history");
            CliRun g = execute("run", gated.toString(), "--quiet", "--out", dir.resolve("g").toString(),
                    "--cache", TestJMeter.cacheRoot().toString(), "--history", history.toString(),
                    "--record", "7", "--html", dir.resolve("g/report").toString(), "-P", "duration=1");
            assertEquals(PerfgateCli.EXIT_UNSTABLE, g.exit(), g.out() + g.err());
            assertTrue(g.out().contains("perfgate verdict: UNSTABLE") && g.out().contains("PASS     error% < 50"),
                    g.out());
            assertTrue(g.out().contains("recorded build #7"), g.out());
            assertTrue(Files.isDirectory(history) && Files.list(history).findAny().isPresent(), "history written");
            assertTrue(Files.readString(dir.resolve("g/report/index.html")).contains("UNSTABLE"), "verdict in report");
        }
    }

    @Test
    void anInvalidPlanIsRejectedNamingTheField() throws Exception {
        Path plan = plan(1, "threads: 2", "generators2: {count: 2}");
        CliRun r = execute("run", plan.toString());
        assertEquals(PerfgateCli.EXIT_INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("plan.yaml: generators2: unknown field"), r.err());
        Files.writeString(plan, Files.readString(plan).replace("generators2: {count: 2}", ""));
        CliRun named = execute("run", plan.toString(), "--generator-name", "build box");
        assertEquals(PerfgateCli.EXIT_INVALID_INPUT, named.exit());
        assertTrue(named.err().contains("--generator-name: 'build box' is not 1 to 64 letters, digits, '.', '_' or"
                + " '-'"), named.err());
    }

    /** {@code perfgate run} in a JVM of its own, its output lines collected. */
    private record CliProcess(Process process, List<String> lines, Thread reader) implements AutoCloseable {
        static CliProcess start(String... args) throws java.io.IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>();
            if (sigintIgnored()) {
                // started in the background by a shell without job control (nohup ... &), this JVM ignores SIGINT
                // and so would the child: a JVM that inherits an ignored SIGINT never reacts to Ctrl-C
                command.addAll(List.of("env", "--default-signal=INT"));
            }
            command.addAll(List.of(java, "-cp", TestCliClassPath.get(), PerfgateCli.class.getName()));
            command.addAll(List.of(args));
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(cli.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (java.io.IOException e) {
                    lines.add(e.toString());
                }
            });
            reader.start();
            return new CliProcess(cli, lines, reader);
        }

        /** Whether this process ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status). */
        private static boolean sigintIgnored() throws java.io.IOException {
            Path status = Path.of("/proc/self/status");
            if (!Files.isRegularFile(status)) {
                return false;
            }
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                    .anyMatch(l -> (Long.parseUnsignedLong(l.substring(7).trim(), 16) & 2L) != 0);
        }

        /** Waits for the first progress line with samples; returns the JMeter processes running then. */
        List<ProcessHandle> awaitLoad() throws InterruptedException {
            long deadline = System.currentTimeMillis() + 60_000;
            while (lines.stream().noneMatch(l -> l.startsWith("[perfgate]") && !l.contains("samples 0 "))) {
                assertTrue(System.currentTimeMillis() < deadline && process.isAlive(), "no samples: " + lines);
                Thread.sleep(100);
            }
            List<ProcessHandle> jmeters = new ArrayList<>(process.toHandle().descendants().toList());
            assertTrue(!jmeters.isEmpty(), "the CLI started JMeter");
            return jmeters;
        }

        void assertGoneWithin5s(List<ProcessHandle> jmeters, long since) throws Exception {
            for (ProcessHandle h : jmeters) {
                long left = 5_000 - (System.currentTimeMillis() - since);
                try {
                    h.onExit().get(Math.max(left, 1), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // what the CLI said and did meanwhile: a CI run once failed here without telling why
                    throw new AssertionError("process " + h.pid() + " " + h.info().commandLine().orElse("?")
                            + " still running " + (System.currentTimeMillis() - since) + " ms after the signal;"
                            + " CLI alive: " + process.isAlive() + "; its output:\n" + String.join("\n", lines), e);
                }
            }
            assertTrue(System.currentTimeMillis() - since < 5_000, "JMeter processes gone within 5 s");
        }

        @Override
        public void close() {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void ctrlCStopsEveryGeneratorProcessWithinFiveSecondsAndTheSeriesResultsAreWritten() throws Exception {
        TestJMeter.installation();
        try (DemoTarget target = DemoTarget.start(0)) {
            // a repeated series with a gate and an HTML report: Ctrl-C during its first run
            Path plan = plan(target.port(), "threads: 2, duration: 120, path: /api/items",
                    "repeat: 3\ncriteria: ['error% < 50']");
            try (CliProcess cli = CliProcess.start("run", plan.toString(), "--out", dir.resolve("out").toString(),
                    "--cache", TestJMeter.cacheRoot().toString(), "--html", dir.resolve("out/report").toString())) {
                List<ProcessHandle> jmeters = cli.awaitLoad();
                long interrupted = System.currentTimeMillis();
                new ProcessBuilder("kill", "-INT", Long.toString(cli.process().pid())).start().waitFor();
                cli.assertGoneWithin5s(jmeters, interrupted);
                // then the CLI writes what it has (merged summary, verdict, report) and exits
                assertTrue(cli.process().waitFor(StopOnSignal.FINISH.toSeconds() + 2, TimeUnit.SECONDS),
                        "the CLI exits");
                cli.reader().join(2_000);
                List<String> lines = cli.lines();
                RunSummary rep = SummaryJson.read(dir.resolve("out/rep-1/summary.json"));
                assertEquals(RunStatus.ABORTED, rep.status(), String.join("\n", lines));
                RunSummary summary = SummaryJson.read(dir.resolve("out/summary.json"));
                assertEquals(RunStatus.ABORTED, summary.status(), String.join("\n", lines));
                assertTrue(summary.statusReason().contains("interrupted"), summary.statusReason());
                assertTrue(summary.overall().count() > 0, "results up to Ctrl-C are kept");
                assertTrue(!Files.exists(dir.resolve("out/rep-2")), "no further repetition started");
                assertTrue(lines.stream().anyMatch(l -> l.contains("perfgate verdict: FAIL")), "gated: " + lines);
                assertTrue(Files.readString(dir.resolve("out/report/index.html")).contains("ABORTED"),
                        "the HTML report is written");
            }
        }
    }

    @Test
    void aStopFileEndsTheRunAbortedWithItsReasonAndWindowLinesFollowTheProgress() throws Exception {
        TestJMeter.installation();
        try (DemoTarget target = DemoTarget.start(0)) {
            // how the Jenkins controller stops a generator agent's run when the merged figures trip a criterion
            Path plan = plan(target.port(), "threads: 2, duration: 120, path: /api/items", "");
            Path out = dir.resolve("stopped");
            Path stop = dir.resolve("stop");
            Thread stopper = new Thread(() -> {
                try {
                    Path jtl = out.resolve("generators/agent-7/results.jtl");
                    // a few seconds of load: windows with samples
                    while (!Files.exists(jtl) || Files.size(jtl) < 20_000) {
                        Thread.sleep(100);
                    }
                    Files.writeString(stop, "abort criterion 'rps > 1' breached on the merged figures\nignored\n");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            stopper.setDaemon(true);
            stopper.start();
            long started = System.currentTimeMillis();
            CliRun r = execute("run", plan.toString(), "--out", out.toString(), "--cache",
                    TestJMeter.cacheRoot().toString(), "--window-lines", "--stop-file", stop.toString(),
                    "--generator-name", "agent-7");
            assertTrue(System.currentTimeMillis() - started < 60_000, "stopped long before its 120 s");
            assertEquals(RunSupport.EXIT_RUN_NOT_COMPLETE, r.exit(), r.out() + r.err());
            RunSummary summary = SummaryJson.read(out.resolve("summary.json"));
            assertEquals(RunStatus.ABORTED, summary.status());
            assertEquals("abort criterion 'rps > 1' breached on the merged figures", summary.statusReason());
            assertTrue(summary.overall().count() > 0, "what was recorded is kept");
            assertEquals(java.util.Set.of("agent-7"), summary.generators().keySet(), "the agent's own name");
            List<io.jenkins.plugins.perfgate.engine.runner.LiveWindow> windows = r.out().lines()
                    .filter(l -> l.startsWith(io.jenkins.plugins.perfgate.engine.runner.LiveWindow.PREFIX))
                    .map(l -> io.jenkins.plugins.perfgate.engine.runner.LiveWindow.parse(l).orElseThrow()).toList();
            assertTrue(windows.stream().anyMatch(w -> w.samples() > 0 && w.windowMillis() == 1_000), r.out());
        }
    }

    @Test
    void killMinus9OfPerfgateEndsItsJMeterProcessesToo() throws Exception {
        TestJMeter.installation();
        try (DemoTarget target = DemoTarget.start(0)) {
            Path plan = plan(target.port(), "threads: 2, duration: 120, path: /api/items", "");
            try (CliProcess cli = CliProcess.start("run", plan.toString(), "--out", dir.resolve("k9").toString(),
                    "--cache", TestJMeter.cacheRoot().toString())) {
                List<ProcessHandle> jmeters = cli.awaitLoad();
                long killed = System.currentTimeMillis();
                cli.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
                cli.assertGoneWithin5s(jmeters, killed);
                assertTrue(Files.readString(dir.resolve("k9/generators/gen-1/stdout.log"))
                        .contains("perfgate process that started this JMeter is gone"), "the generator says why");
            }
        }
    }

    @Test
    void demoRunsTheBundledPlanAgainstTheDemoShop() throws Exception {
        TestJMeter.installation();
        CliRun r = execute("demo", "--duration", "5", "--threads", "4", "--quiet", "--out",
                dir.resolve("demo").toString(), "--cache", TestJMeter.cacheRoot().toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        for (String label : List.of("GET /", "GET /api/items", "GET /api/search", "GET /api/checkout")) {
            assertTrue(r.out().contains(label + " "), label + " in table: " + r.out());
        }
        assertTrue(r.out().contains("GET /api/checkout") && r.out().contains("report: "), r.out());
        assertTrue(r.out().matches("(?s).*(PASS|FAIL|UNSTABLE).*"), "the gate's verdict: " + r.out());
        assertTrue(Files.readString(dir.resolve("demo/report/index.html")).contains("GET /api/checkout"));
        RunSummary summary = SummaryJson.read(dir.resolve("demo/summary.json"));
        assertEquals(RunStatus.COMPLETE, summary.status());
        assertEquals(2, summary.generators().size());
        assertTrue(summary.label("GET /api/checkout").orElseThrow().mean()
                > summary.label("GET /api/items").orElseThrow().mean(), "checkout is the slow endpoint");
    }
}
