package io.jenkins.plugins.perfgate.engine.results;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Parses runs of ASCII digits in place, eight at a time: every row of a result file carries seven numbers, and a
 * digit-by-digit loop with a multiply and a check per digit was a tenth of the reading time.
 */
final class Digits {

    /** What {@link #parse} returns for anything but 1 to 18 digits. */
    static final long INVALID = Long.MIN_VALUE;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Added to a byte holding 0..127, sets its high bit exactly when the byte is 10 or more. */
    private static final long TENS = 0x7676767676767676L;
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Digits() {
    }

    /**
     * The value of {@code b[from..to)} when it is 1 to 18 ASCII digits, else {@link #INVALID}. Reads whole words
     * around the digits, always inside {@code b}: up to eight digits as the word that ends with them, which
     * exists everywhere but in an array's first bytes, where no reader's numbers are (a CSV row starts with its
     * timestamp). Reading the word that starts with them instead failed near the end of a buffer, a branch first
     * taken after the reading loop was compiled, which threw that code away (docs/performance.md, "The JIT's
     * work").
     */
    static long parse(byte[] b, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > 18) {
            return INVALID;
        }
        if (len <= 8) {
            if (to >= 8) {
                return ending(b, to, len);
            }
        } else if (len <= 16) {
            // both words lie in [from, to)
            long high = eight(b, from, len - 8);
            long low = ending(b, to, 8);
            return high < 0 || low < 0 ? INVALID : high * 100_000_000L + low;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * The value of {@code b[from..to)} when it is one to eight ASCII digits and {@code to >= 8}, else
     * {@link #INVALID} ({@link #parse} then tells). Small enough to be inlined at every numeric field of a row,
     * where {@link #parse} is not: one test for the length, one for the digits.
     */
    static long upToEight(byte[] b, int from, int to) {
        int len = to - from;
        if (((len - 1) | (8 - len) | (to - 8)) < 0) {
            return INVALID;
        }
        return ending(b, to, len);
    }

    /**
     * The value of the {@code len} (1..8) digits that end at {@code to}, reading the eight bytes before it (the
     * bytes before the digits are ignored), or {@link #INVALID}.
     */
    private static long ending(byte[] b, int to, int len) {
        // digit bytes become their values 0..9; little-endian: the digits sit in the high len bytes, the bytes
        // before them are cleared (as leading zeros)
        long x = ((long) LONGS.get(b, to - 8) ^ ZEROS) & (-1L << ((8 - len) << 3));
        if ((((x + TENS) | x) & HIGHS) != 0) {
            return INVALID;
        }
        return combine(x);
    }

    /**
     * The value of the {@code len} (1..8) digits at {@code from}, reading the eight bytes there (the bytes after
     * the digits are ignored), or {@link #INVALID}.
     */
    private static long eight(byte[] b, int from, int len) {
        long x = (long) LONGS.get(b, from) ^ ZEROS; // digit bytes become their values 0..9
        int shift = (8 - len) << 3;
        // the digits sit in the low len bytes (little-endian: first digit lowest). A byte of 128 or more carries
        // into the bytes above it, but those are either ignored or the result is invalid anyway.
        long bad = ((x + TENS) | x) & HIGHS;
        if ((bad << shift) != 0) {
            return INVALID;
        }
        // moved to the high bytes, leading zeros below: "123" becomes 00000123 (first digit in the lowest byte)
        return combine(x << shift);
    }

    /**
     * The high bit of each byte of {@code word} (eight bytes, the first lowest) that is not an ASCII digit: exact up
     * to the lowest one flagged (a byte of 0x8A or more carries into the byte after it), which is where a run of
     * digits ends.
     */
    static long notDigits(long word) {
        long x = word ^ ZEROS;
        return ((x + TENS) | x) & HIGHS;
    }

    /**
     * The value of {@code b[from..to)}, one to sixteen bytes known to be ASCII digits ({@link #notDigits}), reading
     * the sixteen bytes from {@code from}, which the caller makes sure lie in {@code b}.
     */
    static long ofDigits(byte[] b, int from, int to) {
        int n = to - from;
        if (n <= 8) {
            return combine(((long) LONGS.get(b, from) ^ ZEROS) << ((8 - n) << 3));
        }
        long high = combine((long) LONGS.get(b, from) ^ ZEROS);
        int low = n - 8;
        return high * POWERS[low] + combine(((long) LONGS.get(b, from + 8) ^ ZEROS) << ((8 - low) << 3));
    }

    /** The value of eight digit values 0..9, one per byte, the first in the lowest byte. */
    private static long combine(long x) {
        x = (x * 10 + (x >>> 8)) & 0x00FF00FF00FF00FFL;
        x = (x * 100 + (x >>> 16)) & 0x0000FFFF0000FFFFL;
        return (x * 10000 + (x >>> 32)) & 0xFFFFFFFFL;
    }
}
