package io.jenkins.plugins.perfgate.engine.gate;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.engine.history.BaselineMarks;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.DirectoryHistoryStore;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.history.HistoryStore;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate use case over a real history directory and real run summaries. */
class GateRunTest {

    private static final SyntheticRuns RUNS = SyntheticRuns.of(label("home", 120, 400, 0), label("cart", 200, 400, 0));
    private static final String CRITERIA = "error% < 5; p95 vs baseline < +10%";

    @TempDir
    Path dir;

    private static GateRequest.Builder request(RunSummary run) {
        return GateRequest.builder(run).criteria(CRITERIA)
                .forBuildAfterNewest(BuildRef.of(0, 1000, BuildResult.UNKNOWN));
    }

    /** Builds 1..n recorded through the use case, each a little noisy, all passing. */
    private GateRun steadyHistory(int n) throws IOException {
        GateRun gate = new GateRun(new DirectoryHistoryStore(dir));
        for (int i = 1; i <= n; i++) {
            JudgedRun r = gate.judge(request(RUNS.run(i, 1 + 0.01 * (i % 3))).record(Recording.withVerdict()).build());
            assertEquals(GateResult.PASS, r.verdict().result(), r.verdict().format());
            assertEquals(i, r.recorded().orElseThrow().number(), "numbered after the newest build");
        }
        return gate;
    }

    @Test
    void anotherHistoryServesAsReferenceAndTheBuildIsRecordedInItsOwn() throws IOException {
        steadyHistory(6); // "main": builds 1..6 in dir
        Path own = Files.createDirectories(dir.resolve("pr"));
        GateRun pr = new GateRun(new DirectoryHistoryStore(own), new DirectoryHistoryStore(dir), "branch main");
        JudgedRun r = pr.judge(GateRequest.builder(RUNS.run(99, 1.6)).criteria(CRITERIA)
                .forBuild(BuildRef.of(1, 1000, BuildResult.UNKNOWN)).record(Recording.withVerdict()).build());
        assertEquals(GateResult.FAIL, r.verdict().result(), "the first build of the change is gated at once");
        assertEquals("median of 5 passing builds (#2, #3, #4, #5, #6) of branch main",
                r.baseline().orElseThrow().description());
        assertEquals(0, r.baselineBuild(), "main's build numbers are not this history's");
        assertEquals(1, r.recorded().orElseThrow().number());
        assertEquals(List.of(1L), new DirectoryHistoryStore(own).load().entries().stream()
                .map(HistoryEntry::number).toList());
        assertEquals(6, new DirectoryHistoryStore(dir).load().entries().size(), "the reference is only read");
    }

    @Test
    void anAcceptedRegressionIsTheNewLevelForTheNextBuild() throws IOException {
        GateRun gate = steadyHistory(5);
        JudgedRun slow = gate.judge(request(RUNS.run(50, 1.6)).record(Recording.withVerdict()).build());
        assertEquals(GateResult.FAIL, slow.verdict().result());
        DirectoryHistoryStore plain = new DirectoryHistoryStore(dir);
        HistoryStore marked = new HistoryStore() { // the directory's history with one accept (as Jenkins keeps them)
            @Override
            public History load() throws IOException {
                return plain.load();
            }

            @Override
            public Optional<RunSummary> summary(long buildNumber) throws IOException {
                return plain.summary(buildNumber);
            }

            @Override
            public void record(BuildRef build, RunSummary summary, List<RunSummary> repeats) throws IOException {
                plain.record(build, summary, repeats);
            }

            @Override
            public BaselineMarks marks() {
                return BaselineMarks.NONE.with(new BaselineMark(BaselineMark.Kind.ACCEPT, 6, "alice", 1L, "intended"));
            }
        };
        JudgedRun next = new GateRun(marked).judge(request(RUNS.run(51, 1.6)).build());
        assertEquals(GateResult.PASS, next.verdict().result(), next.verdict().format());
        assertEquals("median of 1 passing build (#6), since accepted build #6",
                next.baseline().orElseThrow().description());
        JudgedRun unmarked = gate.judge(request(RUNS.run(51, 1.6)).build());
        assertEquals(GateResult.FAIL, unmarked.verdict().result(), "without the accept the level is the old one");
    }

