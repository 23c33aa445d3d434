package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One label's statistics across builds, with the change points found in them. Immutable.
 *
 * <p>The points are kept in columns ({@link TrendColumns}: a build reference and a primitive value per metric and
 * build, about 4 + 8 bytes per metric of a point), not as objects: {@code perfgate history} holds a point per label
 * and build of a history of 10,000 builds. {@link #points()} hands out {@link Point} views of them.
 *
 * @param label        the label ({@code TOTAL} for overall)
 * @param points       one point per build where the label ran (complete runs only), oldest first
 * @param changePoints the shifts found, by build then metric
 */
public record LabelTrend(String label, List<Point> points, List<ChangePoint> changePoints) {

    /** One build's values of the trended metrics (NaN when not recorded). Immutable. */
    public static final class Point {
        private final BuildRef build;
        private final List<Metric> metrics;
        private final double[] values;
        private final int offset;

        /** A point of the given values; metrics absent from the map are not trended by it. */
        public Point(BuildRef build, Map<Metric, Double> values) {
            this.build = Objects.requireNonNull(build);
            EnumMap<Metric, Double> sorted = new EnumMap<>(Metric.class);
            sorted.putAll(values);
            this.metrics = List.copyOf(sorted.keySet());
            this.values = sorted.values().stream().mapToDouble(v -> v == null ? Double.NaN : v).toArray();
            this.offset = 0;
        }

        /** A view of one row of columns: {@code values[offset + i]} is {@code metrics.get(i)}'s value. */
        Point(BuildRef build, List<Metric> metrics, double[] values, int offset) {
            this.build = build;
            this.metrics = metrics;
            this.values = values;
            this.offset = offset;
        }

        public BuildRef build() {
            return build;
        }

        /** The metrics this point has values of, in {@link Metric} order. */
        List<Metric> metrics() {
            return metrics;
        }

        public double get(Metric metric) {
            int i = metrics.indexOf(metric);
            return i < 0 ? Double.NaN : values[offset + i];
        }

        /** The values by metric. */
        public Map<Metric, Double> values() {
            EnumMap<Metric, Double> m = new EnumMap<>(Metric.class);
            for (int i = 0; i < metrics.size(); i++) {
                m.put(metrics.get(i), values[offset + i]);
            }
            return m;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Point p && build.equals(p.build) && values().equals(p.values());
        }

        @Override
        public int hashCode() {
            return Objects.hash(build, values());
        }

        @Override
        public String toString() {
            return "Point[build=" + build + ", values=" + values() + "]";
        }
    }

    public LabelTrend {
        Objects.requireNonNull(label);
        points = points instanceof TrendColumns c ? c : TrendColumns.of(points);
        changePoints = List.copyOf(changePoints);
    }

    public List<ChangePoint> changesAt(long buildNumber) {
        return changePoints.stream().filter(c -> c.build().number() == buildNumber).toList();
    }
}
