package io.jenkins.plugins.perfgate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void keepsTheMostRecentlyUsedUpToItsCapacity() {
        BoundedCache<String, Integer> c = new BoundedCache<>(2);
        c.put("a", 1);
        c.put("b", 2);
        assertEquals(1, c.get("a"));  // a is now the most recently used
        c.put("c", 3);
        assertNull(c.get("b"), "the least recently used entry is dropped");
        assertEquals(1, c.get("a"));
        assertEquals(3, c.get("c"));
        assertEquals(2, c.size());
    }

    @Test
    void computesOnlyWhenAbsent() {
        BoundedCache<String, Integer> c = new BoundedCache<>(4);
        AtomicInteger calls = new AtomicInteger();
        assertEquals(7, c.computeIfAbsent("k", k -> 7 + calls.getAndIncrement()));
        assertEquals(7, c.computeIfAbsent("k", k -> 7 + calls.getAndIncrement()));
        assertEquals(1, calls.get());
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedCache<String, String>(0));
    }
}
