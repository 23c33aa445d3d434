package io.jenkins.plugins.perfgate.engine.chart;

import io.jenkins.plugins.perfgate.engine.stats.IntervalSeries;
import io.jenkins.plugins.perfgate.engine.stats.IntervalSeries.Interval;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of one run over time, from the summary's interval series: throughput, error %, p95 (overall and the
 * busiest labels) and active threads. The x axis is time since the run's first interval, so runs compare at a
 * glance; intervals without samples show as zero throughput and as gaps in the other charts.
 */
public final class OverTimeCharts {

    /** Empty intervals a p95, error or thread line is drawn across (a label seldom sampled stays one line). */
    static final int BRIDGED_INTERVALS = 3;

    /** Busiest labels drawn beside the overall p95 by default. */
    public static final int DEFAULT_BUSIEST = 5;

    private OverTimeCharts() {
    }

    /** Requests per second per interval, the run's partly covered first and last intervals by their covered part. */
    public static JFreeChart throughput(RunSummary summary) {
        TimeAxis t = TimeAxis.of(summary);
        LabelStats all = summary.overall();
        return chart("Throughput", "requests/s", t,
                collection(series("all samples", all.series(), t, true,
                        (s, in) -> s.throughput(in, all.firstStart(), all.lastEnd()))));
    }

    public static JFreeChart errorPercent(RunSummary summary) {
        TimeAxis t = TimeAxis.of(summary);
        JFreeChart chart = chart("Errors", "error %", t,
                collection(series("all samples", summary.overall().series(), t, false,
                        (s, in) -> in.errorPercent())));
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeMinimumSize(1.0);
        return chart;
    }

    /** p95 of all samples and of the {@code busiest} labels with most samples. */
    public static JFreeChart p95(RunSummary summary, int busiest) {
        TimeAxis t = TimeAxis.of(summary);
        XYSeriesCollection data = collection(series("all samples", summary.overall().series(), t, false,
                (s, in) -> in.p95()));
        for (LabelStats label : busiestLabels(summary, busiest)) {
            data.addSeries(series(label.label(), label.series(), t, false, (s, in) -> in.p95()));
        }
        return chart("Response time p95", "ms", t, data);
    }

    public static JFreeChart activeThreads(RunSummary summary) {
        TimeAxis t = TimeAxis.of(summary);
        return chart("Active threads", "threads", t,
                collection(series("active threads", summary.overall().series(), t, false,
                        (s, in) -> in.maxThreads())));
    }

    /**
     * Two runs on one chart, each over the time since its own start (so a slower phase shows where it happened):
     * {@code throughput}, {@code errors} or {@code p95} of all samples; the lines are named by the given names.
     */
    public static JFreeChart overlay(String kind, RunSummary a, String nameA, RunSummary b, String nameB) {
        TimeAxis ta = TimeAxis.of(a);
        TimeAxis tb = TimeAxis.of(b);
        // one unit for both: minutes when either run is long
        double unit = Math.max(ta.unitMillis(), tb.unitMillis());
        String axis = unit > 1000.0 ? "time since start (min)" : "time since start (s)";
        ta = new TimeAxis(ta.origin(), unit, axis, Math.max(ta.widthMillis(), tb.widthMillis()));
        tb = new TimeAxis(tb.origin(), unit, axis, ta.widthMillis());
        XYSeriesCollection data = new XYSeriesCollection();
        String title;
        String yUnit;
        switch (kind) {
            case "errors" -> {
                title = "Errors";
                yUnit = "error %";
                data.addSeries(series(nameA, a.overall().series(), ta, false, (s, in) -> in.errorPercent()));
                data.addSeries(series(nameB, b.overall().series(), tb, false, (s, in) -> in.errorPercent()));
            }
            case "throughput" -> {
                title = "Throughput";
                yUnit = "requests/s";
                LabelStats la = a.overall();
                LabelStats lb = b.overall();
                data.addSeries(series(nameA, la.series(), ta, true,
                        (s, in) -> s.throughput(in, la.firstStart(), la.lastEnd())));
                data.addSeries(series(nameB, lb.series(), tb, true,
                        (s, in) -> s.throughput(in, lb.firstStart(), lb.lastEnd())));
            }
            default -> {
                title = "Response time p95";
                yUnit = "ms";
                data.addSeries(series(nameA, a.overall().series(), ta, false, (s, in) -> in.p95()));
                data.addSeries(series(nameB, b.overall().series(), tb, false, (s, in) -> in.p95()));
            }
        }
        JFreeChart chart = chart(title, yUnit, ta, data);
        if (kind.equals("errors")) {
            ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeMinimumSize(1.0);
        }
        return chart;
    }

