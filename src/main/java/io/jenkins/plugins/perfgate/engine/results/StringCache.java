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
 *
 * <p>Lookups cost a few word loads and no loops for short texts: the table starts small (so the few texts a file
 * repeats stay in the L1 cache while the rows stream through), each slot holds its text's first 32 bytes, and
 * longer texts are compared eight bytes at a time.
 */
final class StringCache {

    private static final int MAX_SLOTS = 8192;
    private static final int MAX_ENTRIES = MAX_SLOTS / 2;
    private static final int MAX_KEY_LENGTH = 512;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** Texts up to this length are compared in three word loads without a loop. */
    private static final int SHORT = 32;

    /**
     * The kept texts by slot, in parallel arrays rather than an object per text: slot i's length at
     * {@code lengths[i]} (0: empty), its first 32 bytes (zero-padded) as four words at {@code words[4i..4i+3]}, its
     * String, number and all its bytes (zero-padded to whole words). A lookup reads the slot's 32 bytes of one
     * array: with thousands of labels an object per text (64 bytes, mostly across two cache lines, scattered
     * among the aggregation's memory) was rarely in the processor's cache; packed, the table's words are fewer
     * lines in one place (docs/performance.md, "2,000 labels: where a sample waits").
     */
    private int[] lengths = new int[64];
    private long[] words = new long[4 * 64];
    private String[] values = new String[64];
    private int[] numbers = new int[64];
    private byte[][] keys = new byte[64][];
    private int entries;
    /** The number of the text the last {@link #get} returned, or -1 (see {@link #lastNumber}). */
    private int lastNumber = -1;

    /** The first min(8, len) bytes at {@code from} as a little-endian word, the rest zero. */
    private static long head(byte[] buf, int from, int len) {
        if (from + 8 <= buf.length) {
            long w = (long) LONGS.get(buf, from);
            return len >= 8 ? w : w & (-1L >>> ((8 - len) << 3));
        }
        long h = 0;
        for (int i = Math.min(8, len) - 1; i >= 0; i--) {
            h = (h << 8) | (buf[from + i] & 0xffL);
        }
        return h;
    }

