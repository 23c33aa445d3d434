package io.jenkins.plugins.perfgate.engine.history;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    private static final SyntheticRuns RUNS = SyntheticRuns.of(label("a", 100, 200, 0));

    private static HistoryEntry entry(long n, BuildResult r) {
        return new HistoryEntry(BuildRef.of(n, n, r), RunFigures.of(RUNS.run(n, 1)));
    }

    @Test
    void sortedUniqueAndQueriedByNumber() {
        History h = new History(List.of(entry(3, BuildResult.SUCCESS), entry(1, BuildResult.FAILURE),
                entry(2, BuildResult.SUCCESS)), List.of("w"));
        assertEquals(List.of(1L, 2L, 3L), h.entries().stream().map(HistoryEntry::number).toList());
        assertEquals(3, h.lastNumber());
        assertEquals(List.of(1L, 2L), h.before(3).stream().map(HistoryEntry::number).toList());
        assertEquals(List.of(2L), h.lastPassing(3, 5).stream().map(HistoryEntry::number).toList());
        assertEquals(List.of(2L, 3L), h.lastPassing(99, 2).stream().map(HistoryEntry::number).toList());
        History replaced = h.with(entry(2, BuildResult.FAILURE));
        assertEquals(BuildResult.FAILURE, replaced.entry(2).get().build().result());
        assertEquals(List.of("w"), replaced.warnings());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new History(List.of(entry(1, BuildResult.SUCCESS), entry(1, BuildResult.SUCCESS)), List.of()));
        assertTrue(e.getMessage().contains("#1 appears twice"));
    }

    @Test
    void passingNeedsSuccessAndACompleteRun() {
        assertTrue(entry(1, BuildResult.SUCCESS).passing());
        assertFalse(entry(1, BuildResult.UNSTABLE).passing());
        RunFigures f = RunFigures.of(RUNS.run(1, 1));
        HistoryEntry incomplete = new HistoryEntry(BuildRef.of(1, 1, BuildResult.SUCCESS),
                new RunFigures(RunStatus.INCOMPLETE, "x", f.overall(), f.labels()));
        assertFalse(incomplete.passing());
    }

    @Test
    void aBuildsValueIsTheMedianOfItsRepetitions() {
        List<RunFigures> reps = List.of(RunFigures.of(RUNS.run(1, 1)), RunFigures.of(RUNS.run(2, 3)),
                RunFigures.of(RUNS.run(3, 1.1)));
        HistoryEntry e = new HistoryEntry(BuildRef.of(1, 1, BuildResult.SUCCESS), reps.get(0), reps);
        assertEquals(reps.get(2).label("a").get().get(Metric.MEAN), e.value("a", Metric.MEAN).getAsDouble());
        assertTrue(e.value("missing", Metric.MEAN).isEmpty());
        assertEquals(reps.get(2).overall().get(Metric.P95), e.value("TOTAL", Metric.P95).getAsDouble());
    }

    @Test
    void buildRefDefaultsAndDisplay() {
        BuildRef b = new BuildRef(7, null, 0, BuildResult.UNKNOWN, " v1 ", null);
        assertEquals("7", b.id());
        assertEquals("v1", b.releaseTag());
        assertEquals("#7 (v1)", b.display());
        assertTrue(b.commit().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> BuildRef.of(-1, 0, BuildResult.SUCCESS));
    }

    @Test
    void benchmarkRunsAndReportsConsistentFigures(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HistoryBenchmark.Figures f = HistoryBenchmark.run(dir, 12, 2, 1, new PrintStream(out, true, "UTF-8"));
        assertEquals(12, f.builds());
        assertTrue(f.indexBytes() > 0 && f.summaryBytes() > f.indexBytes(), f.toString());
        assertTrue(out.toString("UTF-8").contains("history of 12 builds x 2 labels"));
        assertTrue(out.toString("UTF-8").contains("<- baseline"));
    }
}
