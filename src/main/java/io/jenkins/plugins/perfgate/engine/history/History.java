package io.jenkins.plugins.perfgate.engine.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A loaded build history: entries sorted by build number (oldest first) and the warnings about entries that were
 * skipped (corrupt, unknown schema). Immutable.
 *
 * @param entries  the readable builds, oldest first, one per build number
 * @param warnings one line per skipped or repaired entry
 */
public record History(List<HistoryEntry> entries, List<String> warnings) {

    public History {
        List<HistoryEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(HistoryEntry::number));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).number() == sorted.get(i - 1).number()) {
                throw new IllegalArgumentException("build #" + sorted.get(i).number() + " appears twice in history");
            }
        }
        entries = List.copyOf(sorted);
        warnings = List.copyOf(warnings);
    }

    public static History empty() {
        return new History(List.of(), List.of());
    }

    public Optional<HistoryEntry> entry(long number) {
        return entries.stream().filter(e -> e.number() == number).findFirst();
    }

    /** The entries of builds before the given number (the candidates for a baseline of that build), oldest first. */
    public List<HistoryEntry> before(long number) {
        return entries.stream().filter(e -> e.number() < number).toList();
    }

    /** The last n passing builds before the given number, oldest first. */
    public List<HistoryEntry> lastPassing(long beforeNumber, int n) {
        List<HistoryEntry> passing = before(beforeNumber).stream().filter(HistoryEntry::passing).toList();
        return passing.subList(Math.max(0, passing.size() - n), passing.size());
    }

    /** Number of the newest build, or 0 when empty. */
    public long lastNumber() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).number();
    }

    /** This history with one more (or replaced) entry. */
    public History with(HistoryEntry entry) {
        List<HistoryEntry> all = new ArrayList<>(entries.stream().filter(e -> e.number() != entry.number()).toList());
        all.add(entry);
        return new History(all, warnings);
    }
}
