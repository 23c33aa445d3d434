package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.history.DirectoryHistoryStore;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.runner.demo.DemoTarget;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repeat: k} and interleaved baseline/candidate runs ({@code baselineTarget}) end to end: real JMeter against
 * the demo target on 127.0.0.1, short runs (1 s each).
 */
class RepeatedRunTest {

    @TempDir
    Path dir;

    private static CliRun execute(String... args) {
        return CliRun.of(args);
    }

    private Path plan(String name, int port, String path, String extra) throws Exception {
        if (!Files.exists(dir.resolve("load.jmx"))) {
            try (InputStream in = getClass().getResourceAsStream("/perfgate/templates/load.jmx")) {
                Files.copy(in, dir.resolve("load.jmx"));
            }
        }
        Path plan = dir.resolve(name + ".yaml");
        Files.writeString(plan, """
                name: %s
                template: load.jmx
                properties: {host: 127.0.0.1, port: %d, rampUp: 0, thinkTime: 10, threads: 2, duration: 1, path: %s}
                generators: {count: 1, heap: 256m, options: {jvmArgs: -XX:TieredStopAtLevel=1}}
                repeat: 3
                %s
                """.formatted(name, port, path, extra));
        return plan;
    }

    private CliRun run(Path plan, String... more) {
        String[] base = {"run", plan.toString(), "--quiet", "--out", dir.resolve("out-" + plan.getFileName())
                .toString(), "--cache", TestJMeter.cacheRoot().toString(), "--history", dir.resolve("history-"
                + plan.getFileName()).toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return execute(all);
    }

    @Test
    void repeatRunsThePlanKTimesMergesExactlyAndRecordsTheRepetitions() throws Exception {
        TestJMeter.installation();
        try (DemoTarget target = DemoTarget.start(0)) {
            Path plan = plan("rep", target.port(), "/delay/5", """
                    criteria: ['error% < 1', 'mean vs baseline < +50%']
                    baseline: {policy: previous, alpha: 0.05}
                    """);
            CliRun r = run(plan, "--record", "4");
            assertEquals(0, r.exit(), r.out() + r.err());
            Path out = dir.resolve("out-rep.yaml");
            long sum = 0;
            for (int i = 1; i <= 3; i++) {
                assertTrue(r.out().contains("perfgate: repetition " + i + "/3: COMPLETE"), r.out());
                RunSummary rep = SummaryJson.read(out.resolve("rep-" + i + "/summary.json"));
                assertEquals(RunStatus.COMPLETE, rep.status());
                assertTrue(rep.overall().count() > 0 && Files.size(out.resolve("rep-" + i
                        + "/generators/gen-1/results.jtl")) > 0, "rep-" + i + " has its own raw results");
                sum += rep.overall().count();
            }
            assertTrue(!Files.exists(out.resolve("rep-4")), "exactly three repetitions");
            RunSummary merged = SummaryJson.read(out.resolve("summary.json"));
            assertEquals(sum, merged.overall().count(), "the top-level summary merges the repetitions");
            assertTrue(r.out().contains("perfgate verdict: PASS") && r.out().contains("recorded build #4"), r.out());
            HistoryEntry stored = new DirectoryHistoryStore(dir.resolve("history-rep.yaml")).load().entry(4)
                    .orElseThrow();
            assertEquals(3, stored.repeats().size(), "the repetitions are stored with the build");
            assertEquals(sum, stored.figures().overall().count());

            // the next repeated build is compared repetition against repetition with build #4's stored ones
            CliRun next = execute("run", plan.toString(), "--quiet", "--out", dir.resolve("next").toString(),
                    "--cache", TestJMeter.cacheRoot().toString(), "--history", dir.resolve("history-rep.yaml")
                            .toString());
            assertEquals(0, next.exit(), next.out() + next.err());
            assertTrue(next.out().contains("baseline: previous build #4") && next.out().contains("Mann-Whitney U p=")
                    && next.out().contains("(3 vs 3 runs)"), next.out());
        }
    }

    @Test
    void interleavedRunsDetectASlowerCandidateWithTheUTest() throws Exception {
        TestJMeter.installation();
        try (DemoTarget target = DemoTarget.start(0)) {
            // the candidate version answers in 40 ms, the released one in 5 ms: labels differ, so TOTAL is compared
            Path plan = plan("slower", target.port(), "/delay/40", """
                    baselineTarget: {properties: {path: /delay/5}}
                    criteria: ['mean vs baseline < +25%']
                    baseline: {alpha: 0.05}
                    """);
            CliRun r = run(plan);
            assertEquals(PerfgateCli.EXIT_FAIL, r.exit(), r.out() + r.err());
            Path out = dir.resolve("out-slower.yaml");
            for (int i = 1; i <= 3; i++) {
                assertTrue(r.out().contains("perfgate: baseline " + i + "/3: COMPLETE"), r.out());
                assertTrue(r.out().contains("perfgate: candidate " + i + "/3: COMPLETE"), r.out());
                assertTrue(SummaryJson.read(out.resolve("baseline/rep-" + i + "/summary.json")).label(
                        "GET /delay/5").isPresent(), "baseline runs use the baseline target's properties");
                assertTrue(SummaryJson.read(out.resolve("rep-" + i + "/summary.json")).label("GET /delay/40")
                        .isPresent(), "candidate runs use the plan's properties");
            }
            // B1 C1 B2 C2 B3 C3
            int b1 = r.out().indexOf("baseline 1/3");
            int c1 = r.out().indexOf("candidate 1/3");
            int b2 = r.out().indexOf("baseline 2/3");
            int c3 = r.out().indexOf("candidate 3/3");
            assertTrue(b1 < c1 && c1 < b2 && b2 < c3, "interleaved order: " + r.out());
            assertTrue(r.out().contains("perfgate verdict: FAIL") && r.out().contains(
                    "baseline: baseline target, 3 run(s) interleaved with the candidate's"), r.out());
            assertTrue(r.out().contains("regression; Mann-Whitney U p=0.05") && r.out().contains("(3 vs 3 runs)"),
                    "method, p-value and runs: " + r.out());
            assertTrue(r.out().matches("(?s).*effect [0-9.]+σ.*"), "effect size: " + r.out());
        }
    }

    @Test
    void anInterleavedAaRunAgainstTwoInstancesOfTheSameVersionPasses() throws Exception {
        TestJMeter.installation();
        try (DemoTarget released = DemoTarget.start(0); DemoTarget candidate = DemoTarget.start(0)) {
            Path plan = plan("aa", candidate.port(), "/delay/20", """
                    baselineTarget: {properties: {port: %d}}
                    criteria: ['mean vs baseline < +25%%']
                    baseline: {alpha: 0.05}
                    """.formatted(released.port()));
            long before = released.requests();
            CliRun r = run(plan);
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(released.requests() > before && candidate.requests() > 0, "both instances were loaded");
            assertTrue(r.out().contains("perfgate verdict: PASS") && r.out().contains("Mann-Whitney U")
                    && r.out().contains("(3 vs 3 runs)"), r.out());
        }
    }

    @Test
    void aRepetitionThatDoesNotCompleteEndsTheSeriesAndTheRunIsNotPassed() throws Exception {
        TestJMeter.installation();
        try (DemoTarget target = DemoTarget.start(0)) {
            Path plan = plan("stops", target.port(), "/delay/5", "criteria: ['error% < 1']");
            // 4 s: JMeter must have started its threads before the limit, also on a slow machine (at 2 s it sometimes had not)
            CliRun r = run(plan, "-P", "duration=30", "--time-limit", "4s");
            assertEquals(PerfgateCli.EXIT_FAIL, r.exit(), r.out() + r.err());
            Path out = dir.resolve("out-stops.yaml");
            assertTrue(r.out().contains("perfgate: repetition 1/3: TIMED_OUT")
                    && r.out().contains("repetition 1 did not complete: the series stops"), r.out());
            assertTrue(!Files.exists(out.resolve("rep-2")), "no further repetition ran");
            RunSummary merged = SummaryJson.read(out.resolve("summary.json"));
            assertEquals(RunStatus.TIMED_OUT, merged.status());
            assertTrue(merged.overall().count() > 0, "what the repetition measured is kept");
            assertTrue(r.out().contains("perfgate verdict: FAIL"), r.out());
        }
    }
}
