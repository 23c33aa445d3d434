package io.jenkins.plugins.perfgate.engine.stats;

import java.util.Arrays;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.IntCountsHistogram;
import org.HdrHistogram.packedarray.IterationValue;
import org.HdrHistogram.packedarray.PackedLongArray;

/**
 * A histogram being filled whose memory follows its data, in HdrHistogram's buckets at perfgate's precision. It
 * moves through up to four forms, each exact:
 * <ol>
 * <li><b>zeros only</b>: a count (connect times are mostly 0 on kept-alive connections, and a histogram object
 * costs about a kilobyte even when empty);</li>
 * <li><b>dense</b>: 16-bit counts over the range of buckets hit so far ({@link HdrIndex}), at most
 * {@value #DENSE_MAX_RANGE} buckets, while the aggregator's {@link Budget} for dense counts lasts (a bucket past
 * 65,535 wraps and is carried apart, and the zeros are counted apart): a label with values between 20 ms and 1.7 s
 * costs about 3.4 KB, records a value with one array store, and is copied or merged by a scan of that array;</li>
 * <li><b>packed</b>: HdrHistogram's packed form, for values spread wider, or once the budget is spent (a few bytes
 * per bucket hit, but each record walks a small tree and each copy visits every bucket of the range);</li>
 * <li><b>flat</b>: a flat array of int counts once a packed histogram has {@value #FLAT_AFTER} values (or a count
 * past 16 bits is recorded at once), where it costs about what the other forms would and records fast.</li>
 * </ol>
 * With thousands of rarely hit labels the heap holds small dense or packed counts; with a few busy labels the
 * reading speed is that of flat arrays.
 */
final class AdaptiveHistogram {

    /** Values recorded before the histogram becomes a flat array (below 2^16: dense counts cannot overflow). */
    static final int FLAT_AFTER = 1 << 14;

    /** Widest range of buckets kept dense: 8 KB, values up to about 8 s at full resolution. */
    static final int DENSE_MAX_RANGE = 4096;

    /**
     * Bytes of dense counts the histograms of one aggregator may hold together (one budget per aggregator, which is
     * used by one thread: no synchronisation). Beyond it histograms are packed: memory stays bounded with any number
     * of labels, and the labels that came first, usually the busiest, record fastest.
     */
    static final class Budget {
        private long left;

        Budget(long bytes) {
            this.left = bytes;
        }

        /** A budget of an eighth of the heap shared among the processor count of aggregators. */
        static Budget forHeap() {
            Runtime r = Runtime.getRuntime();
            return new Budget(r.maxMemory() / 8 / Math.max(1, r.availableProcessors()));
        }

        boolean take(long bytes) {
            if (bytes > left) {
                return false;
            }
            left -= bytes;
            return true;
        }

        void giveBack(long bytes) {
            left += bytes;
        }
    }

    static {
        // HdrHistogram's classes initialised up front: the JIT compiles record() while every histogram is still
        // dense, and a call into a class not yet initialised was compiled as a trap that threw the compiled
        // code away when the first histogram left the dense form
        newFlat().recordValue(1);
        LabelStats.newHistogram().recordValue(1);
    }

    private final Budget budget;
    /**
     * The zeros of the zeros-only and the dense forms (the packed and flat ones count them in their bucket 0): apart
     * from the dense counts, so that the zeros of a connect time, nearly every value of a kept-alive connection,
     * never fill a 16-bit count.
     */
    private long zeros;
    /** Dense form: dense[i - base] counts bucket i; buckets lo..hi-1 are the range hit. Null in other forms. */
    private char[] dense;
    private int base;
    private int lo;
    private int hi;
    private long denseTotal;
    /**
     * Dense form: the buckets whose 16-bit count wrapped, once per 65,536 (absolute bucket indexes, in
     * {@code carried[0..carries)}), so that a bucket past 65,535 changes no form; always at least two free slots.
     */
    private int[] carried;
    private int carries;
    /** Packed or flat form; null in the others. */
    private AbstractHistogram counts;
    private boolean flat;

    /** A histogram with a dense-count budget of its own (unbounded). */
    AdaptiveHistogram() {
        this(new Budget(Long.MAX_VALUE));
    }

    AdaptiveHistogram(Budget budget) {
        this.budget = budget;
    }

    void record(long value) {
        record(value, 1);
    }

    /** Records {@code n} occurrences of a value (not negative). */
    void record(long value, long n) {
        if (counts == null) {
            if (value == 0) {
                zeros += n;
                return;
            }
            if (dense == null && !startDense(HdrIndex.of(value))) {
                toCounts(zeros + n);
            }
            if (dense != null && recordDense(value, n)) {
                return;
            }
        }
        counts.recordValueWithCount(value, n);
        if (!flat && counts.getTotalCount() >= FLAT_AFTER) {
            toFlat();
        }
    }

