package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.RandomAccess;

/**
 * The points of a {@link LabelTrend} in columns: one build reference per point and the values of every point in
 * one primitive array ({@code metrics.size()} values a point), in build order. Immutable; {@link #get(int)} hands out
 * a {@link LabelTrend.Point} view. {@link Builder} collects points in any order, as a history's files come.
 */
final class TrendColumns extends AbstractList<LabelTrend.Point> implements RandomAccess {
    private final List<Metric> metrics;
    private final BuildRef[] builds;
    private final double[] values;

    private TrendColumns(List<Metric> metrics, BuildRef[] builds, double[] values) {
        this.metrics = metrics;
        this.builds = builds;
        this.values = values;
    }

    /** Columns of points given as objects (their metrics' union; a value a point lacks is NaN). */
    static TrendColumns of(List<LabelTrend.Point> points) {
        EnumSet<Metric> all = EnumSet.noneOf(Metric.class);
        points.forEach(p -> all.addAll(p.metrics()));
        Builder b = new Builder(List.copyOf(all));
        double[] row = new double[all.size()];
        for (LabelTrend.Point p : points) {
            int i = 0;
            for (Metric m : all) {
                row[i++] = p.get(m);
            }
            b.add(p.build(), row);
        }
        return b.inOrderGiven();
    }

    @Override
    public LabelTrend.Point get(int index) {
        return new LabelTrend.Point(builds[index], metrics, values, index * metrics.size());
    }

    @Override
    public int size() {
        return builds.length;
    }

    /** Heap bytes of the columns' arrays (for the benchmarks' per-build figure). */
    long arrayBytes() {
        return 16L + 4L * builds.length + 16L + 8L * values.length;
    }

    /** Collects points in any order; not thread-safe. */
    static final class Builder {
        private final List<Metric> metrics;
        private BuildRef[] builds = new BuildRef[8];
        private double[] values;
        private int size;

        Builder(List<Metric> metrics) {
            this.metrics = List.copyOf(metrics);
            this.values = new double[8 * this.metrics.size()];
        }

        /** Adds a point: its build and its values in the builder's metric order (copied). */
        void add(BuildRef build, double[] row) {
            if (size == builds.length) {
                int grown = size + (size >> 1) + 1;
                builds = Arrays.copyOf(builds, grown);
                values = Arrays.copyOf(values, grown * metrics.size());
            }
            builds[size] = build;
            System.arraycopy(row, 0, values, size * metrics.size(), metrics.size());
            size++;
        }

        /** The points as added. */
        TrendColumns inOrderGiven() {
            return new TrendColumns(metrics, Arrays.copyOf(builds, size),
                    Arrays.copyOf(values, size * metrics.size()));
        }

        /** The points sorted by build number, oldest first. */
        TrendColumns byBuildNumber() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(builds[a].number(), builds[b].number()));
            int w = metrics.size();
            BuildRef[] b = new BuildRef[size];
            double[] v = new double[size * w];
            for (int i = 0; i < size; i++) {
                b[i] = builds[order[i]];
                System.arraycopy(values, order[i] * w, v, i * w, w);
            }
            return new TrendColumns(metrics, b, v);
        }
    }
}
