package io.jenkins.plugins.perfgate.model;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which labels a build record ({@code build.xml}) keeps when a run has many: the {@link #BUSIEST} busiest labels, every
 * label a criteria line did not pass on, and every label a criterion names; the others' figures are read from the
 * build's {@link LabelFiguresFile} when a page or the API asks. Jenkins loads every build record of a job it shows
 * in lists and keeps them in memory, so a record must not grow with the labels.
 */
final class RecordedLabels {

    /** Labels kept by their number of samples. */
    static final int BUSIEST = 50;

    private RecordedLabels() {
    }

    /** Whether a run with this many labels keeps them all in the build record. */
    static boolean allKept(int labels) {
        return labels <= BUSIEST;
    }

    /** The names of the labels kept, from all of a run's labels and its criteria lines. */
    static Set<String> kept(List<LabelFigures> labels, List<GateLine> criteria) {
        List<LabelFigures> busiest = new ArrayList<>(labels);
        busiest.sort(Comparator.comparingLong(LabelFigures::count).reversed().thenComparing(LabelFigures::label));
        Set<String> kept = new HashSet<>();
        busiest.subList(0, Math.min(BUSIEST, busiest.size())).forEach(f -> kept.add(f.label()));
        Set<String> all = new HashSet<>();
        labels.forEach(f -> all.add(f.label()));
        for (GateLine g : criteria) {
            String label = g.getLabel();
            if (label != null && all.contains(label)
                    && (!"PASS".equals(g.getOutcome()) || named(g.getCriterion(), label))) {
                kept.add(label);
            }
        }
        return kept;
    }

    /** A criterion names a label when its text holds it ({@code p95[label="checkout"] < 800ms}). */
    private static boolean named(String criterion, String label) {
        return criterion != null && !label.isEmpty() && criterion.contains(label);
    }

    /** Whether a label holds every word (lower case; an empty word is in every label). */
    static boolean holdsAll(String label, String[] words) {
        String text = label.toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!text.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Rows by label (the first of a label). */
    static Map<String, LabelFigures> byLabel(List<LabelFigures> rows) {
        Map<String, LabelFigures> index = new HashMap<>();
        rows.forEach(f -> index.putIfAbsent(f.label(), f));
        return index;
    }

    /** The rows of {@code rows} whose label is kept, in their order. */
    static List<LabelFigures> only(List<LabelFigures> rows, Set<String> kept) {
        return rows.stream().filter(f -> kept.contains(f.label())).toList();
    }
}
