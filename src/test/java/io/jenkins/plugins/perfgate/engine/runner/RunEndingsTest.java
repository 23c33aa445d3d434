package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How runs end other than as planned, each with real JMeter generators against the demo target: a generator
 * killed mid-run, a generator that cannot start, the time limit, an abort criterion, and cancellation.
 */
class RunEndingsTest {

    @TempDir
    Path dir;

    private RunPlan loadPlan(String extra, String... properties) throws Exception {
        return loadPlan(2, extra, properties);
    }

    private RunPlan loadPlan(int generators, String extra, String... properties) throws Exception {
        RunFixture.template("load.jmx", dir);
        return RunFixture.plan(dir, """
                template: load.jmx
                properties:
                  host: 127.0.0.1
                  port: PORT
                  threads: 2
                  rampUp: 0
                  thinkTime: 20
                """ + String.join("", List.of(properties).stream().map(p -> "  " + p + "\n").toList()) + """
                generators:
                  count: GENERATORS
                  heap: 256m
                  FAST_START
                sampling:
                  progressInterval: 1s
                  flushEachSample: true
                """.replace("GENERATORS", Integer.toString(generators)).replace("FAST_START", RunFixture.FAST_START) + extra);
    }

    private static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static boolean hasSamples(Path jtl) {
        try {
            return Files.isRegularFile(jtl) && Files.readAllLines(jtl).size() > 3;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aGeneratorKilledMidRunIsReportedAndTheOthersResultsKept() throws Exception {
        RunFixture.Run run = new RunFixture.Run(loadPlan("", "duration: 6", "path: /api/items"), dir.resolve("out"));
        CompletableFuture<RunOutcome> result = run.start();
        Path gen2 = dir.resolve("out/generators/gen-2/results.jtl");
        await(() -> hasSamples(gen2) && run.runner.pids().size() == 2, 30_000, "samples from gen-2");
        long victim = run.runner.pids().get(1);
        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        RunOutcome outcome = result.get();
        System.out.println(run.output());

        assertEquals(RunStatus.INCOMPLETE, outcome.status(), run.output());
        assertEquals(List.of("gen-2"), outcome.failedGenerators());
        assertTrue(outcome.reason().contains("gen-2"), outcome.reason());
        assertTrue(run.output().contains("generator gen-2 FAILED: exited with code 137 (killed by signal 9)"),
                run.output());
        assertTrue(run.output().contains("--- stdout.log ---"), "log tail shown: " + run.output());
        RunSummary summary = SummaryJson.read(outcome.summaryFile());
        assertEquals(RunStatus.INCOMPLETE, summary.status());
        assertTrue(summary.generators().get("gen-1").count() > summary.generators().get("gen-2").count(),
                "gen-1 ran on after gen-2 died: " + summary.generators());
        assertTrue(summary.generators().get("gen-2").count() > 0, "gen-2's partial results are kept");
        assertEquals("gen-2", summary.attributes().get("generators.failed"));
        assertTrue(RunFixture.allGone(run.runner.pids()));
    }

    @Test
    void anUnreadablePlanIsRefusedBeforeAnyGeneratorStarts() throws Exception {
        // the missing-class check reads the plan first: a broken one is named with its position, nothing is started
        Files.writeString(dir.resolve("broken.jmx"), "<jmeterTestPlan><hashTree><nonsense/></hashTree>");
        RunPlan plan = RunFixture.plan(dir, """
                template: broken.jmx
                properties: {threads: 2}
                generators: {count: 1, heap: 256m}
                """);
        RunFixture.Run run = new RunFixture.Run(plan, dir.resolve("out"));
        IOException refused = assertThrows(IOException.class, run.runner::run);
        assertTrue(refused.getMessage().contains("broken.jmx: not a readable JMeter test plan"), refused.getMessage());
        assertFalse(run.output().contains("generator gen-1"), "no generator was started: " + run.output());
    }

    @Test
    void theTimeLimitStopsTheGeneratorsAndKeepsPartialResults() throws Exception {
        RunFixture.Run run = new RunFixture.Run(loadPlan(1, "timeLimit: 8s\n", "duration: 120", "path: /api/items"),
                dir.resolve("out"));
        long start = System.currentTimeMillis();
        RunOutcome outcome = run.runner.run();
        long took = System.currentTimeMillis() - start;
        System.out.println(run.output());
        assertEquals(RunStatus.TIMED_OUT, outcome.status(), run.output());
        assertTrue(outcome.reason().contains("time limit of 8s reached"), outcome.reason());
        assertTrue(took < 20_000, "stopped soon after the limit: " + took + " ms");
        RunSummary summary = SummaryJson.read(outcome.summaryFile());
        assertEquals(RunStatus.TIMED_OUT, summary.status());
        assertTrue(summary.overall().count() > 0, "partial results kept");
        assertTrue(RunFixture.allGone(run.runner.pids()));
    }

    @Test
    void anAbortCriterionEndsTheRunEarlyAndSaysWhy() throws Exception {
        RunFixture.Run run = new RunFixture.Run(loadPlan(1, "abort:\n  - error% > 50 for 1s\n", "duration: 120",
                "path: /status/500"), dir.resolve("out"));
        long start = System.currentTimeMillis();
        RunOutcome outcome = run.runner.run();
        long took = System.currentTimeMillis() - start;
        System.out.println(run.output());
        assertEquals(RunStatus.ABORTED, outcome.status(), run.output());
        assertTrue(outcome.reason().startsWith("abort criterion 'error% > 50 for 1s' breached (error% = 100.0"),
                outcome.reason());
        assertTrue(took < 25_000, "aborted early: " + took + " ms");
        RunSummary summary = SummaryJson.read(outcome.summaryFile());
        assertEquals(RunStatus.ABORTED, summary.status());
        assertEquals(summary.overall().count(), summary.overall().errors());
        assertTrue(RunFixture.allGone(run.runner.pids()));
    }

    @Test
    void cancellingStopsEveryGeneratorWithinFiveSeconds() throws Exception {
        RunFixture.Run run = new RunFixture.Run(loadPlan("", "duration: 120", "path: /api/items"),
                dir.resolve("out"));
        CompletableFuture<RunOutcome> result = run.start();
        await(() -> hasSamples(dir.resolve("out/generators/gen-1/results.jtl"))
                && hasSamples(dir.resolve("out/generators/gen-2/results.jtl")), 30_000, "samples");
        List<Long> pids = run.runner.pids();
        long cancelled = System.currentTimeMillis();
        run.runner.cancel("stopped by the test");
        await(() -> RunFixture.allGone(pids), 5_000, "every generator JVM to be gone");
        assertTrue(System.currentTimeMillis() - cancelled < 5_000);
        RunOutcome outcome = result.get();
        assertEquals(RunStatus.ABORTED, outcome.status());
        assertEquals("stopped by the test", outcome.reason());
        assertTrue(SummaryJson.read(outcome.summaryFile()).overall().count() > 0);
    }
}
