package io.jenkins.plugins.perfgate.engine.compare;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One label compared with the baseline. A label only in the current run is {@link Presence#ADDED}, one only in the
 * baseline is {@link Presence#REMOVED}: both are shown as such, never as errors, and have no deltas.
 *
 * @param label    the label ({@code TOTAL} for the overall row)
 * @param presence where the label appears
 * @param current  its current figures (absent when removed)
 * @param baseline its baseline figures (absent when added)
 * @param deltas   one delta per metric, in {@link Metric} order (empty unless in both)
 */
public record LabelComparison(String label, Presence presence, Optional<LabelFigures> current,
        Optional<LabelFigures> baseline, List<StatDelta> deltas) {

    /** Where a label appears. */
    public enum Presence {
        BOTH, ADDED, REMOVED
    }

    public LabelComparison {
        Objects.requireNonNull(label);
        Objects.requireNonNull(presence);
        Objects.requireNonNull(current);
        Objects.requireNonNull(baseline);
        deltas = List.copyOf(deltas);
    }

    public Optional<StatDelta> delta(Metric metric) {
        return deltas.stream().filter(d -> d.metric() == metric).findFirst();
    }
}
