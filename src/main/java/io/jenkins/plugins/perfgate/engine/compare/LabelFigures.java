package io.jenkins.plugins.perfgate.engine.compare;

import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The key figures of one label of one run: every {@link Metric} as a number. This is what comparisons, gates and
 * trends work on; it is small enough to index a build history without decoding histograms. Immutable.
 *
 * @param label  the label ({@code TOTAL} for the overall row)
 * @param values one value per metric (all metrics present)
 */
public record LabelFigures(String label, Map<Metric, Double> values) {

    public LabelFigures {
        Objects.requireNonNull(label);
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            Double v = values.get(m);
            copy.put(m, v == null ? Double.valueOf(Double.NaN) : v);
        }
        values = Collections.unmodifiableMap(copy);
    }

    public static LabelFigures of(LabelStats stats) {
        return of(stats.label(), stats);
    }

    public static LabelFigures of(String label, LabelStats stats) {
        EnumMap<Metric, Double> v = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            v.put(m, m.of(stats));
        }
        return new LabelFigures(label, v);
    }

    /** The value of a metric (NaN when it was not recorded, e.g. a newer metric in an older index). */
    public double get(Metric metric) {
        return values.get(metric);
    }

    /** Number of samples behind these figures. */
    public long count() {
        double c = get(Metric.COUNT);
        return Double.isNaN(c) ? 0 : (long) c;
    }

    public LabelFigures withLabel(String newLabel) {
        return new LabelFigures(newLabel, values);
    }
}
