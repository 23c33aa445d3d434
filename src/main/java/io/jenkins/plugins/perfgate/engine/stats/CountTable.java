package io.jenkins.plugins.perfgate.engine.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most frequent values of a text field (response codes, failure messages) with their counts, plus the count of
 * everything left out. Immutable; entries sorted by count, then value.
 *
 * @param entries  the top values, most frequent first
 * @param others   occurrences not listed in entries
 */
public record CountTable(Map<String, Long> entries, long others) {

    /**
     * Most frequent first, then by value. One comparator of this class: the JDK's {@code Map.Entry.comparingByValue}
     * and {@code thenComparing} made three lambda classes at run time in every cold process (the JDK's own lambdas
     * are not in the CLI's AOT cache; docs/performance.md, "The cold process").
     */
    private static final Comparator<Map.Entry<String, Long>> BY_COUNT_THEN_VALUE = (a, b) -> {
        int byCount = Long.compare(b.getValue(), a.getValue());
        return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
    };

    public CountTable {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static CountTable empty() {
        return new CountTable(Map.of(), 0);
    }

    public long total() {
        return others + entries.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Keeps the n most frequent of the given counts; the rest go to others. */
    public static CountTable top(Map<String, Long> counts, long others, int n) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(BY_COUNT_THEN_VALUE);
        Map<String, Long> kept = new LinkedHashMap<>();
        long rest = others;
        for (Map.Entry<String, Long> e : sorted) {
            if (kept.size() < n) {
                kept.put(e.getKey(), e.getValue());
            } else {
                rest += e.getValue();
            }
        }
        return new CountTable(kept, rest);
    }

    /** Sum of both tables, keeping the n most frequent. Exact while neither table left anything out. */
    public CountTable merge(CountTable other, int n) {
        Map<String, Long> sum = new HashMap<>(entries);
        other.entries.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return top(sum, others + other.others, n);
    }
}
