package io.jenkins.plugins.perfgate.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    /**
     * The options holding every word of {@code query} (whitespace-separated, any case) in their caption, in their
     * order, at most {@code limit}; with the number that matched in all.
     *
     * @param total   options that matched
     * @param options the first {@code limit} of them
     */
    record Found(int total, List<LabelOption> options) {
        Found {
            options = List.copyOf(options);
        }
    }

    static Found matching(List<LabelOption> all, String query, int limit) {
        String[] words = query.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<LabelOption> out = new ArrayList<>();
        int total = 0;
        for (LabelOption o : all) {
            String text = o.caption().toLowerCase(Locale.ROOT);
            boolean match = true;
            for (String w : words) {
                match &= text.contains(w);
            }
            if (match) {
                total++;
                if (out.size() < limit) {
                    out.add(o);
                }
            }
        }
        return new Found(total, out);
    }

    /** {@code {"total": N, "options": [{"name": ..., "caption": ...}]}}: JSON, for the filter script. */
    static byte[] json(Found found) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("total", found.total());
        ArrayNode options = root.putArray("options");
        for (LabelOption o : found.options()) {
            options.addObject().put("name", o.name()).put("caption", o.caption());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write label options", e);
        }
    }

    private static String share(long count, long total) {
        double pct = 100.0 * count / total;
        return pct >= 0.1 || count == 0 ? String.format(Locale.ROOT, "%.1f%%", pct) : "<0.1%";
    }
}
