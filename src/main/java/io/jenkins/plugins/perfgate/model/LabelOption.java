package io.jenkins.plugins.perfgate.model;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One entry of the job page's label selector: the label and the text shown for it (its share of the last build's
 * samples). Immutable.
 *
 * @param name    the label
 * @param caption what the selector shows
 */
public record LabelOption(String name, String caption) {

    /**
     * The labels of the last {@code recent} builds: the last build's labels busiest first (ties by name), then those
     * only older builds had, by name.
     */
    static List<LabelOption> of(List<HistoryEntry> entries, int recent) {
        List<LabelOption> out = new ArrayList<>();
        if (entries.isEmpty()) {
            return out;
        }
        RunFigures last = entries.get(entries.size() - 1).figures();
        List<LabelFigures> rows = new ArrayList<>(last.labels());
        rows.sort(Comparator.comparingLong(LabelFigures::count).reversed().thenComparing(LabelFigures::label));
        long total = Math.max(1, last.overall().count());
        Set<String> seen = new HashSet<>();
        for (LabelFigures f : rows) {
            seen.add(f.label());
            out.add(new LabelOption(f.label(), f.label() + " (" + share(f.count(), total) + ")"));
        }
        TreeSet<String> older = new TreeSet<>();
        for (int i = Math.max(0, entries.size() - recent); i < entries.size() - 1; i++) {
            entries.get(i).figures().labelNames().stream().filter(n -> !seen.contains(n)).forEach(older::add);
        }
        older.forEach(n -> out.add(new LabelOption(n, n + " (not in the last build)")));
        return out;
    }

    private static String share(long count, long total) {
        double pct = 100.0 * count / total;
        return pct >= 0.1 || count == 0 ? String.format(Locale.ROOT, "%.1f%%", pct) : "<0.1%";
    }
}
