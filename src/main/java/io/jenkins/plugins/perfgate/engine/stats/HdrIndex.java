package io.jenkins.plugins.perfgate.engine.stats;

/**
 * The bucket of a value in an HdrHistogram of perfgate's precision ({@link LabelStats#SIGNIFICANT_DIGITS} = 3
 * digits, lowest discernible value 1: 2048 sub-buckets, each bucket of values {@code 2^k} wide above 2047), as
 * HdrHistogram numbers it, so that counts kept by bucket elsewhere ({@link AdaptiveHistogram}'s dense form) go back
 * into a histogram exactly: recording {@link #lowestValue}{@code (of(v))} counts in the bucket of {@code v}.
 * {@code AdaptiveHistogramTest} checks both against HdrHistogram.
 */
final class HdrIndex {

    /** log2 of half the sub-bucket count (1024). */
    private static final int HALF_MAGNITUDE = 10;
    private static final int HALF_COUNT = 1 << HALF_MAGNITUDE;
    private static final long SUB_BUCKET_MASK = (2L << HALF_MAGNITUDE) - 1;
    /** 64 - log2(sub-bucket count) - unit magnitude (0): the bucket from the leading zeros. */
    private static final int LEADING_ZERO_BASE = 64 - (HALF_MAGNITUDE + 1);

    private HdrIndex() {
    }

    /** The bucket index of a value (not negative). */
    static int of(long value) {
        int bucket = LEADING_ZERO_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
        int subBucket = (int) (value >>> bucket);
        return ((bucket + 1) << HALF_MAGNITUDE) + subBucket - HALF_COUNT;
    }

    /** The lowest value of bucket {@code index}. */
    static long lowestValue(int index) {
        int bucket = (index >> HALF_MAGNITUDE) - 1;
        int subBucket = (index & (HALF_COUNT - 1)) + HALF_COUNT;
        if (bucket < 0) {
            subBucket -= HALF_COUNT;
            bucket = 0;
        }
        return (long) subBucket << bucket;
    }
}