    /**
     * Records the values {@code values[from..to)}. A packed histogram gets them sorted (it may reorder the range):
     * equal values are recorded once with their count, and its tree is walked in index order.
     */
    void recordAll(int[] values, int from, int to) {
        if (counts == null || flat) {
            for (int i = from; i < to; i++) {
                record(values[i], 1);
            }
            return;
        }
        Arrays.sort(values, from, to);
        int i = from;
        while (i < to) {
            int v = values[i];
            int j = i + 1;
            while (j < to && values[j] == v) {
                j++;
            }
            record(v, j - i);
            i = j;
        }
    }

    /**
     * Adds to the dense counts, or moves to another form and returns false when the value does not fit (outside
     * a range the array can grow to, or a count past 16 bits at once). A bucket that passes 65,535 wraps and is
     * noted in {@link #carried} without a branch. No test of the total or of a bucket's count: a histogram's
     * first change of form came after the JIT had compiled this method, inlined into the reading loop's
     * aggregation, while every histogram was dense, and threw that code away (docs/performance.md, "The JIT's
     * work"). The rare cases share one test with the frequent one (a bucket outside the array), so that the
     * compiled code has no branch that the first rows never took.
     */
    private boolean recordDense(long value, long n) {
        int i = HdrIndex.of(value);
        int at = i - base;
        if ((at | (dense.length - 1 - at) | (carried.length - 2 - carries) | (int) ((Character.MAX_VALUE - n) >> 32))
                < 0 && !makeRoom(i, n)) {
            toCounts(total() + n);
            return false;
        }
        int c = dense[i - base] + (int) n;
        dense[i - base] = (char) c;
        carried[carries] = i;
        carries += c >>> 16;
        lo = Math.min(lo, i);
        hi = Math.max(hi, i + 1);
        denseTotal += n;
        return true;
    }

    /** Starts the dense form for a first value (not 0) in bucket {@code index}, if the budget allows. */
    private boolean startDense(int index) {
        int start = Math.max(0, index - 8);
        int length = index - start + 1 + 8;
        if (!budget.take(2L * length)) {
            return false;
        }
        base = start;
        dense = new char[length];
        carried = new int[2];
        carries = 0;
        lo = index;
        hi = index + 1;
        return true;
    }

    /**
     * Makes room in the dense form for {@code n} values in bucket {@code i}: a free slot for a carry, the array
     * grown to the bucket; false when it cannot (too wide a range, the budget spent, or a count past 16 bits).
     */
    private boolean makeRoom(int i, long n) {
        if (n > Character.MAX_VALUE) {
            return false;
        }
        if (carries > carried.length - 2) {
            carried = Arrays.copyOf(carried, 2 * carried.length);
        }
        return i >= base && i < base + dense.length || growDense(i, n);
    }

    /** Notes a wrapped 16-bit count of bucket {@code i}, keeping two free slots. */
    private void carry(int i) {
        if (carries > carried.length - 3) {
            carried = Arrays.copyOf(carried, 2 * carried.length);
        }
        carried[carries++] = i;
    }

    /** The dense form's carries as counts over buckets {@code lo..hi-1}, or null without any. */
    private long[] carriedCounts() {
        if (carries == 0) {
            return null;
        }
        long[] over = new long[hi - lo];
        for (int k = 0; k < carries; k++) {
            over[carried[k] - lo] += 1 << 16;
        }
        return over;
    }

    /** Widens the dense array to hold bucket {@code i}, unless the range would be too wide for the values held. */
    private boolean growDense(int i, long n) {
        int newLo = Math.min(lo, i);
        int newHi = Math.max(hi, i + 1);
        int range = newHi - newLo;
        // room on the side it grew (an eighth: little unused memory, and the range of response times settles soon)
        int room = Math.min(DENSE_MAX_RANGE - range, Math.max(16, range / 8));
        if (range > DENSE_MAX_RANGE || !budget.take(2L * (range + room - dense.length))) {
            return false;
        }
        char[] grown = new char[range + room];
        int newBase = i < lo ? Math.max(0, newLo - room) : newLo;
        System.arraycopy(dense, lo - base, grown, lo - newBase, hi - lo);
        dense = grown;
        base = newBase;
        return true;
    }

    /** Leaves the zeros-only or dense form for the packed one, or the flat one if it will hold that many. */
    private void toCounts(long total) {
        AbstractHistogram h = total >= FLAT_AFTER ? newFlat() : LabelStats.newHistogram();
        addTo(h);
        counts = h;
        flat = total >= FLAT_AFTER;
        if (dense != null) {
            budget.giveBack(2L * dense.length);
        }
        dense = null;
        carried = null;
        carries = 0;
        zeros = 0;
        denseTotal = 0;
    }

