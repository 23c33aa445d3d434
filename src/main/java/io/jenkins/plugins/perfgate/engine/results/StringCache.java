package io.jenkins.plugins.perfgate.engine.results;

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

    String get(byte[] buf, int from, int to) {
        int len = to - from;
        if (len == 0) {
            return "";
        }
        if (len > MAX_KEY_LENGTH) {
            return new String(buf, from, len, StandardCharsets.UTF_8);
        }
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        h ^= h >>> 16;
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
            if (k.length == len && Arrays.equals(k, 0, len, buf, from, to)) {
                return values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }
}
