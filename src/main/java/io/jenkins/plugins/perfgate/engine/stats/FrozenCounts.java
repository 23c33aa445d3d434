package io.jenkins.plugins.perfgate.engine.stats;

import java.util.Arrays;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.packedarray.IterationValue;
import org.HdrHistogram.packedarray.PackedLongArray;

/**
 * The counts of a frozen histogram ({@link LabelStats}), immutable, in HdrHistogram's buckets at perfgate's precision
 * ({@link HdrIndex}) and in the form HdrHistogram encodes them: bucket 0 up to the highest bucket hit, each count
 * zig-zag LEB128, a single zero as a count of 0, longer runs of zeros as their negated length. Building a packed
 * histogram for each of 2,000 labels' three histograms (an insertion into HdrHistogram's packed tree per bucket
 * hit) was most of a report's work after reading; this form is written by one scan of the counts, is smaller than
 * the packed one (about a byte per bucket hit), is read by a scan for percentiles, merges by one scan of both, and
 * is the body of the summary's encoding as it stands.
 * <p>
 * It also keeps the highest trackable value HdrHistogram's own histogram would have had along the same path, which
 * the encoding's header carries, so that summaries stay byte for byte what they were: a histogram grown by
 * recording reaches the top of its value's power of two, one grown by adding another histogram reaches the other's
 * maximum, and a new one covers 2,047 with a highest trackable value of 2 ({@code FrozenCountsTest} checks these
 * rules against HdrHistogram).
 */
final class FrozenCounts {

    /** Highest trackable value of a new auto-resizing histogram of perfgate's precision ({@link LabelStats}). */
    static final long NEW_RANGE = 2;

    /** Highest value a histogram of perfgate's precision covers without growing. */
    private static final long FIRST_BUCKET_TOP = 2047;

    static final FrozenCounts EMPTY = new FrozenCounts(new byte[0], 0, -1, NEW_RANGE);

    private final byte[] payload;
    private final long total;
    /** The highest bucket hit, -1 when empty. */
    private final int top;
    private final long highestTrackable;

    private FrozenCounts(byte[] payload, long total, int top, long highestTrackable) {
        this.payload = payload;
        this.total = total;
        this.top = top;
        this.highestTrackable = highestTrackable;
    }

    /** The highest value a histogram of this highest trackable value can record before it grows. */
    static long highestRecordable(long highestTrackable) {
        return (Long.highestOneBit(highestTrackable | FIRST_BUCKET_TOP) << 1) - 1;
    }

    /** The highest trackable value after recording {@code value} into a histogram of {@code highestTrackable}. */
    static long afterRecording(long highestTrackable, long value) {
        return value <= highestRecordable(highestTrackable) ? highestTrackable : highestRecordable(value);
    }

    /**
     * The highest trackable value after adding a histogram whose maximum is {@code otherMax} to a histogram of
     * {@code highestTrackable}.
     */
    static long afterAdding(long highestTrackable, long otherMax) {
        return otherMax <= highestRecordable(highestTrackable) ? highestTrackable : otherMax;
    }

    /** Counts given bucket by bucket in ascending order. */
    static final class Builder {
        private byte[] out;
        private int length;
        private long total;
        private int next;
        private int top = -1;

        Builder(int bucketsHint) {
            out = new byte[Math.max(16, bucketsHint + 8)];
        }

        /** Adds {@code count} (positive) in bucket {@code index}, above every bucket added before. */
        void add(int index, long count) {
            if (index < next) {
                throw new IllegalArgumentException("bucket " + index + " after bucket " + (next - 1));
            }
            int zeros = index - next;
            if (zeros == 1) {
                putLong(0);
            } else if (zeros > 1) {
                putLong(-zeros);
            }
            putLong(count);
            total += count;
            next = index + 1;
            top = index;
        }

