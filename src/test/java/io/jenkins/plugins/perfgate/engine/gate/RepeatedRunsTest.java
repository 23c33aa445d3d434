package io.jenkins.plugins.perfgate.engine.gate;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedRunsTest {

    private static final SyntheticRuns RUNS = SyntheticRuns.of(label("checkout", 100, 400, 0));

    private static List<RunSummary> runs(long seed, double factor, int k) {
        List<RunSummary> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(RUNS.run(seed + i, factor));
        }
        return out;
    }

    @Test
    void anInterleavedSlowdownIsFoundByTheUTestAndNamedAsTheBaselineTarget() {
        List<RunSummary> candidate = runs(100, 1.5, 5);
        RepeatedRuns runs = new RepeatedRuns(candidate, runs(200, 1.0, 5));
        BuildRef ref = BuildRef.of(9, 1000, BuildResult.UNKNOWN);
        RunSummary merged = candidate.stream().reduce(RunSummary::merge).orElseThrow();
        HistoryEntry entry = runs.candidateEntry(ref, merged);
        assertEquals(5, entry.repeats().size());
        History past = runs.baselineHistory(ref, History.empty());
        assertEquals(1, past.entries().size());
        assertEquals(8, past.entries().get(0).build().number(), "the baseline sits just before the candidate");
        assertEquals(5, past.entries().get(0).repeats().size());

        GateOptions options = runs.options(GateOptions.defaults()).withAlpha(0.05);
        Verdict v = runs.describe(new Gate(options).judge(CriteriaParser.parseAll("mean vs baseline < +10%"),
                entry, past));
        assertEquals(GateResult.FAIL, v.result(), v.format());
        assertTrue(v.format().contains("Mann-Whitney U"), v.format());
        assertTrue(v.baselineDescription().startsWith("baseline target, 5 run(s) interleaved"), v.baselineDescription());
    }

    @Test
    void anInterleavedAaRunPassesAndWithoutBaselineTargetTheStoredHistoryIsUsed() {
        RepeatedRuns aa = new RepeatedRuns(runs(300, 1.0, 5), runs(400, 1.0, 5));
        BuildRef ref = BuildRef.of(3, 1000, BuildResult.UNKNOWN);
        RunSummary merged = aa.candidate().stream().reduce(RunSummary::merge).orElseThrow();
        Verdict v = aa.describe(new Gate(aa.options(GateOptions.defaults()).withAlpha(0.05)).judge(
                CriteriaParser.parseAll("mean vs baseline < +10%"), aa.candidateEntry(ref, merged),
                aa.baselineHistory(ref, History.empty())));
        assertEquals(GateResult.PASS, v.result(), v.format());

        History stored = History.empty();
        RepeatedRuns once = new RepeatedRuns(List.of(merged), List.of());
        assertSame(stored, once.baselineHistory(ref, stored));
        assertTrue(once.repetitions().isEmpty(), "a single run has no repetitions to test");
        GateOptions defaults = GateOptions.defaults();
        assertSame(defaults, once.options(defaults));
    }
}
