package io.jenkins.plugins.perfgate.engine.stats;

import java.util.Arrays;

/**
 * Counts of many histograms added up by bucket ({@link HdrIndex}) in a plain array: the overall row's histograms,
 * the union of every label's. Adding 2,000 labels' counts into an HdrHistogram went through its recording path
 * once per bucket hit (index, minimum, maximum and total kept up each time); here it is one array add, and the
 * sums are frozen once.
 */
final class BucketSums {

    private long[] sums = new long[2048];
    private int top = -1;

    /** Adds {@code count} in bucket {@code index}. */
    void add(int index, long count) {
        if (index >= sums.length) {
            sums = Arrays.copyOf(sums, Math.max(index + 1, sums.length * 2));
        }
        sums[index] += count;
        top = Math.max(top, index);
    }

    /** The counts frozen, with the range of a histogram that recorded them ({@link AdaptiveHistogram#frozen}). */
    FrozenCounts frozen() {
        if (top < 0) {
            return FrozenCounts.EMPTY;
        }
        FrozenCounts.Builder b = new FrozenCounts.Builder(top + 1);
        for (int i = 0; i <= top; i++) {
            if (sums[i] != 0) {
                b.add(i, sums[i]);
            }
        }
        return b.build(FrozenCounts.afterRecording(FrozenCounts.NEW_RANGE, HdrIndex.lowestValue(top)));
    }
}