        private void putLong(long value) {
            if (length + 9 > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, length + 9));
            }
            long z = (value << 1) ^ (value >> 63);
            for (int i = 0; i < 8; i++) {
                if ((z >>> 7) == 0) {
                    out[length++] = (byte) z;
                    return;
                }
                out[length++] = (byte) ((z & 0x7F) | 0x80);
                z >>>= 7;
            }
            out[length++] = (byte) z;
        }

        /** The highest bucket added, -1 when none. */
        int topBucket() {
            return top;
        }

        /** The counts, with the highest trackable value their histogram would have. */
        FrozenCounts build(long highestTrackable) {
            if (top < 0) {
                return highestTrackable == NEW_RANGE ? EMPTY
                        : new FrozenCounts(new byte[0], 0, -1, highestTrackable);
            }
            return new FrozenCounts(Arrays.copyOf(out, length), total, top, highestTrackable);
        }
    }

    /** Reads the counts in bucket order. */
    private final class Reader {
        private int at;
        private int index;
        int bucket;
        long count;

        /** Moves to the next bucket hit; false at the end. */
        boolean next() {
            while (at < payload.length) {
                long v = getLong();
                if (v > 0) {
                    bucket = index++;
                    count = v;
                    return true;
                }
                index += v == 0 ? 1 : (int) -v;
            }
            return false;
        }

        private long getLong() {
            long z = 0;
            for (int shift = 0; shift < 56; shift += 7) {
                byte b = payload[at++];
                z |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return (z >>> 1) ^ -(z & 1);
                }
            }
            z |= (long) (payload[at++] & 0xFF) << 56;
            return (z >>> 1) ^ -(z & 1);
        }
    }

    /**
     * The counts of {@code h} as a new histogram of perfgate's precision that took them in with
     * {@code AbstractHistogram.add} would hold them (what {@link LabelStats#compactCopy} made).
     */
    static FrozenCounts copyOf(AbstractHistogram h) {
        // another precision: its values counted in perfgate's buckets first, as the copy always did
        AbstractHistogram source = PackedSizing.isPerfgates(h) ? h : LabelStats.compactCopy(h);
        long highestTrackable = source == h ? afterAdding(NEW_RANGE, h.getMaxValue())
                : source.getHighestTrackableValue();
        PackedLongArray packed = PackedSizing.countsOf(source);
        if (packed != null) {
            return ofPacked(packed, source.getMaxValue(), highestTrackable);
        }
        Builder b = new Builder(64);
        for (HistogramIterationValue v : source.recordedValues()) {
            b.add(HdrIndex.of(v.getValueIteratedTo()), v.getCountAtValueIteratedTo());
        }
        return b.build(highestTrackable);
    }

    /** The non-zero counts of a packed histogram of perfgate's precision, up to the bucket of {@code max}. */
    static FrozenCounts ofPacked(PackedLongArray packed, long max, long highestTrackable) {
        int limit = HdrIndex.of(max);
        Builder b = new Builder(2 * packed.getPhysicalLength());
        for (IterationValue v : packed.nonZeroValues()) {
            if (v.getIndex() > limit) {
                break;
            }
            b.add(v.getIndex(), v.getValue());
        }
        return b.build(highestTrackable);
    }

    long totalCount() {
        return total;
    }

    /** HdrHistogram's {@code getMaxValue()}: the highest value equivalent to the highest bucket hit (0 if none). */
    long maxValue() {
        return top <= 0 ? 0 : HdrIndex.lowestValue(top + 1) - 1;
    }

    long highestTrackable() {
        return highestTrackable;
    }

    /** The highest bucket hit, -1 when empty. */
    int topBucket() {
        return top;
    }

    /** The counts as HdrHistogram encodes them, bucket 0 to {@link #topBucket()} (read only). */
    byte[] payload() {
        return payload;
    }

    /**
     * The exact union of two histograms' counts, with the highest trackable value of {@code this} copied and the
     * other added to it ({@link LabelStats#merge}).
     */
    FrozenCounts plus(FrozenCounts o) {
        long highestTrackable = afterAdding(this.highestTrackable, o.maxValue());
        if (o.total == 0) {
            return highestTrackable == this.highestTrackable ? this : new Builder(0).build(highestTrackable);
        }
        Builder b = new Builder(payload.length + o.payload.length);
        Reader x = new Reader();
        Reader y = o.new Reader();
        boolean hasX = x.next();
        boolean hasY = y.next();
        while (hasX || hasY) {
            if (hasX && (!hasY || x.bucket < y.bucket)) {
                b.add(x.bucket, x.count);
                hasX = x.next();
            } else if (!hasX || y.bucket < x.bucket) {
                b.add(y.bucket, y.count);
                hasY = y.next();
            } else {
                b.add(x.bucket, x.count + y.count);
                hasX = x.next();
                hasY = y.next();
            }
        }
        return b.build(highestTrackable);
    }

    /**
     * HdrHistogram's {@code getValueAtPercentile} of each of {@code percentiles} (ascending), the same answers, in
     * one scan: the rank computed as HdrHistogram does, the answer the highest value equivalent to the rank's
     * bucket (the lowest for percentile 0), 0 when empty.
     */
    long[] valuesAtPercentiles(double... percentiles) {
        long[] values = new long[percentiles.length];
        if (total == 0 || percentiles.length == 0) {
            return values;
        }
        int next = 0;
        long rank = rank(percentiles[0], total);
        long seen = 0;
        Reader r = new Reader();
        while (r.next()) {
            seen += r.count;
            while (seen >= rank) {
                values[next] = percentiles[next] == 0.0 ? HdrIndex.lowestValue(r.bucket)
                        : HdrIndex.lowestValue(r.bucket + 1) - 1;
                if (++next == percentiles.length) {
                    return values;
                }
                if (percentiles[next] < percentiles[next - 1]) {
                    throw new IllegalArgumentException("percentiles not ascending: " + percentiles[next]);
                }
                rank = rank(percentiles[next], total);
            }
        }
        return values;
    }

    /** HdrHistogram's rank, computed as it does: one ulp below the percentile, clamped, rounded up, at least 1. */
    private static long rank(double percentile, long total) {
        double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0), 100.0);
        return Math.max((long) Math.ceil(requested * total / 100.0), 1);
    }

    long valueAtPercentile(double percentile) {
        return valuesAtPercentiles(percentile)[0];
    }

    /** A packed histogram of these counts, as HdrHistogram's own would be (range included). */
    Histogram toHistogram() {
        PackedHistogram h = new PackedHistogram(1, Math.max(NEW_RANGE, highestTrackable),
                LabelStats.SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        Reader r = new Reader();
        while (r.next()) {
            h.recordValueWithCount(HdrIndex.lowestValue(r.bucket), r.count);
        }
        return h;
    }
}
