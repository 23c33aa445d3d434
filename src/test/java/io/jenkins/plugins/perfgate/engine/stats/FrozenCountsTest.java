package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.junit.jupiter.api.Test;

/** Frozen counts against HdrHistogram itself: ranges, encoding, percentiles and merges, of every form's freeze. */
class FrozenCountsTest {

    private static final double[] PERCENTILES = {0, 0.1, 1, 25, 50, 90, 95, 99, 99.9, 100};

    /** HdrHistogram's own compressed encoding (of a copy: encoding keeps a buffer in the histogram). */
    private static byte[] hdrEncoding(AbstractHistogram h) {
        AbstractHistogram copy = h.copy();
        ByteBuffer buf = ByteBuffer.allocate(copy.getNeededByteBufferCapacity());
        int len = copy.encodeIntoCompressedByteBuffer(buf);
        return Arrays.copyOf(buf.array(), len);
    }

    @Test
    void rangeRulesAreHdrHistogramsOwn() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 3_000; i++) {
            long start = i % 3 == 0 ? FrozenCounts.NEW_RANGE : 2 + random.nextLong(1L << random.nextInt(2, 36));
            long value = i < 50 ? i : random.nextLong(1L << random.nextInt(1, 40));
            PackedHistogram recorded = new PackedHistogram(1, start, LabelStats.SIGNIFICANT_DIGITS);
            recorded.setAutoResize(true);
            recorded.recordValue(value);
            assertEquals(recorded.getHighestTrackableValue(), FrozenCounts.afterRecording(start, value),
                    "recording " + value + " into a range of " + start);
            PackedHistogram added = new PackedHistogram(1, start, LabelStats.SIGNIFICANT_DIGITS);
            added.setAutoResize(true);
            Histogram other = new Histogram(LabelStats.SIGNIFICANT_DIGITS);
            other.recordValue(value);
            added.add(other);
            assertEquals(added.getHighestTrackableValue(), FrozenCounts.afterAdding(start, other.getMaxValue()),
                    "adding " + value + " to a range of " + start);
        }
    }

    @Test
    void everyFormFreezesToHdrHistogramsEncodingPercentilesAndMerges() throws DataFormatException {
        SplittableRandom random = new SplittableRandom(11);
        FrozenCounts previous = FrozenCounts.EMPTY;
        // flat histograms as references (the same ranges, counts and encoding as packed ones; faster to ask)
        Histogram previousReference = new Histogram(LabelStats.SIGNIFICANT_DIGITS);
        for (int round = 0; round < 30; round++) {
            // small budgets and counts past the flat threshold: dense, packed and flat histograms, and zeros only
            AdaptiveHistogram a = new AdaptiveHistogram(new AdaptiveHistogram.Budget(random.nextInt(3) * 4_000L));
            Histogram reference = new Histogram(LabelStats.SIGNIFICANT_DIGITS);
            int n = round < 2 ? round * 5 : random.nextInt(1, 5 * AdaptiveHistogram.FLAT_AFTER / 4);
            long spread = round % 7 == 0 ? 1 : 1L << random.nextInt(1, 30);
            for (int i = 0; i < n; i++) {
                long v = random.nextLong(spread);
                a.record(v);
                reference.recordValue(v);
            }
            FrozenCounts f = a.frozen();
            String where = "round " + round + ": " + n + " values below " + spread;
            assertEquals(reference.getTotalCount(), f.totalCount(), where);
            assertEquals(reference.getMaxValue(), f.maxValue(), where);
            assertArrayEquals(hdrEncoding(reference), HistogramEncoding.compressed(f), where);
            Histogram packed = f.toHistogram();
            assertEquals(reference, packed, where);
            assertEquals(reference.getHighestTrackableValue(), packed.getHighestTrackableValue(), where);
            long[] values = f.valuesAtPercentiles(PERCENTILES);
            for (int i = 0; i < PERCENTILES.length; i++) {
                assertEquals(reference.getValueAtPercentile(PERCENTILES[i]), values[i], where + ", p" + PERCENTILES[i]);
            }
            // a summary read back: HdrHistogram's decoded histogram, copied
            Histogram decoded = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(hdrEncoding(reference)), 0);
            assertArrayEquals(hdrEncoding(LabelStats.compactCopy(decoded)),
                    HistogramEncoding.compressed(FrozenCounts.copyOf(decoded)), where + ", read back");
            // LabelStats.merge: a copy of one, the other added
            Histogram merged = previousReference.copy();
            merged.add(reference);
            assertArrayEquals(hdrEncoding(merged), HistogramEncoding.compressed(previous.plus(f)), where + ", merged");
            Histogram mergedOtherWay = reference.copy();
            mergedOtherWay.add(previousReference);
            assertArrayEquals(hdrEncoding(mergedOtherWay), HistogramEncoding.compressed(f.plus(previous)),
                    where + ", merged the other way");
            previous = f;
            previousReference = reference;
        }
    }

    @Test
    void anotherPrecisionIsCountedInPerfgatesBuckets() {
        Histogram coarse = new Histogram(2);
        for (long v = 1; v < 100_000; v += 37) {
            coarse.recordValue(v);
        }
        assertArrayEquals(hdrEncoding(LabelStats.compactCopy(coarse)),
                HistogramEncoding.compressed(FrozenCounts.copyOf(coarse)));
    }
}
