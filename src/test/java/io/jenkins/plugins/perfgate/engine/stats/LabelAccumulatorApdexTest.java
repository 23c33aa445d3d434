package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Apdex counts (computed from sign bits, not tests) at and around their bounds T and 4T. */
class LabelAccumulatorApdexTest {

    @Test
    void countsSatisfiedAndToleratingAtTheirBounds() {
        long t = 500;
        long[] elapsed = {-7, 0, 1, t - 1, t, t + 1, 2 * t, 4 * t - 1, 4 * t, 4 * t + 1, 100 * t, 1L << 40};
        LabelAccumulator acc = new LabelAccumulator("a", AggregationOptions.defaults().withApdexT(t),
                new AdaptiveHistogram.Budget(Long.MAX_VALUE));
        long satisfied = 0;
        long tolerating = 0;
        for (long e : elapsed) {
            long clamped = Math.max(0, e);
            satisfied += clamped <= t ? 1 : 0;
            tolerating += clamped > t && clamped <= 4 * t ? 1 : 0;
            acc.add(1_000, e, "200", "OK", true, null, 0, 0, 1, 0, 0, false);
        }
        // failures are neither
        acc.add(1_000, 1, "500", "Error", false, "failed", 0, 0, 1, 0, 0, false);
        LabelStats stats = acc.toStats();
        assertEquals(5, satisfied);
        assertEquals(4, tolerating);
        assertEquals(satisfied, stats.apdexSatisfied());
        assertEquals(tolerating, stats.apdexTolerating());
    }

    @Test
    void oneMillisecondAndOneHourThresholds() {
        for (long t : new long[] {1, 3_600_000}) {
            LabelAccumulator acc = new LabelAccumulator("a", AggregationOptions.defaults().withApdexT(t),
                    new AdaptiveHistogram.Budget(Long.MAX_VALUE));
            for (long e : new long[] {t, t + 1, 4 * t, 4 * t + 1}) {
                acc.add(1_000, e, "200", "OK", true, null, 0, 0, 1, 0, 0, false);
            }
            LabelStats stats = acc.toStats();
            assertEquals(1, stats.apdexSatisfied(), "T " + t);
            assertEquals(2, stats.apdexTolerating(), "T " + t);
        }
    }
}
