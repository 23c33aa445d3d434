package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order of a table's entries (its equality ignores it): by count, most frequent first, then by value. */
class CountTableTest {

    @Test
    void topIsOrderedByCountThenValueAndTheRestGoToOthers() {
        Map<String, Long> counts = new HashMap<>();
        counts.put("503", 7L);
        counts.put("404", 7L);
        counts.put("200", 900L);
        counts.put("500", 3L);
        counts.put("302", 7L);
        CountTable top = CountTable.top(counts, 2, 4);
        assertEquals(List.of("200", "302", "404", "503"), List.copyOf(top.entries().keySet()));
        assertEquals(List.of(900L, 7L, 7L, 7L), List.copyOf(top.entries().values()));
        assertEquals(2 + 3, top.others(), "given others plus the left-out 500");
        assertEquals(900 + 3 * 7 + 3 + 2, top.total());
    }

    @Test
    void mergeSumsAndKeepsTheOrder() {
        CountTable a = CountTable.top(Map.of("b", 2L, "a", 1L), 0, 10);
        CountTable b = CountTable.top(Map.of("a", 1L, "c", 5L), 1, 10);
        CountTable sum = a.merge(b, 2);
        assertEquals(List.of("c", "a"), List.copyOf(sum.entries().keySet()), "a and b tie at 2: a first");
        assertEquals(1 + 2, sum.others());
    }
}
