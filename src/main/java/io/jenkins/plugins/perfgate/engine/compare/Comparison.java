package io.jenkins.plugins.perfgate.engine.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A run compared with a baseline: the overall row and every label of either side. Immutable.
 *
 * @param baselineDescription which baseline, for people (e.g. "median of builds #12, #13, #15")
 * @param overall             the overall rows compared
 * @param labels              every label of either run, sorted by label
 */
public record Comparison(String baselineDescription, LabelComparison overall, List<LabelComparison> labels) {

    public Comparison {
        Objects.requireNonNull(baselineDescription);
        Objects.requireNonNull(overall);
        labels = List.copyOf(labels);
    }

    /** Compares every statistic of every label of two runs. */
    public static Comparison of(RunFigures current, RunFigures baseline, String baselineDescription) {
        TreeSet<String> names = new TreeSet<>(current.labelNames());
        names.addAll(baseline.labelNames());
        List<LabelComparison> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(compare(name, current.label(name), baseline.label(name)));
        }
        return new Comparison(baselineDescription,
                compare(current.overall().label(), Optional.of(current.overall()), Optional.of(baseline.overall())),
                rows);
    }

    private static LabelComparison compare(String name, Optional<LabelFigures> cur, Optional<LabelFigures> base) {
        if (cur.isEmpty()) {
            return new LabelComparison(name, LabelComparison.Presence.REMOVED, cur, base, List.of());
        }
        if (base.isEmpty()) {
            return new LabelComparison(name, LabelComparison.Presence.ADDED, cur, base, List.of());
        }
        List<StatDelta> deltas = new ArrayList<>();
        for (Metric m : Metric.values()) {
            deltas.add(new StatDelta(m, base.get().get(m), cur.get().get(m)));
        }
        return new LabelComparison(name, LabelComparison.Presence.BOTH, cur, base, deltas);
    }

    public Optional<LabelComparison> label(String name) {
        return labels.stream().filter(l -> l.label().equals(name)).findFirst();
    }

    public List<LabelComparison> added() {
        return labels.stream().filter(l -> l.presence() == LabelComparison.Presence.ADDED).toList();
    }

    public List<LabelComparison> removed() {
        return labels.stream().filter(l -> l.presence() == LabelComparison.Presence.REMOVED).toList();
    }
}