    /**
     * The x axis: time since the earliest interval of any series, in seconds, or in minutes for runs longer than
     * {@link #MINUTES_FROM_MILLIS}.
     */
    record TimeAxis(long origin, double unitMillis, String label, long widthMillis) {
        static final long MINUTES_FROM_MILLIS = 20 * 60_000L;

        static TimeAxis of(RunSummary summary) {
            long o = OverTimeCharts.origin(summary);
            boolean minutes = summary.overall().lastEnd() - o > MINUTES_FROM_MILLIS;
            return new TimeAxis(o, minutes ? 60_000.0 : 1000.0,
                    minutes ? "time since start (min)" : "time since start (s)",
                    ReadableIntervals.width(summary.overall().series()));
        }

        double x(long millis) {
            return (millis - origin) / unitMillis;
        }
    }

    /** Labels with most samples, most first; Transaction Controller parents only when nothing else exists. */
    static List<LabelStats> busiestLabels(RunSummary summary, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of labels must not be negative: " + n);
        }
        return summary.labels().stream()
                .sorted(Comparator.comparingLong(LabelStats::count).reversed()
                        .thenComparing(LabelStats::label))
                .limit(n)
                .toList();
    }

    /** Start of the earliest interval of any series: x = 0. */
    private static long origin(RunSummary summary) {
        long origin = Long.MAX_VALUE;
        List<LabelStats> all = new java.util.ArrayList<>(summary.labels());
        all.add(summary.overall());
        for (LabelStats label : all) {
            List<Interval> intervals = label.series().intervals();
            if (!intervals.isEmpty()) {
                origin = Math.min(origin, intervals.get(0).startMillis());
            }
        }
        return origin == Long.MAX_VALUE ? 0 : origin;
    }

    /**
     * One line over the time axis. Missing intervals become zero when {@code zeroGaps}; otherwise a stretch of more
     * than {@link #BRIDGED_INTERVALS} empty intervals is a gap (a null y breaks the line).
     */
    private static XYSeries series(String name, IntervalSeries fine, TimeAxis time, boolean zeroGaps,
            ToDoubleBiFunction<IntervalSeries, Interval> value) {
        IntervalSeries source = ReadableIntervals.at(fine, time.widthMillis());
        XYSeries xy = new XYSeries(name, false, true);
        long width = source.bucketMillis();
        long expected = Long.MIN_VALUE;
        for (Interval in : source.intervals()) {
            if (expected != Long.MIN_VALUE && in.startMillis() > expected) {
                if (zeroGaps) {
                    for (long t = expected; t < in.startMillis(); t += width) {
                        xy.add(time.x(t), 0.0, false);
                    }
                } else if (in.startMillis() - expected > BRIDGED_INTERVALS * width) {
                    xy.add(time.x(expected), null, false);
                }
            }
            xy.add(time.x(in.startMillis()), value.applyAsDouble(source, in), false);
            expected = in.startMillis() + width;
        }
        return xy;
    }

    private static XYSeriesCollection collection(XYSeries first) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(first);
        return data;
    }

    private static JFreeChart chart(String title, String unit, TimeAxis time, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, time.label(), unit, data,
                PlotOrientation.VERTICAL, data.getSeriesCount() > 1, false, false);
        XYPlot plot = chart.getXYPlot();
        // a symbol per interval while there are few, so a value between two gaps still shows
        boolean symbols = data.getSeriesCount() > 0 && data.getSeries(0).getItemCount() <= 40;
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, symbols);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.seriesColor(i));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        }
        plot.setRenderer(renderer);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setAutoRangeIncludesZero(true);
        range.setRangeType(org.jfree.data.RangeType.POSITIVE);
        NumberAxis domain = (NumberAxis) plot.getDomainAxis();
        domain.setLowerMargin(0);
        domain.setUpperMargin(0.01);
        // a run within one interval has a single point: the axis still spans that interval from 0 (without a
        // minimum width it would span nanoseconds around the point, labelled -5E-9 ... 5E-9)
        domain.setRangeType(org.jfree.data.RangeType.POSITIVE);
        domain.setAutoRangeMinimumSize(Math.max(time.widthMillis(), 1) / time.unitMillis());
        return ChartStyle.apply(chart);
    }
}
