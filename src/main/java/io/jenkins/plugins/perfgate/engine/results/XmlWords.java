package io.jenkins.plugins.perfgate.engine.results;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Word-at-a-time searches for {@link XmlScanner}: eight bytes of the buffer at once, tested for the bytes that end a
 * run of plain text (an attribute value or character data) and for the '=' after an attribute name. A byte-at-a-time
 * loop cost a mispredicted exit per value (their lengths vary from sample to sample) and a test per byte; most
 * values of a JMeter result file fit in one or two words. The lowest flagged byte of each mask is exact (a borrow
 * only runs upwards, from a byte that is itself flagged), which is all the callers use.
 */
final class XmlWords {

    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long LESS_THANS = 0x3C3C3C3C3C3C3C3CL;
    private static final long AMPERSANDS = 0x2626262626262626L;
    private static final long EQUALS = 0x3D3D3D3D3D3D3D3DL;
    static final long DOUBLE_QUOTES = 0x2222222222222222L;
    static final long SINGLE_QUOTES = 0x2727272727272727L;

    private XmlWords() {
    }

    /** The word of the eight bytes at {@code i} (the first byte lowest). */
    static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** The high bit of each byte of {@code w} that is zero (exact up to the lowest one). */
    private static long zeros(long w) {
        return (w - ONES) & ~w;
    }

    /**
     * The bytes of {@code w} that end plain character data: '<', '&', a control character (line breaks and tabs
     * included) or the first byte of a multi-byte character, as high bits (exact up to the lowest one).
     */
    static long contentStops(long w) {
        return (zeros(w ^ LESS_THANS) | zeros(w ^ AMPERSANDS) | ((w - SPACES) & ~w) | w) & HIGHS;
    }

    /** As {@link #contentStops}, and the quote that ends an attribute value ({@code quotes}: the quote eight times). */
    static long valueStops(long w, long quotes) {
        return (zeros(w ^ LESS_THANS) | zeros(w ^ AMPERSANDS) | zeros(w ^ quotes) | ((w - SPACES) & ~w) | w) & HIGHS;
    }

    /** The '=' bytes of {@code w}, as high bits (exact up to the lowest one). */
    static long equalsSigns(long w) {
        return zeros(w ^ EQUALS) & HIGHS;
    }

    /** The index (0..7) of the lowest byte flagged in a non-zero mask. */
    static int first(long mask) {
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }
}
