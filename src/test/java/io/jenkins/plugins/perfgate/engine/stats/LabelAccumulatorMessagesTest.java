package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failure messages of labels that failed and labels that never did (whose tally is made only at the first failure),
 * alone and merged either way round.
 */
class LabelAccumulatorMessagesTest {

    private static LabelAccumulator accumulator(String label) {
        return new LabelAccumulator(label, AggregationOptions.defaults(), new AdaptiveHistogram.Budget(Long.MAX_VALUE));
    }

    private static void ok(LabelAccumulator acc) {
        acc.add(1_000, 5, "200", "OK", true, null, 0, 0, 1, 0, 0, false);
    }

    private static void fail(LabelAccumulator acc, String message) {
        acc.add(1_000, 5, "500", "Server Error", false, message, 0, 0, 1, 0, 0, false);
    }

    @Test
    void labelsThatNeverFailedHaveNoMessagesAloneOrMerged() {
        LabelAccumulator a = accumulator("a");
        LabelAccumulator b = accumulator("b");
        ok(a);
        ok(b);
        a.addAll(b, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
        assertEquals(new CountTable(Map.of(), 0), a.toStats().failureMessages());
        assertEquals(2, a.toStats().count());
    }

    @Test
    void messagesMergeWhicheverSideFailed() {
        LabelAccumulator never = accumulator("a");
        LabelAccumulator failed = accumulator("a");
        ok(never);
        fail(failed, "timeout");
        fail(failed, "timeout");
        fail(failed, "");
        never.addAll(failed, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
        assertEquals(new CountTable(Map.of("timeout", 2L, "Server Error", 1L), 0), never.toStats().failureMessages());

        LabelAccumulator failedFirst = accumulator("b");
        LabelAccumulator neverAgain = accumulator("b");
        fail(failedFirst, "refused");
        ok(neverAgain);
        failedFirst.addAll(neverAgain, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
        assertEquals(new CountTable(Map.of("refused", 1L), 0), failedFirst.toStats().failureMessages());

        // the tally merged into is the label's own: a label that never failed still has none
        LabelAccumulator fresh = accumulator("c");
        ok(fresh);
        assertEquals(new CountTable(Map.of(), 0), fresh.toStats().failureMessages());
    }

    @Test
    void oneLabelsFailuresNeverShowInAnothers() {
        LabelAccumulator failing = accumulator("a");
        LabelAccumulator merged = accumulator("b");
        LabelAccumulator other = accumulator("b");
        fail(failing, "boom");
        ok(merged);
        ok(other);
        merged.addAll(other, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
        fail(merged, "late");
        LabelAccumulator fresh = accumulator("c");
        ok(fresh);
        assertEquals(new CountTable(Map.of("boom", 1L), 0), failing.toStats().failureMessages());
        assertEquals(new CountTable(Map.of("late", 1L), 0), merged.toStats().failureMessages());
        assertEquals(new CountTable(Map.of(), 0), fresh.toStats().failureMessages());
    }
}
