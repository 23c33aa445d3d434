package io.jenkins.plugins.perfgate.engine.stats;

/**
 * Finds the accumulator of a sample's label with one cache line touched: open addressing over one array holding
 * each label beside its accumulator (a {@code HashMap} reaches the value through a node object, and the row
 * through another), found first by identity (readers hand out one String per distinct label) and then by equality.
 * An accelerator beside {@link RunAggregator}'s map of rows: with thousands of labels each lookup used to miss the
 * processor's cache two or three times. Not thread-safe.
 *
 * @param <V> what a label finds
 */
final class LabelRows<V> {

    /** key at 2i, value at 2i + 1. */
    private Object[] slots = new Object[2 * 64];
    private int size;

    /** The value of a label, or null. */
    @SuppressWarnings("unchecked")
    V get(String label) {
        Object[] s = slots;
        int mask = s.length / 2 - 1;
        int i = spread(label.hashCode()) & mask;
        while (true) {
            Object k = s[2 * i];
            if (k == label) {
                return (V) s[2 * i + 1];
            }
            if (k == null) {
                return null;
            }
            if (k.equals(label)) {
                return (V) s[2 * i + 1];
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds a label not in the table yet. */
    void put(String label, V value) {
        if (2 * (size + 1) > slots.length / 2) {
            Object[] old = slots;
            slots = new Object[old.length * 2];
            for (int j = 0; j < old.length; j += 2) {
                if (old[j] != null) {
                    insert(slots, old[j], old[j + 1]);
                }
            }
        }
        insert(slots, label, value);
        size++;
    }

    private static void insert(Object[] s, Object key, Object value) {
        int mask = s.length / 2 - 1;
        int i = spread(key.hashCode()) & mask;
        while (s[2 * i] != null) {
            i = (i + 1) & mask;
        }
        s[2 * i] = key;
        s[2 * i + 1] = value;
    }

    /** Look-alike labels ({@code /items/17}, {@code /items/18}) have hashes that differ in low bits only. */
    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
