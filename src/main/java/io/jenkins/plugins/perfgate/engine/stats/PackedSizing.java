package io.jenkins.plugins.perfgate.engine.stats;

import java.lang.reflect.Field;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.packedarray.PackedLongArray;

/**
 * Reading a packed histogram's counts directly: HdrHistogram's packed form answers a question about one bucket by a
 * walk of its tree, and copying, adding or encoding such a histogram asks about every bucket of its range; its
 * {@code PackedLongArray} walks its non-zero counts in one pass. HdrHistogram does not expose that array, so it is
 * read by reflection (HdrHistogram is pinned; {@code FrozenCountsTest} and {@code AdaptiveHistogramTest} compare
 * with HdrHistogram's own answers, and where the field cannot be reached the callers ask HdrHistogram as before).
 */
final class PackedSizing {

    private static final Field COUNTS = countsField();

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
}