    @Test
    void aSlowBuildFailsAgainstTheMedianIsRecordedAsFailedAndNamesTheNewestBaselineBuild() throws IOException {
        GateRun gate = steadyHistory(7);
        RunSummary slow = RUNS.run(99, 1.6);
        JudgedRun r = gate.judge(request(slow).record(Recording.withVerdict()).build());

        assertEquals(GateResult.FAIL, r.verdict().result(), r.verdict().format());
        assertEquals(ExitCodes.FAIL, r.exitCode());
        assertEquals(8, r.candidate().number());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), r.baseline().orElseThrow().buildNumbers(), "default median:5");
        assertEquals(7, r.baselineBuild(), "a median's newest build stands for it");
        assertEquals(BuildResult.FAILURE, r.recorded().orElseThrow().result());
        History after = new DirectoryHistoryStore(dir).load();
        assertEquals(BuildResult.FAILURE, after.entry(8).orElseThrow().build().result());
        assertTrue(r.recordFailure().isEmpty());

        // the use case reaches the verdict the gate itself reaches on the same history
        Verdict direct = new Gate(GateOptions.defaults()).judge(CriteriaParser.parseAll(CRITERIA),
                r.candidate(), r.stored());
        assertEquals(direct, r.verdict());
    }

    @Test
    void withoutRecordingTheHistoryIsLeftAsItIsAndAFixedNumberIsKept() throws IOException {
        GateRun gate = steadyHistory(3);
        JudgedRun r = gate.judge(request(RUNS.run(50, 1)).baseline("previous")
                .forBuild(BuildRef.of(42, 1000, BuildResult.UNKNOWN)).build());
        assertEquals(42, r.candidate().number());
        assertEquals(3, r.baselineBuild());
        assertTrue(r.recorded().isEmpty());
        assertEquals(3, new DirectoryHistoryStore(dir).load().entries().size());
        assertEquals(3, r.stored().entries().size());
    }

    @Test
    void aBuildRecordsTheWorseOfItsResultAndTheVerdictsOrItsOwnWhenTheVerdictIsOnlyReturned() throws IOException {
        GateRun gate = new GateRun(new DirectoryHistoryStore(dir));
        RunSummary run = RUNS.run(1, 1);
        JudgedRun unstableBuild = gate.judge(GateRequest.builder(run).criteria("error% < 5")
                .forBuild(BuildRef.of(1, 1000, BuildResult.UNKNOWN))
                .record(Recording.ofBuild(BuildResult.UNSTABLE, true)).build());
        assertEquals(GateResult.PASS, unstableBuild.verdict().result());
        assertEquals(BuildResult.UNSTABLE, unstableBuild.recorded().orElseThrow().result());

        JudgedRun returnOnly = gate.judge(GateRequest.builder(run).criteria("p95 < 1ms")
                .forBuild(BuildRef.of(2, 1000, BuildResult.UNKNOWN))
                .record(Recording.ofBuild(BuildResult.SUCCESS, false)).build());
        assertEquals(GateResult.FAIL, returnOnly.verdict().result());
        assertEquals(BuildResult.SUCCESS, returnOnly.recorded().orElseThrow().result());
        assertEquals(0, returnOnly.baselineBuild(), "no baseline policy matters without baseline criteria");
    }

    @Test
    void anInterleavedBaselineIsNoBuildOfTheHistoryAndRepetitionsAreKeptWhenAsked() throws IOException {
        List<RunSummary> candidate = new ArrayList<>();
        List<RunSummary> baseline = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            candidate.add(RUNS.run(10 + i, 1));
            baseline.add(RUNS.run(20 + i, 1));
        }
        RunSummary merged = candidate.stream().reduce(RunSummary::merge).orElseThrow();
        JudgedRun r = new GateRun(new DirectoryHistoryStore(dir)).judge(GateRequest.builder(merged)
                .criteria("mean vs baseline < +50%").alpha("0.05").runs(new RepeatedRuns(candidate, baseline))
                .forBuild(BuildRef.of(0, 1000, BuildResult.UNKNOWN)).record(Recording.withVerdict()).build());
        assertEquals(GateResult.PASS, r.verdict().result(), r.verdict().format());
        assertTrue(r.verdict().baselineDescription().startsWith("baseline target"), r.verdict().baselineDescription());
        assertEquals(0, r.baselineBuild(), "the baseline target's runs are no build of the history");
        assertEquals(1, r.candidate().number(), "judged after the baseline target's place, which needs #0");
        assertEquals(0, r.recorded().orElseThrow().number(), "recorded under the number asked for");
        assertEquals(0.05, r.options().alpha());
        HistoryEntry stored = new DirectoryHistoryStore(dir).load().entry(0).orElseThrow();
        assertEquals(3, stored.repeats().size(), "the CLI keeps the repetitions");
        assertTrue(Files.isRegularFile(dir.resolve("0/repeat-3.json")));
    }

    @Test
    void anUnreadableHistoryIsReportedWithTheStoresMessage() throws IOException {
        Path file = Files.writeString(dir.resolve("history"), "not a directory");
        GateRun.HistoryUnreadable e = assertThrows(GateRun.HistoryUnreadable.class,
                () -> new GateRun(new DirectoryHistoryStore(file)).judge(request(RUNS.run(1, 1)).build()));
        assertEquals(file + ": not a directory", e.getMessage());
    }

    @Test
    void aFailedRecordKeepsTheVerdict() throws IOException {
        Files.writeString(dir.resolve("5"), "a file where build 5's directory would go");
        JudgedRun r = new GateRun(new DirectoryHistoryStore(dir)).judge(request(RUNS.run(1, 1))
                .forBuild(BuildRef.of(5, 1000, BuildResult.UNKNOWN)).record(Recording.withVerdict()).build());
        assertEquals(GateResult.PASS, r.verdict().result());
        assertTrue(r.recordFailure().isPresent());
        assertFalse(r.recorded().isPresent());
    }
}
