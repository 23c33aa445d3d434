package io.jenkins.plugins.perfgate.engine.stats;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Occurrences of texts (a label's response codes and failure messages), bounded to a number of distinct ones;
 * further new texts are only counted as "others". Not thread-safe.
 *
 * <p>Why not a {@code HashMap}: with many distinct messages (a failure message that quotes the response, different
 * in every sample) nearly every lookup misses in a full table, and the map's lookup followed a pointer to a node
 * per probe, a cache miss each (a tenth of the CPU of such a file). Here a probe reads one word of a flat slot
 * table holding the text's hash beside its index; texts and counts sit in arrays in the order they came. The text
 * seen last is checked first by identity: readers hand out the same String for the same bytes.
 */
final class TextTally {

    private final int max;
    /** Open addressing: the text's hash in the high half, its index + 1 in the low half; 0 for a free slot. */
    private long[] slots = new long[16];
    private String[] texts = new String[8];
    private long[] counts = new long[8];
    private int size;
    private long others;
    private String lastText;
    private int lastIndex;

    /** @param max distinct texts kept before further new ones only count as others */
    TextTally(int max) {
        this.max = max;
    }

    void count(String text) {
        count(text, 1);
    }

    @SuppressFBWarnings(value = "ES_COMPARING_PARAMETER_STRING_WITH_EQ",
            justification = "identity on purpose: the reader hands out one cached String per distinct text, so == "
                    + "finds a repeat without hashing; equals decides otherwise")
    void count(String text, long n) {
        if (text == lastText) {
            counts[lastIndex] += n;
            return;
        }
        int h = text.hashCode();
        int mask = slots.length - 1;
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            long s = slots[slot];
            if (s == 0) {
                if (size >= max) {
                    others += n;
                    return;
                }
                insert(slot, h, text, n);
                return;
            }
            if ((int) (s >>> 32) == h) {
                int i = (int) s - 1;
                String t = texts[i];
                if (t == text || t.equals(text)) {
                    counts[i] += n;
                    lastText = text;
                    lastIndex = i;
                    return;
                }
            }
        }
    }

    private void insert(int slot, int h, String text, long n) {
        if (size == texts.length) {
            texts = Arrays.copyOf(texts, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        int i = size++;
        texts[i] = text;
        counts[i] = n;
        slots[slot] = (long) h << 32 | (i + 1);
        lastText = text;
        lastIndex = i;
        if (size * 2 > slots.length) {
            grow();
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        for (long s : slots) {
            if (s != 0) {
                int slot = spread((int) (s >>> 32)) & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = s;
            }
        }
        slots = bigger;
    }

    /** Mixes the high bits of a String's hash into the low ones a slot is taken from. */
    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    /** Adds another tally's counts (its texts in the order they came; those that no longer fit count as others). */
    void addAll(TextTally o) {
        others += o.others;
        for (int i = 0; i < o.size; i++) {
            count(o.texts[i], o.counts[i]);
        }
    }

    /** The {@code n} most frequent texts, the rest as others (see {@link CountTable#top}). */
    CountTable top(int n) {
        Map<String, Long> plain = new HashMap<>();
        for (int i = 0; i < size; i++) {
            plain.put(texts[i], counts[i]);
        }
        return CountTable.top(plain, others, n);
    }
}
