package io.jenkins.plugins.perfgate.engine.history;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaselineTest {

    private static final SyntheticRuns RUNS = SyntheticRuns.of(label("home", 100, 300, 0), label("cart", 200, 300, 0));

    /** Builds 1..8: #3 failed, #5 tagged v1.0, #6 incomplete, #7 tagged v1.1-rc1; build n runs at 100·n ms scale. */
    private static History history() {
        List<HistoryEntry> entries = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            RunFigures f = RunFigures.of(RUNS.run(n, n));
            if (n == 6) {
                f = new RunFigures(RunStatus.INCOMPLETE, "generator lost", f.overall(), f.labels());
            }
            BuildResult result = n == 3 ? BuildResult.FAILURE : BuildResult.SUCCESS;
            String tag = n == 5 ? "v1.0" : n == 7 ? "v1.1-rc1" : "";
            entries.add(new HistoryEntry(new BuildRef(n, "", 1000L * n, result, tag, ""), f));
        }
        return new History(entries, List.of());
    }

    private static List<Long> builds(Optional<Baseline> b) {
        return b.orElseThrow().buildNumbers();
    }

    @Test
    void previousIsTheLastCompleteBuildWhateverItsResult() {
        assertEquals(List.of(7L), builds(Baseline.resolve(new BaselinePolicy.Previous(), history(), 8)));
        // #6 was incomplete: skipped; #4 passes
        assertEquals(List.of(5L), builds(Baseline.resolve(new BaselinePolicy.Previous(), history(), 6)));
        // #3 failed but its run was complete
        assertEquals(List.of(3L), builds(Baseline.resolve(new BaselinePolicy.Previous(), history(), 4)));
        assertTrue(Baseline.resolve(new BaselinePolicy.Previous(), history(), 1).isEmpty());
    }

    @Test
    void lastPassingSkipsFailedAndIncompleteBuilds() {
        assertEquals(List.of(2L), builds(Baseline.resolve(new BaselinePolicy.LastPassing(), history(), 4)));
        assertEquals(List.of(5L), builds(Baseline.resolve(new BaselinePolicy.LastPassing(), history(), 7)));
    }

    @Test
    void lastTaggedMatchesAnyTagOrAGlob() {
        assertEquals(List.of(7L), builds(Baseline.resolve(new BaselinePolicy.LastTagged(""), history(), 8)));
        assertEquals(List.of(5L), builds(Baseline.resolve(BaselinePolicy.parse("tag:v1.0*"), history(), 8)));
        assertTrue(Baseline.resolve(BaselinePolicy.parse("tag:v2.*"), history(), 8).isEmpty());
        assertTrue(Baseline.resolve(new BaselinePolicy.LastTagged(""), history(), 5).isEmpty());
    }

    @Test
    void pinnedBuildEvenIfLaterButNeverAnIncompleteOne() {
        Baseline b = Baseline.resolve(new BaselinePolicy.Pinned(2), history(), 8).orElseThrow();
        assertEquals(List.of(2L), b.buildNumbers());
        assertEquals("pinned build #2", b.description());
        assertTrue(Baseline.resolve(new BaselinePolicy.Pinned(6), history(), 8).isEmpty());
        assertTrue(Baseline.resolve(new BaselinePolicy.Pinned(99), history(), 8).isEmpty());
    }

    @Test
    void medianOfTheLastPassingBuildsPerLabelAndMetric() {
        Baseline b = Baseline.resolve(new BaselinePolicy.Median(3), history(), 8).orElseThrow();
        assertEquals(List.of(4L, 5L, 7L), b.buildNumbers());
        History h = history();
        for (String label : List.of("home", "cart")) {
            for (Metric m : List.of(Metric.P95, Metric.MEAN, Metric.THROUGHPUT)) {
                double[] v = {h.entry(4).get().value(label, m).getAsDouble(),
                    h.entry(5).get().value(label, m).getAsDouble(), h.entry(7).get().value(label, m).getAsDouble()};
                java.util.Arrays.sort(v);
                assertEquals(v[1], b.figures().label(label).get().get(m), label + " " + m);
            }
        }
        assertTrue(b.description().contains("#4, #5, #7"), b.description());
        // fewer passing builds than asked: the median of those there are
        assertEquals(List.of(1L, 2L), builds(Baseline.resolve(new BaselinePolicy.Median(5), history(), 3)));
    }

    @Test
    void medianBaselineIsRobustToOneOddBuild() {
        List<HistoryEntry> entries = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            double factor = n == 3 ? 5 : 1; // one build hit a slow machine
            entries.add(new HistoryEntry(BuildRef.of(n, n, BuildResult.SUCCESS), RunFigures.of(RUNS.run(n,
                    factor))));
        }
        History h = new History(entries, List.of());
        double median = Baseline.resolve(new BaselinePolicy.Median(5), h, 6).orElseThrow().figures().overall()
                .get(Metric.P95);
        double odd = h.entry(3).get().figures().overall().get(Metric.P95);
        double normal = h.entry(2).get().figures().overall().get(Metric.P95);
        assertTrue(Math.abs(median - normal) / normal < 0.15, median + " vs " + normal);
        assertTrue(odd > 3 * median);
    }

    @Test
    void policiesParseFromText() {
        assertInstanceOf(BaselinePolicy.Previous.class, BaselinePolicy.parse("previous"));
        assertInstanceOf(BaselinePolicy.LastPassing.class, BaselinePolicy.parse("last-passing"));
        assertEquals(new BaselinePolicy.LastTagged("v*"), BaselinePolicy.parse("tag:v*"));
        assertEquals(new BaselinePolicy.Pinned(42), BaselinePolicy.parse("build:#42"));
        assertEquals(new BaselinePolicy.Median(5), BaselinePolicy.parse("median"));
        assertEquals(new BaselinePolicy.Median(7), BaselinePolicy.parse("median:7"));
        assertEquals(new BaselinePolicy.Median(5), BaselinePolicy.defaultPolicy());
        for (String p : List.of("previous", "last-passing", "tag", "tag:v1*", "build:3", "median:9")) {
            assertEquals(p, BaselinePolicy.parse(p).text());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BaselinePolicy.parse("build:abc"));
        assertTrue(e.getMessage().contains("build:abc") && e.getMessage().contains("median:N"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BaselinePolicy.parse("median:0"));
        assertThrows(IllegalArgumentException.class, () -> BaselinePolicy.parse("yesterday"));
    }
}