    private static IntCountsHistogram newFlat() {
        // int counts: half the memory of long counts (over 2^31 samples of one label in one bucket of one file
        // part is not a JMeter run)
        IntCountsHistogram h = new IntCountsHistogram(LabelStats.SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    private void toFlat() {
        IntCountsHistogram h = newFlat();
        forEachBucket(counts, (i, c) -> h.recordValueWithCount(HdrIndex.lowestValue(i), c));
        counts = h;
        flat = true;
    }

    /** Takes one bucket's count (not zero); the buckets come in ascending order. */
    @FunctionalInterface
    interface BucketCount {
        void accept(int bucket, long count);
    }

    /** Hands every bucket hit over with its count, in ascending order. */
    void forEachBucket(BucketCount to) {
        if (counts != null) {
            forEachBucket(counts, to);
        } else if (dense != null) {
            // the dense counts never hold a zero (bucket 0 is value 0 only)
            if (zeros > 0) {
                to.accept(0, zeros);
            }
            long[] over = carriedCounts();
            for (int i = lo; i < hi; i++) {
                long c = dense[i - base] + (over == null ? 0 : over[i - lo]);
                if (c != 0) {
                    to.accept(i, c);
                }
            }
        } else if (zeros > 0) {
            to.accept(0, zeros);
        }
    }

    /**
     * The buckets hit of a packed or flat histogram of perfgate's precision. A packed one's non-zero counts are
     * walked once: HdrHistogram's {@code add} and copies ask it for every count of its range, each a walk of its
     * packed tree (merging and freezing 2,000 labels' packed histograms that way was most of a report's work after
     * reading).
     */
    private static void forEachBucket(AbstractHistogram h, BucketCount to) {
        PackedLongArray packed = PackedSizing.countsOf(h);
        if (packed != null) {
            for (IterationValue v : packed.nonZeroValues()) {
                to.accept(v.getIndex(), v.getValue());
            }
        } else {
            for (HistogramIterationValue v : h.recordedValues()) {
                to.accept(HdrIndex.of(v.getValueIteratedTo()), v.getCountAtValueIteratedTo());
            }
        }
    }

    /** Adds what this histogram holds to {@code h}. */
    private void addTo(AbstractHistogram h) {
        forEachBucket((i, c) -> h.recordValueWithCount(HdrIndex.lowestValue(i), c));
    }

    void add(AdaptiveHistogram other) {
        if (other.counts != null) {
            if (counts == null) {
                toCounts(total() + other.counts.getTotalCount());
            }
            AbstractHistogram mine = counts;
            forEachBucket(other.counts, (i, c) -> mine.recordValueWithCount(HdrIndex.lowestValue(i), c));
            if (!flat && counts.getTotalCount() >= FLAT_AFTER) {
                toFlat();
            }
        } else if (other.dense != null) {
            addDense(other);
        } else if (other.zeros > 0) {
            record(0, other.zeros);
        }
    }

    /**
     * Adds another histogram's dense counts: array to array when this one is dense and can hold their range (the
     * threads' aggregates of 2,000 labels merged), straight into the flat or packed counts otherwise (the overall
     * row's union), bucket by bucket through {@link #record} while this one holds zeros only.
     */
    private void addDense(AdaptiveHistogram other) {
        if (dense == null && counts == null) {
            // zeros only: the first value starts the dense form, as recorded values do
            other.forEachBucket((i, c) -> record(HdrIndex.lowestValue(i), c));
            return;
        }
        if (dense != null) {
            // the range widened one side at a time: growing up moves the array's base to the range's bottom
            int newLo = Math.min(lo, other.lo);
            int newHi = Math.max(hi, other.hi);
            if (newLo >= base || growDense(newLo, 0)) {
                lo = newLo;
                if (newHi <= base + dense.length || growDense(newHi - 1, 0)) {
                    hi = newHi;
                    for (int i = other.lo; i < other.hi; i++) {
                        int c = dense[i - base] + other.dense[i - other.base];
                        dense[i - base] = (char) c;
                        if (c > Character.MAX_VALUE) {
                            carry(i);
                        }
                    }
                    for (int k = 0; k < other.carries; k++) {
                        carry(other.carried[k]);
                    }
                    denseTotal += other.denseTotal;
                    zeros += other.zeros;
                    return;
                }
            }
            toCounts(total() + other.total());
        }
        AbstractHistogram mine = counts;
        other.forEachBucket((i, c) -> mine.recordValueWithCount(HdrIndex.lowestValue(i), c));
        if (!flat && counts.getTotalCount() >= FLAT_AFTER) {
            toFlat();
        }
    }

    private long total() {
        return counts != null ? counts.getTotalCount() : denseTotal + zeros;
    }

    boolean isFlat() {
        return flat;
    }

    boolean isDense() {
        return dense != null;
    }

    /**
     * The counts so far, frozen: written by one scan of the dense counts, of the packed ones' non-zero counts or of
     * the flat ones, with the range a packed histogram grown to the same top value would have.
     */
    FrozenCounts frozen() {
        if (total() == 0) {
            return FrozenCounts.EMPTY;
        }
        FrozenCounts.Builder b = new FrozenCounts.Builder(dense != null ? hi - lo : 256);
        forEachBucket(b::add);
        // the range of a packed histogram that recorded these values: the top of the highest one's power of two
        return b.build(FrozenCounts.afterRecording(FrozenCounts.NEW_RANGE, HdrIndex.lowestValue(b.topBucket())));
    }
}
