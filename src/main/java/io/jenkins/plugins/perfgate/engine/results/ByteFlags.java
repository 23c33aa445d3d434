package io.jenkins.plugins.perfgate.engine.results;

/**
 * Counts and finds the bytes flagged in a word of byte flags: a {@code long} whose only set bits are bytes' high
 * bits (0x80), as the word-at-a-time scans make them (the first byte of a word lowest). With multiplies instead of
 * {@link Long#bitCount} and {@link Long#numberOfTrailingZeros}: the JIT's first tier (C1) has no intrinsic for
 * those and calls their Java code (profiled, and {@code numberOfTrailingZeros} calls {@code Integer}'s), while a
 * CSV part is read by that tier's code for its first tens of thousands of rows.
 */
final class ByteFlags {

    private static final long ONES = 0x0101010101010101L;
    /** Byte j holds 7 - j: a single byte's 1 moved up to byte k leaves k in the top byte. */
    private static final long INDEXES = 0x0001020304050607L;

    private ByteFlags() {
    }

    /** How many bytes of {@code flags} are flagged: each 0x80 becomes a 1, and the multiply sums them in the top byte. */
    static int count(long flags) {
        return (int) (((flags >>> 7) * ONES) >>> 56);
    }

    /**
     * The byte index (0 to 7) of the lowest flagged byte of {@code flags}, which must not be 0 (then 0 is returned,
     * where {@code numberOfTrailingZeros(flags) >>> 3} is 8).
     */
    static int lowest(long flags) {
        return (int) ((((flags & -flags) >>> 7) * INDEXES) >>> 56);
    }
}
