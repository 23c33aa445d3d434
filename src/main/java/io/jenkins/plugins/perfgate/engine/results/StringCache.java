package io.jenkins.plugins.perfgate.engine.results;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns byte ranges into Strings, reusing the String for bytes seen before. Labels, response codes, messages and
 * thread names repeat millions of times in a result file; decoding each once keeps the reader fast and its garbage
 * low. Bounded: once full, new texts are decoded without being kept. Not thread-safe.
 */
final class StringCache {

    private static final int SLOTS = 8192;
    private static final int MAX_ENTRIES = SLOTS / 2;
    private static final int MAX_KEY_LENGTH = 512;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];
    private int entries;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /**
     * A hash from the length and the first and last eight bytes: constant time, and enough to tell apart labels
     * ("01 GET /a" vs "02 GET /a") and thread names ("Thread Group 1-17" vs "1-18"); equality is checked anyway.
     */
    private static int hash(byte[] buf, int from, int to) {
        int len = to - from;
        long h;
        if (len >= 8) {
            h = (long) LONGS.get(buf, from) * 0x9E3779B97F4A7C15L + (long) LONGS.get(buf, to - 8);
        } else {
            h = 0;
            for (int i = from; i < to; i++) {
                h = h * 31 + buf[i];
            }
        }
        h = (h + len) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    /** Byte equality, eight at a time (short texts: cheaper than the general array comparison). */
    private static boolean same(byte[] key, byte[] buf, int from, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            if ((long) LONGS.get(key, i) != (long) LONGS.get(buf, from + i)) {
                return false;
            }
        }
        for (; i < len; i++) {
            if (key[i] != buf[from + i]) {
                return false;
            }
        }
        return true;
    }

    String get(byte[] buf, int from, int to) {
        int len = to - from;
        if (len == 0) {
            return "";
        }
        if (len > MAX_KEY_LENGTH) {
            return new String(buf, from, len, StandardCharsets.UTF_8);
        }
        int h = hash(buf, from, to);
        int slot = h & (SLOTS - 1);
        while (true) {
            byte[] k = keys[slot];
            if (k == null) {
                String s = new String(buf, from, len, StandardCharsets.UTF_8);
                if (entries < MAX_ENTRIES) {
                    keys[slot] = Arrays.copyOfRange(buf, from, to);
                    values[slot] = s;
                    entries++;
                }
                return s;
            }
            if (k.length == len && same(k, buf, from, len)) {
                return values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }
}
