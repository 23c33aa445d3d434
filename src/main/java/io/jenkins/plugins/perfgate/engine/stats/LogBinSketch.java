package io.jenkins.plugins.perfgate.engine.stats;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * A small, mergeable histogram of millisecond values in logarithmic bins 5 % wide. Used for the per-interval
 * series, where a full HdrHistogram per interval and label would cost too much memory and JSON: a bin count array
 * covers only the bins actually hit, and merging two sketches adds counts, so merged percentiles equal those of
 * the concatenated input (at the 5 % resolution of a bin).
 *
 * <p>Sealed: the one subclass is {@link IntervalSeries}' slot of an interval being filled, which keeps the interval's
 * figures in the sketch object itself (one object and one pointer less per label, interval and sample).
 */
public sealed class LogBinSketch permits IntervalSeries.Slot {

    private static final double GROWTH = 1.05;
    private static final double LOG_GROWTH = Math.log(GROWTH);

    /**
     * Bin counts: bin b is at counts[b - base]; bins lo..hi-1 are the range hit so far (the array has room around
     * it, so that a sketch filled sample by sample is not copied at every new bin). 16-bit unsigned counts
     * ({@code char}): the series keeps one sketch per label and interval, and with thousands of labels these arrays
     * were the largest part of the heap held while reading (a label's interval holds a few hundred samples); a
     * sketch whose bin would pass 65,535 moves to {@link #wide} instead.
     */
    private char[] counts = EMPTY;
    /** The counts once one overflowed a {@code char} (then {@link #counts} is unused), else null. */
    private long[] wide;
    private int base;
    private int lo;
    private int hi;
    private long total;

    private static final char[] EMPTY = new char[0];

    /** Values below this find their bin in {@link #SMALL_BINS} (elapsed times in ms nearly always do). */
    private static final int SMALL = 1 << 14;
    private static final short[] SMALL_BINS = new short[SMALL];
    /** Largest value whose bin is found without a logarithm: bins up to it have their lowest value listed. */
    private static final long TABLED = 1L << 40;
    /** LOWEST[i]: the smallest value of bin i, for every bin of values in [SMALL, TABLED]. */
    private static final long[] LOWEST;

    /*
     * Both tables from each bin's lowest value, found next to its estimate: about 2,500 evaluations of the formula.
     * Evaluating it for every small value and bisecting for the rest (31,000 evaluations, Math.ceil interpreted)
     * took ~10 ms on a reading thread at its first sample, on the critical path of a cold read, and had both JIT
     * compilers compile Math.ceil's code before the reading loop's (docs/performance.md, "The JIT's work").
     */
    static {
        int last = computedBin(TABLED);
        LOWEST = new long[last + 2];
        LOWEST[last + 1] = Long.MAX_VALUE;
        for (int bin = computedBin(SMALL); bin <= last; bin++) {
            LOWEST[bin] = lowestOf(bin);
        }
        // SMALL_BINS[0] is bin 0 (the array's zero); bin b holds the values from its lowest to the next bin's
        int bin = 1;
        long from = 1;
        while (from < SMALL) {
            long to = Math.min(SMALL, lowestOf(bin + 1));
            Arrays.fill(SMALL_BINS, (int) from, (int) to, (short) bin);
            from = to;
            bin++;
        }
    }

    /**
     * The smallest value of at least 1 in {@code bin} or a later bin, by the formula itself: the formula is monotone
     * in the value, so this is the value whose predecessor is in an earlier bin, searched from the estimate
     * 1.05^(bin-2) (exact to a unit or two).
     */
    private static long lowestOf(int bin) {
        long v = Math.max(1, (long) Math.exp((bin - 2) * LOG_GROWTH) - 2);
        while (v > 1 && computedBin(v - 1) >= bin) {
            v--;
        }
        while (computedBin(v) < bin) {
            v++;
        }
        return v;
    }

    /** The defining formula: 0 holds 0 ms, bin i >= 1 holds (1.05^(i-2), 1.05^(i-1)]. */
    static int computedBin(long value) {
        if (value <= 0) {
            return 0;
        }
        return 1 + (int) Math.ceil(Math.log(value) / LOG_GROWTH - 1e-9);
    }

    /**
     * Bin of a value, exactly as {@link #computedBin} defines it, without a logarithm per sample (the series
     * records every sample): a table for small values, otherwise a search among the bins' lowest values.
     */
    static int binOf(long value) {
        if (value < SMALL) {
            // no test for 0 or less (SMALL_BINS[0] is 0, a negative value is clamped to 0 by its sign mask): a
            // time of 0 ms is rare in the first rows, and a test the JIT saw always false there was compiled as a
            // trap that threw away the reading loop this is inlined into at the first 0 (docs/performance.md)
            return SMALL_BINS[(int) (value & ~(value >> 63))];
        }
        if (value > TABLED) {
            return computedBin(value);
        }
        int bin = Arrays.binarySearch(LOWEST, value);
        return bin >= 0 ? bin : -bin - 2;
    }

    /** The upper edge of a bin, in milliseconds (what a percentile reports: never below the true value). */
    static long upperEdge(int bin) {
        if (bin == 0) {
            return 0;
        }
        return (long) Math.floor(Math.pow(GROWTH, bin - 1) + 1e-9);
    }