    /**
     * A hash from the length and the first, middle and last eight bytes, mixed so that every bit of them reaches
     * the low bits a slot is taken from: constant time. Texts of one length that share their first eight bytes
     * and differ in one byte ("GET /api/v1/resource7" vs "...resource8", "Users 1-17" vs "1-18") or in the middle
     * ("GET /api/v1/users/{id}/orders" vs ".../carts/{id}/orders") must land in different slots: a hash that
     * kept them together made every lookup walk the chain of look-alikes (2.7x the CPU on such files, issue 21).
     * Equality is checked anyway.
     */
    private static int hash(long head, byte[] buf, int to, int len) {
        long h = head;
        if (len > 8) {
            h ^= Long.rotateLeft((long) LONGS.get(buf, to - 8), 21);
            if (len > 16) {
                h ^= Long.rotateLeft((long) LONGS.get(buf, to - 8 - ((len - 8) >>> 1)), 42);
            }
        }
        h = (h + len) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29));
    }

    /** Whether bytes 8.. of the text at {@code from} equal the key's, eight at a time, the last word masked. */
    private static boolean sameTail(byte[] key, byte[] buf, int from, int len) {
        int padded = (len + 7) & ~7;
        if (from + padded > buf.length) {
            return Arrays.equals(key, 0, len, buf, from, from + len);
        }
        int last = padded - 8;
        for (int i = 8; i < last; i += 8) {
            if ((long) LONGS.get(key, i) != (long) LONGS.get(buf, from + i)) {
                return false;
            }
        }
        long mask = -1L >>> ((padded - len) << 3);
        return (((long) LONGS.get(key, last) ^ (long) LONGS.get(buf, from + last)) & mask) == 0;
    }

    /**
     * The number of the text the last {@link #get} returned: kept texts are numbered 0, 1, 2... in the order they
     * came, so that a consumer can find what it keeps per text in an array instead of hashing the String (with
     * thousands of labels, reading each label String's hash missed the processor's cache once a row). -1 when that
     * text is not kept (empty, too long, or the cache was full).
     */
    int lastNumber() {
        return lastNumber;
    }

    String get(byte[] buf, int from, int to) {
        int len = to - from;
        if (len == 0) {
            lastNumber = -1;
            return "";
        }
        if (len > MAX_KEY_LENGTH || to + 8 > buf.length) {
            if (len > MAX_KEY_LENGTH) {
                lastNumber = -1;
                return new String(buf, from, len, StandardCharsets.UTF_8);
            }
            return slowGet(buf, from, to);
        }
        long head = head(buf, from, len);
        int[] lens = lengths;
        long[] w = words;
        int mask = lens.length - 1;
        int slot = hash(head, buf, to, len) & mask;
        if (len <= SHORT && from + SHORT <= buf.length) {
            // bytes 8-31 masked to the text's length: no loop, no branch on the length, whose variation from row
            // to row (labels in random order) cost a mispredicted branch per lookup in the word loop
            long w1 = (long) LONGS.get(buf, from + 8) & tailMask(len - 8);
            long w2 = (long) LONGS.get(buf, from + 16) & tailMask(len - 16);
            long w3 = (long) LONGS.get(buf, from + 24) & tailMask(len - 24);
            while (true) {
                int l = lens[slot];
                if (l == 0) {
                    return add(buf, from, len, head);
                }
                int at = 4 * slot;
                if (l == len && ((w[at] ^ head) | (w[at + 1] ^ w1) | (w[at + 2] ^ w2) | (w[at + 3] ^ w3)) == 0) {
                    lastNumber = numbers[slot];
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
        }
        while (true) {
            int l = lens[slot];
            if (l == 0) {
                return add(buf, from, len, head);
            }
            if (l == len && w[4 * slot] == head && (len <= 8 || sameTail(keys[slot], buf, from, len))) {
                lastNumber = numbers[slot];
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Whether the cache keeps no further texts: a text not in it is decoded anew at every lookup. */
    boolean full() {
        return entries >= MAX_ENTRIES;
    }

    /** A mask of the first {@code n} bytes of a word: none for n <= 0, all for n >= 8; without a branch. */
    private static long tailMask(int n) {
        int bits = Math.clamp(n, 0, 8) << 2;
        return ~((-1L << bits) << bits);
    }

    /** A text at the very end of the array (no word can be read past it): copied, then looked up. */
    private String slowGet(byte[] buf, int from, int to) {
        byte[] padded = Arrays.copyOf(Arrays.copyOfRange(buf, from, to), to - from + 16);
        return get(padded, 0, to - from);
    }

    private String add(byte[] buf, int from, int len, long head) {
        String s = new String(buf, from, len, StandardCharsets.UTF_8);
        if (entries >= MAX_ENTRIES) {
            lastNumber = -1;
            return s;
        }
        if ((entries + 1) * 2 > lengths.length) {
            grow();
        }
        byte[] key = new byte[Math.max(SHORT, (len + 7) & ~7)];
        System.arraycopy(buf, from, key, 0, len);
        put(len, key, s, entries);
        lastNumber = entries;
        entries++;
        return s;
    }

    private void grow() {
        int[] oldLengths = lengths;
        String[] oldValues = values;
        int[] oldNumbers = numbers;
        byte[][] oldKeys = keys;
        int size = Math.min(MAX_SLOTS, oldLengths.length * 2);
        lengths = new int[size];
        words = new long[4 * size];
        values = new String[size];
        numbers = new int[size];
        keys = new byte[size][];
        for (int i = 0; i < oldLengths.length; i++) {
            if (oldLengths[i] != 0) {
                put(oldLengths[i], oldKeys[i], oldValues[i], oldNumbers[i]);
            }
        }
    }

    private void put(int len, byte[] key, String value, int number) {
        int mask = lengths.length - 1;
        long head = head(key, 0, len);
        int slot = hash(head, key, len, len) & mask;
        while (lengths[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        lengths[slot] = len;
        int at = 4 * slot;
        words[at] = head;
        words[at + 1] = (long) LONGS.get(key, 8);
        words[at + 2] = (long) LONGS.get(key, 16);
        words[at + 3] = (long) LONGS.get(key, 24);
        values[slot] = value;
        numbers[slot] = number;
        keys[slot] = key;
    }

    /** The longest distance of a kept text from its hash's slot (for tests: how well look-alikes are spread). */
    int longestProbe() {
        int mask = lengths.length - 1;
        int longest = 0;
        for (int slot = 0; slot < lengths.length; slot++) {
            if (lengths[slot] != 0) {
                int home = hash(words[4 * slot], keys[slot], lengths[slot], lengths[slot]) & mask;
                longest = Math.max(longest, (slot - home) & mask);
            }
        }
        return longest;
    }
}
