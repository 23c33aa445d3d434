package io.jenkins.plugins.perfgate.engine.stats;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * A histogram being filled whose memory follows its data: it starts in HdrHistogram's packed form (a few bytes per
 * occupied count: a label with a thousand samples costs well under a kilobyte) and moves to a flat array of int
 * counts once it has {@value #FLAT_AFTER} values, where a flat array (16 to 64 KB for response times) costs about
 * what the packed form would and records several times faster. With thousands of rarely hit labels the heap holds
 * small packed histograms; with a few busy labels the reading speed is that of flat arrays. Zeros are only
 * counted until another value comes (connect times are mostly 0 on kept-alive connections, and a histogram object
 * costs about a kilobyte even when empty). Counts are exact in every form.
 */
final class AdaptiveHistogram {

    /** Values recorded in packed form before the histogram becomes a flat array. */
    static final int FLAT_AFTER = 1 << 14;

    /** Null while every value was 0. */
    private AbstractHistogram counts;
    private long zeros;
    private boolean flat;

    void record(long value) {
        if (value == 0 && counts == null) {
            zeros++;
            return;
        }
        if (counts == null) {
            start();
        }
        counts.recordValue(value);
        if (!flat && counts.getTotalCount() >= FLAT_AFTER) {
            toFlat();
        }
    }

    void add(AdaptiveHistogram other) {
        if (other.counts == null) {
            if (counts == null) {
                zeros += other.zeros;
            } else {
                counts.recordValueWithCount(0, other.zeros);
            }
            return;
        }
        if (counts == null) {
            start();
        }
        counts.add(other.counts);
        if (other.zeros > 0) {
            counts.recordValueWithCount(0, other.zeros);
        }
        if (!flat && counts.getTotalCount() >= FLAT_AFTER) {
            toFlat();
        }
    }

    private void start() {
        counts = LabelStats.newHistogram();
        if (zeros > 0) {
            counts.recordValueWithCount(0, zeros);
            zeros = 0;
        }
    }

    boolean isFlat() {
        return flat;
    }

    private void toFlat() {
        // int counts: half the memory of long counts (over 2^31 samples of one label in one bucket of one file
        // part is not a JMeter run)
        IntCountsHistogram h = new IntCountsHistogram(LabelStats.SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        h.add(counts);
        counts = h;
        flat = true;
    }

    /** The counts so far, as a compact histogram of their own. */
    Histogram frozen() {
        if (counts == null) {
            Histogram h = LabelStats.newHistogram();
            if (zeros > 0) {
                h.recordValueWithCount(0, zeros);
            }
            return h;
        }
        return LabelStats.compactCopy(counts);
    }
}
