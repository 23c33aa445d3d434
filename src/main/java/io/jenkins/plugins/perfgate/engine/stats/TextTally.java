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

    /** Texts held in fields of the tally itself, the first that came. */
    private static final int INLINE = 4;

    /**
     * Bits of {@link #keptSketches} (2^{@value}: 2 KB): with 1,000 texts kept, about one in sixteen texts not kept
     * is still looked up by its hash.
     */
    private static final int SKETCH_LOG_BITS = 14;

    private final int max;
    /*
     * The first INLINE texts and their counts, in the order they came. A label's response codes are nearly always
     * one to three texts: counted here by identity, without touching another object (with thousands of labels, the
     * table and arrays below were three more cache misses each time a label's code changed) and without their
     * 300 bytes per tally (two tallies per label and reading thread).
     */
    private String t0;
    private String t1;
    private String t2;
    private String t3;
    private long c0;
    private long c1;
    private long c2;
    private long c3;
    /**
     * Open addressing once more than INLINE texts came (null before): the text's hash in the high half, its index
     * + 1 in the low half; 0 for a free slot. Indexes below INLINE are the fields' texts.
     */
    private long[] slots;
    /** Texts and counts from index INLINE on (the first INLINE entries unused). */
    private String[] texts;
    private long[] counts;
    private int size;
    private long others;
    private String lastText;
    private int lastIndex;
    /**
     * Once the tally is full (no text is added any more): a bit per {@link #sketch} of the texts kept, set for each.
     * A text whose bit is clear is not kept and only counts as others, found without its String hash, which for a
     * new String (a reader past its cache's bound hands out one per row) reads every character: with failure
     * messages different in every sample (a response excerpt), hashing them was 7-15 % of such a file's CPU.
     * Null while texts are still added.
     */
    private long[] keptSketches;

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
        if (text == t0) {
            c0 += n;
        } else if (text == t1) {
            c1 += n;
        } else if (text == t2) {
            c2 += n;
        } else if (text == t3) {
            c3 += n;
        } else {
            countOther(text, n);
        }
    }

    /** A text not identical to a field's: an equal one among the fields, or the table. */
    @SuppressFBWarnings(value = "ES_COMPARING_PARAMETER_STRING_WITH_EQ",
            justification = "identity on purpose, as in count")
    private void countOther(String text, long n) {
        if (slots == null) {
            int inline = Math.min(size, INLINE);
            for (int i = 0; i < inline; i++) {
                if (field(i).equals(text)) {
                    addAt(i, n);
                    return;
                }
            }
            if (size >= max) {
                others += n;
            } else if (size < INLINE) {
                setField(size++, text, n);
            } else {
                spill();
                insertOther(text, n);
            }
            return;
        }
        if (text == lastText) {
            addAt(lastIndex, n);
            return;
        }
        long[] kept = keptSketches;
        if (kept != null) {
            int k = sketch(text);
            if ((kept[k >>> 6] & 1L << k) == 0) {
                others += n;
                return;
            }
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
                String t = text(i);
                if (t == text || t.equals(text)) {
                    addAt(i, n);
                    lastText = text;
                    lastIndex = i;
                    return;
                }
            }
        }
    }

    private String field(int i) {
        return switch (i) {
            case 0 -> t0;
            case 1 -> t1;
            case 2 -> t2;
            default -> t3;
        };
    }

    private long fieldCount(int i) {
        return switch (i) {
            case 0 -> c0;
            case 1 -> c1;
            case 2 -> c2;
            default -> c3;
        };
    }

    private void setField(int i, String text, long n) {
        switch (i) {
            case 0 -> { t0 = text; c0 = n; }
            case 1 -> { t1 = text; c1 = n; }
            case 2 -> { t2 = text; c2 = n; }
            default -> { t3 = text; c3 = n; }
        }
    }

    private void addAt(int i, long n) {
        switch (i) {
            case 0 -> c0 += n;
            case 1 -> c1 += n;
            case 2 -> c2 += n;
            case 3 -> c3 += n;
            default -> counts[i] += n;
        }
    }

    private String text(int i) {
        return i < INLINE ? field(i) : texts[i];
    }

    private long countAt(int i) {
        return i < INLINE ? fieldCount(i) : counts[i];
    }

    /** The table made for a fifth text, holding the fields' texts. */
    private void spill() {
        slots = new long[16];
        texts = new String[2 * INLINE];
        counts = new long[2 * INLINE];
        for (int i = 0; i < INLINE; i++) {
            String t = field(i);
            int h = t.hashCode();
            int mask = slots.length - 1;
            int slot = spread(h) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (long) h << 32 | (i + 1);
        }
    }

    /** Inserts a text known not to be in the table. */
    private void insertOther(String text, long n) {
        int h = text.hashCode();
        int mask = slots.length - 1;
        int slot = spread(h) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        insert(slot, h, text, n);
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
        if (size >= max) {
            keepSketches();
        }
    }

    /** Marks the sketch of every text kept, now that no more come (see {@link #keptSketches}). */
    private void keepSketches() {
        long[] kept = new long[(1 << SKETCH_LOG_BITS) / 64];
        for (int i = 0; i < size; i++) {
            int k = sketch(text(i));
            kept[k >>> 6] |= 1L << k;
        }
        keptSketches = kept;
    }

    /**
     * A cheap summary of a text, a bit index below 2^{@link #SKETCH_LOG_BITS}: its length, its last twelve
     * characters and four between its start and end, not all of them (a text under 16 characters by its String
     * hash). Equal texts have equal sketches; unequal ones mostly differ somewhere among these (a message that
     * quotes a response differs near its end, a numbered one near its middle). Four words mixed apart, not one
     * character after another: no chain of multiplications.
     */
    private static int sketch(String text) {
        int len = text.length();
        long x;
        if (len < 16) {
            x = text.hashCode();
        } else {
            int last = len - 1;
            long a = text.charAt(last) | (long) text.charAt(last - 1) << 16 | (long) text.charAt(last - 2) << 32
                    | (long) text.charAt(last - 3) << 48;
            long b = text.charAt(last - 4) | (long) text.charAt(last - 5) << 16
                    | (long) text.charAt(last - 6) << 32 | (long) text.charAt(last - 7) << 48;
            long c = text.charAt(last - 8) | (long) text.charAt(last - 9) << 16
                    | (long) text.charAt(last - 10) << 32 | (long) text.charAt(last - 11) << 48;
            long d = text.charAt(last >>> 3) | (long) text.charAt(last >>> 2) << 16
                    | (long) text.charAt(last >>> 1) << 32 | (long) text.charAt(last - (last >>> 2)) << 48;
            x = a * 0x9E3779B97F4A7C15L ^ b * 0xC2B2AE3D27D4EB4FL ^ c * 0x165667B19E3779F9L
                    ^ d * 0xD6E8FEB86659FD93L ^ len;
        }
        x *= 0x9E3779B97F4A7C15L;
        return (int) (x >>> (64 - SKETCH_LOG_BITS));
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
            count(o.text(i), o.countAt(i));
        }
    }

    /** The {@code n} most frequent texts, the rest as others (see {@link CountTable#top}). */
    CountTable top(int n) {
        Map<String, Long> plain = new HashMap<>();
        for (int i = 0; i < size; i++) {
            plain.put(text(i), countAt(i));
        }
        return CountTable.top(plain, others, n);
    }
}
