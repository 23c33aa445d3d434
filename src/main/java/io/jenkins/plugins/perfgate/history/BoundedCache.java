package io.jenkins.plugins.perfgate.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A thread-safe map that keeps at most {@code capacity} entries, dropping the least recently used: what pages and
 * builds may recompute, kept while it is asked for, never growing with the number of jobs.
 *
 * @param <K> key
 * @param <V> value
 */
public final class BoundedCache<K, V> {
    private final int capacity;
    private final Map<K, V> map;

    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.map = new LruMap<>(capacity);
    }

    /** Access-ordered map that drops its eldest entry past the capacity. */
    private static final class LruMap<K, V> extends LinkedHashMap<K, V> {
        private static final long serialVersionUID = 1L;
        private final int capacity;

        LruMap(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
        }
    }

    public synchronized V get(K key) {
        return map.get(key);
    }

    public synchronized void put(K key, V value) {
        map.put(key, value);
    }

    /** The value for the key, computed and kept when absent (the computation runs outside the lock). */
    public V computeIfAbsent(K key, Function<K, V> compute) {
        V v = get(key);
        if (v == null) {
            v = compute.apply(key);
            put(key, v);
        }
        return v;
    }

    public synchronized int size() {
        return map.size();
    }

    public int capacity() {
        return capacity;
    }
}