    public void record(long value) {
        add(binOf(value), 1);
    }

    /** Room added on the side a sketch grows. */
    private static final int ROOM = 4;

    /**
     * An empty sketch with room for the bins another one hit (and a few around them): a label's next interval
     * mostly hits the bins of its last one, and grown bin by bin from nothing its array was copied a dozen times
     * (the largest part of what a 2,000-label read allocated).
     */
    static LogBinSketch sizedLike(LogBinSketch other) {
        LogBinSketch s = new LogBinSketch();
        s.sizeLike(other);
        return s;
    }

    /** Gives this sketch, new and empty, room for the bins {@code other} hit (see {@link #sizedLike}). */
    final void sizeLike(LogBinSketch other) {
        if (other.hi > other.lo) {
            counts = new char[other.hi - other.lo + ROOM];
            base = other.lo - ROOM / 2;
        }
    }

    private void add(int bin, long n) {
        int length = wide == null ? counts.length : wide.length;
        if (hi == lo) {
            if (length == 0) {
                counts = new char[ROOM];
                length = ROOM;
            }
            if (bin < base || bin >= base + length) {
                base = bin - length / 2;
            }
            lo = bin;
            hi = bin + 1;
        } else if (bin < base || bin >= base + length) {
            int newLo = Math.min(lo, bin);
            int newHi = Math.max(hi, bin + 1);
            // a few bins of room: a sketch filled sample by sample is not copied once per new bin, and its
            // memory stays close to the range hit (the over-time series keeps one per label and interval; room in
            // proportion to the range cut the copies but made the heap held while reading larger, and a
            // 2,000-label report at -Xmx64m then collected more often)
            int room = ROOM;
            int newBase = bin < base ? newLo - room : newLo;
            if (wide == null) {
                char[] grown = new char[newHi - newLo + room];
                System.arraycopy(counts, lo - base, grown, lo - newBase, hi - lo);
                counts = grown;
            } else {
                long[] grown = new long[newHi - newLo + room];
                System.arraycopy(wide, lo - base, grown, lo - newBase, hi - lo);
                wide = grown;
            }
            base = newBase;
            lo = newLo;
            hi = newHi;
        } else {
            lo = Math.min(lo, bin);
            hi = Math.max(hi, bin + 1);
        }
        int i = bin - base;
        if (wide == null) {
            long sum = counts[i] + n;
            if (sum <= Character.MAX_VALUE) {
                counts[i] = (char) sum;
                total += n;
                return;
            }
            widen();
        }
        wide[i] += n;
        total += n;
    }

    /** Moves the counts to {@code long}s: a bin is about to hold more than 65,535. */
    private void widen() {
        wide = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            wide[i] = counts[i];
        }
        counts = EMPTY;
    }

    /** Count of a bin in lo..hi-1. */
    private long count(int bin) {
        return wide == null ? counts[bin - base] : wide[bin - base];
    }

    public void merge(LogBinSketch other) {
        if (other.hi == other.lo) {
            return;
        }
        // the whole range first: one growth, not one per bin beyond the current range
        add(other.lo, 0);
        add(other.hi - 1, 0);
        for (int b = other.lo; b < other.hi; b++) {
            long c = other.count(b);
            if (c != 0) {
                add(b, c);
            }
        }
    }

    /** Nearest-rank percentile (0 < p <= 100), as the upper edge of the bin holding that rank; 0 when empty. */
    public long percentile(double p) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int b = lo; b < hi; b++) {
            seen += count(b);
            if (seen >= rank) {
                return upperEdge(b);
            }
        }
        return upperEdge(hi - 1);
    }

    /** Compact text form: base64 of varints (offset, length, counts...). */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + (hi - lo) * 2);
        writeVarint(out, hi == lo ? 0 : lo);
        writeVarint(out, hi - lo);
        for (int b = lo; b < hi; b++) {
            writeVarint(out, count(b));
        }
        return Base64.getEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    public static LogBinSketch decode(String text) {
        ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(text));
        LogBinSketch sketch = new LogBinSketch();
        int off = (int) readVarint(in);
        int len = (int) readVarint(in);
        if (len < 0 || len > 10_000) {
            throw new IllegalArgumentException("sketch length out of range: " + len);
        }
        for (int i = 0; i < len; i++) {
            long c = readVarint(in);
            if (c != 0) {
                sketch.add(off + i, c);
            }
        }
        return sketch;
    }

    /** An independent copy holding just the bins hit. */
    public LogBinSketch copy() {
        LogBinSketch c = new LogBinSketch();
        if (hi == lo) {
            return c; // (an empty sketch may have an array, from sizedLike, and any base)
        }
        if (wide == null) {
            c.counts = Arrays.copyOfRange(counts, lo - base, hi - base);
        } else {
            c.wide = Arrays.copyOfRange(wide, lo - base, hi - base);
        }
        c.base = lo;
        c.lo = lo;
        c.hi = hi;
        c.total = total;
        return c;
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarint(ByteBuffer in) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("malformed varint in sketch");
    }
}
