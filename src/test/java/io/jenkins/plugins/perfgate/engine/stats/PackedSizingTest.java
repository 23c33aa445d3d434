package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PackedSizingTest {

    @Test
    void packedCountsAreReadInPerfgatesBuckets() {
        // fails if HdrHistogram's packed histogram no longer keeps its counts where they are read
        Histogram h = LabelStats.newHistogram();
        h.recordValueWithCount(3_000, 4);
        assertTrue(PackedSizing.isPerfgates(h));
        var counts = PackedSizing.countsOf(h);
        assertNotNull(counts);
        assertEquals(4, counts.get(HdrIndex.of(3_000)));
        assertNull(PackedSizing.countsOf(new Histogram(LabelStats.SIGNIFICANT_DIGITS)));
        assertFalse(PackedSizing.isPerfgates(new Histogram(2)));
    }

    @Test
    void percentilesAreHdrHistogramsOwn() {
        SplittableRandom random = new SplittableRandom(3);
        double[] fixed = {0, 1e-9, 0.1, 1, 25, 50, 90, 95, 99, 99.9, 99.99, 100, 150, -5};
        for (int round = 0; round < 40; round++) {
            Histogram h = LabelStats.newHistogram();
            int n = round == 0 ? 0 : random.nextInt(1, round < 10 ? 5 : 5_000);
            long spread = 1L << random.nextInt(1, 36);
            for (int i = 0; i < n; i++) {
                h.recordValueWithCount(random.nextInt(4) == 0 ? 0 : random.nextLong(spread), random.nextInt(1, 3));
            }
            for (double p : fixed) {
                assertEquals(h.getValueAtPercentile(p), FrozenCounts.copyOf(h).valueAtPercentile(p), "round " + round + " p" + p);
            }
            for (int i = 0; i < 20; i++) {
                double p = random.nextDouble(100);
                assertEquals(h.getValueAtPercentile(p), FrozenCounts.copyOf(h).valueAtPercentile(p), "round " + round + " p" + p);
            }
            // several in one walk: ascending, repeated, and close together (two ranks in one bucket)
            double[] several = {-5, 0, 0, 1e-9, 50, 50, 90, 95, 99, 99.9, 99.99, 100, 150};
            long[] expected = new long[several.length];
            for (int i = 0; i < several.length; i++) {
                expected[i] = h.getValueAtPercentile(several[i]);
            }
            assertArrayEquals(expected, FrozenCounts.copyOf(h).valuesAtPercentiles(several), "round " + round);
        }
    }
}
