package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Release-over-release view of a history: per label (overall first) the trended statistics of every build with a
 * complete run, and the change points E-Divisive found in each ({@link HistoryReportFormat} renders it as a text
 * table, CSV or JSON). Immutable.
 *
 * @param metrics the trended statistics (by default p95, error % and rps)
 * @param labels  one trend per label, overall first, then by label
 */
public record HistoryReport(List<Metric> metrics, List<LabelTrend> labels) {

    /** The statistics a history report shows by default. */
    public static final List<Metric> DEFAULT_METRICS = List.of(Metric.P95, Metric.ERROR_PERCENT, Metric.THROUGHPUT);

    /**
     * @param metrics      statistics to trend
     * @param label        only this label (and not the overall row), when present
     * @param detection    change-point options
     * @param minRelativeShift shifts smaller than this fraction of the earlier level are not reported (Hunter's
     *                     "minimum magnitude"); 0 reports every significant shift
     */
    public record Options(List<Metric> metrics, Optional<String> label, EDivisive.Options detection,
            double minRelativeShift) {
        public Options {
            metrics = List.copyOf(metrics);
            Objects.requireNonNull(label);
            Objects.requireNonNull(detection);
            if (metrics.isEmpty()) {
                throw new IllegalArgumentException("a history report needs at least one metric");
            }
            if (!(minRelativeShift >= 0)) {
                throw new IllegalArgumentException("minimum shift must not be negative");
            }
        }

        public static Options defaults() {
            return new Options(DEFAULT_METRICS, Optional.empty(), EDivisive.Options.defaults(), 0.05);
        }

        public Options withLabel(String name) {
            return new Options(metrics, Optional.ofNullable(name), detection, minRelativeShift);
        }
    }

    public HistoryReport {
        metrics = List.copyOf(metrics);
        labels = List.copyOf(labels);
    }

    public static HistoryReport of(History history, Options options) {
        Collector c = new Collector(options);
        history.entries().forEach(c::accept);
        return c.report();
    }

    /**
     * Builds a report from entries given one at a time, in any order, keeping only the trended values of each
     * (a few dozen bytes per label and build) rather than every entry's figures: {@code perfgate history} reads a
     * history of 10,000 builds through it without holding the whole history in memory. Not thread-safe.
     */
    public static final class Collector {
        private final Options options;
        private final java.util.TreeMap<String, TrendColumns.Builder> byLabel = new java.util.TreeMap<>();
        private final TrendColumns.Builder overall;
        private final Set<Long> seen = new java.util.HashSet<>();
        private final double[] row;

        public Collector(Options options) {
            this.options = Objects.requireNonNull(options);
            this.overall = new TrendColumns.Builder(options.metrics());
            this.row = new double[options.metrics().size()];
        }

        /** Takes one build's trended values; builds of incomplete runs are left out, as in the report. */
        public void accept(HistoryEntry e) {
            if (!seen.add(e.number())) {
                throw new IllegalArgumentException("build #" + e.number() + " appears twice in history");
            }
            if (e.figures().status() != RunStatus.COMPLETE) {
                return;
            }
            if (options.label().isPresent()) {
                add(e, options.label().get(), series(options.label().get()));
                return;
            }
            add(e, OverallRow.LABEL, overall);
            for (String name : e.figures().labelNames()) {
                add(e, name, series(name));
            }
        }

        private TrendColumns.Builder series(String label) {
            return byLabel.computeIfAbsent(label, k -> new TrendColumns.Builder(options.metrics()));
        }

        private void add(HistoryEntry e, String label, TrendColumns.Builder points) {
            Optional<LabelFigures> figures = e.figures().row(label);
            if (figures.isEmpty() || figures.get().count() == 0) {
                return;
            }
            for (int i = 0; i < row.length; i++) {
                row[i] = e.value(label, options.metrics().get(i)).orElse(Double.NaN);
            }
            points.add(e.build(), row);
        }

        /** The report over the entries taken: per label (overall first) the points by build number, and changes. */
        public HistoryReport report() {
            List<LabelTrend> trends = new ArrayList<>();
            if (options.label().isEmpty()) {
                trends.add(trend(OverallRow.LABEL, overall.byBuildNumber(), options));
                byLabel.remove(OverallRow.LABEL); // a label named like the overall row is the overall row
            } else {
                series(options.label().get());
            }
            byLabel.forEach((name, points) -> trends.add(trend(name, points.byBuildNumber(), options)));
            return new HistoryReport(options.metrics(), trends);
        }
    }

    private static LabelTrend trend(String label, TrendColumns points, Options options) {
        List<ChangePoint> changes = new ArrayList<>();
        for (Metric m : options.metrics()) {
            changes.addAll(changePoints(label, m, points, options));
        }
        changes.sort((a, b) -> a.build().number() != b.build().number()
                ? Long.compare(a.build().number(), b.build().number()) : a.metric().compareTo(b.metric()));
        return new LabelTrend(label, points, changes);
    }

    private static List<ChangePoint> changePoints(String label, Metric metric, List<LabelTrend.Point> points,
            Options options) {
        List<LabelTrend.Point> usable = points.stream().filter(p -> !Double.isNaN(p.get(metric))).toList();
        double[] series = usable.stream().mapToDouble(p -> p.get(metric)).toArray();
        List<EDivisive.Split> splits = EDivisive.detect(series, options.detection());
        List<ChangePoint> result = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            int from = i == 0 ? 0 : splits.get(i - 1).index();
            int at = splits.get(i).index();
            int to = i + 1 < splits.size() ? splits.get(i + 1).index() : series.length;
            double before = median(series, from, at);
            double after = median(series, at, to);
            ChangePoint c = new ChangePoint(label, metric, usable.get(at).build(), before, after,
                    splits.get(i).pValue());
            if (Math.abs(c.relativeShift()) >= options.minRelativeShift()) {
                result.add(c);
            }
        }
        return result;
    }

    private static double median(double[] x, int from, int to) {
        double[] v = java.util.Arrays.copyOfRange(x, from, to);
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    public List<ChangePoint> changePoints() {
        return labels.stream().flatMap(l -> l.changePoints().stream()).toList();
    }

}
