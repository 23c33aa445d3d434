package io.jenkins.plugins.perfgate.engine.compare;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void everyMetricReadsItsStatistic() {
        RunSummary s = SyntheticRuns.of(label("a", 100, 500, 0.1)).run(1, 1);
        LabelStats a = s.label("a").orElseThrow();
        LabelFigures f = LabelFigures.of(a);
        assertEquals(a.percentile(95), f.get(Metric.P95));
        assertEquals(a.percentile(99.9), f.get(Metric.P999));
        assertEquals(a.mean(), f.get(Metric.MEAN));
        assertEquals(a.errorPercent(), f.get(Metric.ERROR_PERCENT));
        assertEquals(a.errors(), f.get(Metric.ERRORS));
        assertEquals(a.throughput(), f.get(Metric.THROUGHPUT));
        assertEquals(a.apdex(), f.get(Metric.APDEX));
        assertEquals(a.latencyPercentile(90), f.get(Metric.LATENCY_P90));
        assertEquals(a.connectPercentile(99), f.get(Metric.CONNECT_P99));
        assertEquals(a.receivedBytesPerSecond(), f.get(Metric.RECEIVED_BYTES_PER_SEC));
        assertEquals(a.sentBytesPerSecond(), f.get(Metric.SENT_BYTES_PER_SEC));
        assertEquals(500, f.count());
        for (Metric m : Metric.values()) {
            assertFalse(Double.isNaN(f.get(m)), m.key());
            assertEquals(Optional.of(m), Metric.byName(m.key()));
            m.aliases().forEach(alias -> assertEquals(Optional.of(m), Metric.byName(alias.toUpperCase())));
        }
        assertEquals("812 ms", Metric.P95.format(812));
        assertEquals("1.25 %", Metric.ERROR_PERCENT.format(1.25));
        assertEquals("52.3/s", Metric.THROUGHPUT.format(52.3));
        assertEquals("n/a", Metric.MEAN.format(Double.NaN));
    }

    @Test
    void deltasOfEveryStatisticAndAddedRemovedLabels() {
        RunFigures base = RunFigures.of(SyntheticRuns.of(label("a", 100, 300, 0), label("old", 50, 300, 0))
                .run(1, 1));
        RunFigures cur = RunFigures.of(SyntheticRuns.of(label("a", 100, 300, 0), label("new", 70, 300, 0))
                .run(2, 1.2));
        Comparison c = Comparison.of(cur, base, "build #1");
        assertEquals("build #1", c.baselineDescription());
        assertEquals(List.of("a", "new", "old"), c.labels().stream().map(LabelComparison::label).toList());
        LabelComparison a = c.label("a").orElseThrow();
        assertEquals(LabelComparison.Presence.BOTH, a.presence());
        StatDelta p95 = a.delta(Metric.P95).orElseThrow();
        assertEquals(cur.label("a").get().get(Metric.P95), p95.current());
        assertEquals(base.label("a").get().get(Metric.P95), p95.baseline());
        assertEquals(p95.current() - p95.baseline(), p95.absolute());
        assertEquals(p95.absolute() / p95.baseline(), p95.relative(), 1e-12);
        assertTrue(p95.worse());
        assertEquals(LabelComparison.Presence.ADDED, c.label("new").get().presence());
        assertTrue(c.label("new").get().deltas().isEmpty());
        assertTrue(c.label("new").get().baseline().isEmpty());
        assertEquals(LabelComparison.Presence.REMOVED, c.label("old").get().presence());
        assertTrue(c.label("old").get().current().isEmpty());
        assertEquals(Metric.values().length, c.overall().deltas().size());
    }

    @Test
    void tableShowsEveryLabelAndTheAddedAndRemovedOnes() {
        RunFigures base = RunFigures.of(SyntheticRuns.of(label("a", 100, 300, 0), label("old", 50, 300, 0))
                .run(1, 1));
        RunFigures cur = RunFigures.of(SyntheticRuns.of(label("a", 100, 300, 0.1), label("new", 70, 300, 0))
                .run(2, 1.2));
        String table = ComparisonTable.format(Comparison.of(cur, base, "build #1"), List.of(Metric.P95,
                Metric.ERRORS));
        assertTrue(table.startsWith("comparison with build #1\n"), table);
        assertTrue(table.lines().anyMatch(l -> l.trim().startsWith("TOTAL") && l.contains("p95")), table);
        assertTrue(table.lines().anyMatch(l -> l.trim().startsWith("a ") && l.contains("errors") && l.endsWith("new")),
                "errors from 0: " + table);
        assertTrue(table.contains("added (not in the baseline): new"), table);
        assertTrue(table.contains("removed (only in the baseline): old"), table);
    }

    @Test
    void relativeChangeFromZero() {
        assertEquals(0, new StatDelta(Metric.ERRORS, 0, 0).relative());
        assertTrue(Double.isNaN(new StatDelta(Metric.ERRORS, 0, 3).relative()));
        assertTrue(new StatDelta(Metric.THROUGHPUT, 50, 40).worse());
        assertFalse(new StatDelta(Metric.THROUGHPUT, 50, 60).worse());
    }
}
