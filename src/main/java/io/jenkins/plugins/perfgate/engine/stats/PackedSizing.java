package io.jenkins.plugins.perfgate.engine.stats;

import java.lang.reflect.Field;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.packedarray.IterationValue;
import org.HdrHistogram.packedarray.PackedLongArray;

/**
 * Empty packed histograms ({@link LabelStats#newHistogram()}) made ready for the values about to be copied in.
 * Filled from nothing, HdrHistogram's packed form grows its range at each new power of two through an exception
 * (stack trace included), and its storage by a sixteenth at a time, each time re-inserting every count already
 * held: freezing 2,000 labels' histograms this way was a tenth of a cold report's main-thread CPU. Here the range
 * is set once (its top value recorded and the histogram reset: the same state as growing to it) and the storage
 * starts at about what the counts will need, which HdrHistogram only lets a {@code PackedLongArray} be given at
 * construction: the histogram's array is replaced by reflection (HdrHistogram is pinned, and if its private field
 * cannot be reached the histogram is simply left to grow). Counts and encoding are those of a histogram filled
 * from nothing ({@code PackedSizingTest}).
 */
final class PackedSizing {

    private static final Field COUNTS = countsField();

    /**
     * Most storage given ahead, in longs: far below the size at which a {@code PackedLongArray} stops packing
     * (8,191) and becomes a flat array of its whole range.
     */
    private static final int MOST_AHEAD = 2048;

    private PackedSizing() {
    }

    private static Field countsField() {
        try {
            Field f = PackedHistogram.class.getDeclaredField("packedCounts");
            if (f.getType() != PackedLongArray.class) {
                return null;
            }
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The packed counts of {@code h}, or null when it is not packed or they cannot be reached. */
    static PackedLongArray countsOf(AbstractHistogram h) {
        if (COUNTS == null || !(h instanceof PackedHistogram)) {
            return null;
        }
        try {
            return (PackedLongArray) COUNTS.get(h);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether {@code h} counts in perfgate's buckets ({@link HdrIndex}: 3 digits, lowest discernible value 1), so
     * that its packed counts' indexes are {@link HdrIndex} buckets (perfgate never shifts a histogram's values).
     */
    static boolean isPerfgates(AbstractHistogram h) {
        return h.getNumberOfSignificantValueDigits() == LabelStats.SIGNIFICANT_DIGITS
                && h.getLowestDiscernibleValue() == 1;
    }

    /**
     * {@code h.getValueAtPercentile(percentile)}, the same answer, found by walking the non-zero counts of a packed
     * histogram once: HdrHistogram asks it for every count up to the percentile's, each a walk of the packed tree
     * (the percentiles of 2,000 labels in the report's table and summary were a few percent of a cold report).
     * Other histograms, and any of another precision or unit, are asked as before.
     */
    static long valueAtPercentile(AbstractHistogram h, double percentile) {
        PackedLongArray counts = countsOf(h);
        if (counts == null || h.getNumberOfSignificantValueDigits() != LabelStats.SIGNIFICANT_DIGITS
                || h.getLowestDiscernibleValue() != 1) {
            return h.getValueAtPercentile(percentile);
        }
        long rank = rank(percentile, h.getTotalCount());
        long seen = 0;
        for (IterationValue v : counts.nonZeroValues()) {
            seen += v.getValue();
            if (seen >= rank) {
                long value = HdrIndex.lowestValue(v.getIndex());
                return percentile == 0.0 ? h.lowestEquivalentValue(value) : h.highestEquivalentValue(value);
            }
        }
        return 0;
    }

    /**
     * {@link #valueAtPercentile} of each of {@code percentiles} (ascending), in one walk of the counts: the
     * report's table asks four per label, and four walks of 2,000 labels' counts were most of its printing time.
     */
    static long[] valuesAtPercentiles(AbstractHistogram h, double... percentiles) {
        long[] values = new long[percentiles.length];
        PackedLongArray counts = countsOf(h);
        if (counts == null || h.getNumberOfSignificantValueDigits() != LabelStats.SIGNIFICANT_DIGITS
                || h.getLowestDiscernibleValue() != 1) {
            for (int i = 0; i < percentiles.length; i++) {
                values[i] = h.getValueAtPercentile(percentiles[i]);
            }
            return values;
        }
        long total = h.getTotalCount();
        int next = 0;
        long rank = rank(percentiles[0], total);
        long seen = 0;
        for (IterationValue v : counts.nonZeroValues()) {
            seen += v.getValue();
            while (seen >= rank) {
                long value = HdrIndex.lowestValue(v.getIndex());
                values[next] = percentiles[next] == 0.0 ? h.lowestEquivalentValue(value)
                        : h.highestEquivalentValue(value);
                if (++next == percentiles.length) {
                    return values;
                }
                if (percentiles[next] < percentiles[next - 1]) {
                    throw new IllegalArgumentException("percentiles not ascending: " + percentiles[next]);
                }
                rank = rank(percentiles[next], total);
            }
        }
        // ranks past the counts answer 0, as valueAtPercentile does
        return values;
    }

    /** HdrHistogram's rank, computed as it does: one ulp below the percentile, clamped, rounded up, at least 1. */
    static long rank(double percentile, long total) {
        double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0), 100.0);
        return Math.max((long) Math.ceil(requested * total / 100.0), 1);
    }

    /**
     * An empty packed histogram of perfgate's precision whose range reaches {@code maxValue} and whose storage
     * holds {@code buckets} non-zero counts (of a spread like response times') without growing.
     */
    static Histogram forValues(long maxValue, int buckets) {
        Histogram h = LabelStats.newHistogram();
        if (maxValue <= 0) {
            return h;
        }
        h.recordValue(maxValue);
        h.reset();
        if (COUNTS != null && h instanceof PackedHistogram) {
            try {
                PackedLongArray old = (PackedLongArray) COUNTS.get(h);
                // a sixteenth of a long per count would do for leaves alone; the set trees' entries and the room
                // they leave behind when they grow take about as much again
                COUNTS.set(h, new PackedLongArray(old.length(), Math.min(MOST_AHEAD, buckets / 2 + 64)));
            } catch (IllegalAccessException | RuntimeException e) {
                // left to grow as it would have
            }
        }
        return h;
    }
}
