package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One label's statistics across builds, with the change points found in them. Immutable.
 *
 * @param label        the label ({@code TOTAL} for overall)
 * @param points       one point per build where the label ran (complete runs only), oldest first
 * @param changePoints the shifts found, by build then metric
 */
public record LabelTrend(String label, List<Point> points, List<ChangePoint> changePoints) {

    /** One build's values of the trended metrics (NaN when not recorded). */
    public record Point(BuildRef build, Map<Metric, Double> values) {
        public Point {
            Objects.requireNonNull(build);
            values = Map.copyOf(values);
        }

        public double get(Metric metric) {
            return values.getOrDefault(metric, Double.NaN);
        }
    }

    public LabelTrend {
        Objects.requireNonNull(label);
        points = List.copyOf(points);
        changePoints = List.copyOf(changePoints);
    }

    public List<ChangePoint> changesAt(long buildNumber) {
        return changePoints.stream().filter(c -> c.build().number() == buildNumber).toList();
    }
}
