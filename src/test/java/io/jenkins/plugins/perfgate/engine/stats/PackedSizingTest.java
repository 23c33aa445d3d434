package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PackedSizingTest {

    private static byte[] encoding(AbstractHistogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int len = h.encodeIntoCompressedByteBuffer(buf);
        return Arrays.copyOf(buf.array(), len);
    }

    @Test
    void aSizedHistogramFillsToTheSameCountsAndBytesAsOneGrownFromNothing() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 40; round++) {
            int n = round == 0 ? 1 : random.nextInt(1, 5_000);
            long spread = 1L << random.nextInt(1, 36);
            long[] values = new long[n];
            long max = 0;
            for (int i = 0; i < n; i++) {
                values[i] = random.nextLong(spread);
                max = Math.max(max, values[i]);
            }
            // as frozen() fills them: ascending buckets, and estimates too small, about right and too large
            Arrays.sort(values);
            int buckets = switch (round % 3) {
                case 0 -> 1;
                case 1 -> n;
                default -> 20 * n;
            };
            Histogram grown = LabelStats.newHistogram();
            Histogram sized = PackedSizing.forValues(max, buckets);
            for (long v : values) {
                grown.recordValue(v);
                sized.recordValue(v);
            }
            assertEquals(grown, sized, "round " + round);
            assertEquals(grown.getMaxValue(), sized.getMaxValue(), "round " + round);
            assertEquals(grown.getMinNonZeroValue(), sized.getMinNonZeroValue(), "round " + round);
            assertArrayEquals(encoding(grown), encoding(sized), "round " + round);
        }
    }

    @Test
    void storageIsGivenAheadAndBounded() {
        // fails if HdrHistogram's packed histogram no longer lets its storage be replaced (then it only grows)
        long footprint = PackedSizing.forValues(1_000, 1_000).getEstimatedFootprintInBytes();
        assertTrue(footprint >= 8L * (1_000 / 2 + 64), "footprint " + footprint);
        // a bound far below the length where a packed array turns into a flat one over its whole range
        long huge = PackedSizing.forValues(1L << 40, 1 << 20).getEstimatedFootprintInBytes();
        assertTrue(huge < 8L * 4096, "footprint " + huge);
    }

    @Test
    void zerosOnlyNeedNoRange() {
        Histogram h = PackedSizing.forValues(0, 1);
        h.recordValueWithCount(0, 7);
        Histogram grown = LabelStats.newHistogram();
        grown.recordValueWithCount(0, 7);
        assertArrayEquals(encoding(grown), encoding(h));
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
                assertEquals(h.getValueAtPercentile(p), PackedSizing.valueAtPercentile(h, p), "round " + round + " p" + p);
            }
            for (int i = 0; i < 20; i++) {
                double p = random.nextDouble(100);
                assertEquals(h.getValueAtPercentile(p), PackedSizing.valueAtPercentile(h, p), "round " + round + " p" + p);
            }
            // several in one walk: ascending, repeated, and close together (two ranks in one bucket)
            double[] several = {-5, 0, 0, 1e-9, 50, 50, 90, 95, 99, 99.9, 99.99, 100, 150};
            long[] expected = new long[several.length];
            for (int i = 0; i < several.length; i++) {
                expected[i] = h.getValueAtPercentile(several[i]);
            }
            assertArrayEquals(expected, PackedSizing.valuesAtPercentiles(h, several), "round " + round);
        }
    }
}
