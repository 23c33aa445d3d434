package io.jenkins.plugins.perfgate.engine.chart;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.ui.HorizontalAlignment;
import org.jfree.ui.Layer;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.TextAnchor;

/**
 * Charts of key figures across builds of the history: one line per metric over build numbers, with the baseline
 * (dashed) and SLA thresholds (red) as horizontal lines, failed/unstable/aborted builds marked by symbols, detected
 * change points as vertical lines and release tags along the top axis. A build's value is its
 * {@link HistoryEntry#value median over repetitions}; labels absent in a build leave a gap. The value axis fits the
 * data: a baseline or threshold far above it (a 2 s SLA over 150 ms lines) is named in a note under the title instead of
 * stretching the axis and flattening the lines.
 */
public final class TrendCharts {

    /** Beyond this many builds, points are drawn as a plain line without a symbol per build. */
    static final int MAX_POINTS_WITH_SYMBOLS = 60;

    private TrendCharts() {
    }

    /** p50, p95 and p99 of a label ({@link OverallRow#LABEL} for all samples). */
    public static JFreeChart latency(List<HistoryEntry> history, String label, TrendMarkers markers) {
        return chart("Response time" + suffix(label), "ms", history, label,
                List.of(Metric.P50, Metric.P95, Metric.P99), markers);
    }

    public static JFreeChart throughput(List<HistoryEntry> history, String label, TrendMarkers markers) {
        return chart("Throughput" + suffix(label), "requests/s", history, label, List.of(Metric.THROUGHPUT),
                markers);
    }

    public static JFreeChart errorPercent(List<HistoryEntry> history, String label, TrendMarkers markers) {
        return chart("Errors" + suffix(label), "error %", history, label, List.of(Metric.ERROR_PERCENT), markers);
    }

    private static String suffix(String label) {
        return OverallRow.LABEL.equals(label) ? " per build" : " per build: " + label;
    }

    /**
     * A chart of some metrics of one label. The key metric (p95 when drawn, else the first) carries the build-result
     * symbols and the baseline line; fewer lines keep the chart readable.
     */
    public static JFreeChart chart(String title, String unit, List<HistoryEntry> unsorted, String label,
            List<Metric> metrics, TrendMarkers markers) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a trend chart needs at least one metric");
        }
        List<HistoryEntry> entries = unsorted.stream().sorted(Comparator.comparingLong(HistoryEntry::number))
                .toList();
        Metric key = metrics.contains(Metric.P95) ? Metric.P95 : metrics.get(0);
        XYSeriesCollection lines = new XYSeriesCollection();
        Map<Metric, XYSeries> byMetric = new EnumMap<>(Metric.class);
        for (Metric m : metrics) {
            XYSeries s = new XYSeries(m.key(), false, false);
            byMetric.put(m, s);
            lines.addSeries(s);
        }
        XYSeries failed = new XYSeries("failed build", false, true);
        XYSeries unstable = new XYSeries("unstable build", false, true);
        XYSeries aborted = new XYSeries("aborted build", false, true);
        double maxY = 0;
        for (HistoryEntry e : entries) {
            for (Metric m : metrics) {
                OptionalDouble v = e.value(label, m);
                byMetric.get(m).add(e.number(), v.isPresent() ? v.getAsDouble() : null, false);
                maxY = v.isPresent() ? Math.max(maxY, v.getAsDouble()) : maxY;
            }
            double marked = e.value(label, key).orElse(0.0);
            switch (e.build().result()) {
                case FAILURE -> failed.add(e.number(), marked, false);
                case UNSTABLE -> unstable.add(e.number(), marked, false);
                case ABORTED -> aborted.add(e.number(), marked, false);
                default -> { }
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "build", unit, lines, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true,
                entries.size() <= MAX_POINTS_WITH_SYMBOLS);
        for (int i = 0; i < metrics.size(); i++) {
            lineRenderer.setSeriesPaint(i, ChartStyle.seriesColor(i));
            lineRenderer.setSeriesStroke(i, ChartStyle.LINE);
            lineRenderer.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        plot.setRenderer(0, lineRenderer);
        addResultMarks(plot, failed, unstable, aborted);
        List<LevelLine> levels = levelLines(label, metrics, key, markers);
        double top = rangeTop(maxY, levels);
        List<LevelLine> offScale = new java.util.ArrayList<>();
        List<LevelLine> onScale = new java.util.ArrayList<>();
        for (LevelLine l : levels) {
            (l.marker().getValue() <= top ? onScale : offScale).add(l);
        }
        boolean lowLevelLine = false;
        for (LevelLine l : onScale) {
            boolean below = labelBelowIfCrowded(l, onScale, top);
            double v = l.marker().getValue();
            lowLevelLine |= v <= top * (below ? LOW_LEVEL + LABEL_BAND : LOW_LEVEL);
            plot.addRangeMarker(0, l.marker(), Layer.FOREGROUND);
        }
        addChangePoints(plot, label, metrics, markers);
        addBaselineMarks(plot, markers, lowLevelLine);
        setDomain(plot, entries);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setAutoRange(false);
        range.setRange(0, top);
        JFreeChart styled = ChartStyle.apply(chart);
        noteOffScale(styled, offScale);
        return styled;
    }

    /** Headroom above the highest value drawn. */
    static final double HEADROOM = 1.12;
    /**
     * Level lines up to this multiple of the data's maximum widen the range to show them; higher ones would squash
     * the lines into the bottom of the chart, so they become notes at its top instead.
     */
    static final double LEVEL_REACH = 1.5;

    /**
     * A level line this low (a share of the range) has its label in the band at the bottom of the plot, where the
     * labels of pinned and accepted builds' lines stand too: those then move to the middle of their line. A baseline
     * error % of 0 is the common case.
     */
    static final double LOW_LEVEL = 0.2;

    /**
     * The share of the range a level line's label may take above (or below) its line: another level line in that
     * band would run through the label's text. The threshold of a gate relative to the baseline ({@code p95 vs
     * baseline < +25 %}) is always that close to the baseline line.
     */
    static final double LABEL_BAND = 0.12;

    /**
     * Puts a level line's label under its line when another level line runs through the band above it and none
     * through the band below (where the bottom of the chart leaves room); returns whether it did.
     */
    private static boolean labelBelowIfCrowded(LevelLine line, List<LevelLine> onScale, double top) {
        double v = line.marker().getValue();
        double band = top * LABEL_BAND;
        boolean above = false;
        boolean below = false;
        for (LevelLine other : onScale) {
            double o = other.marker().getValue();
            if (other != line) {
                above |= o >= v && o <= v + band;
                below |= o < v && o >= v - band;
            }
        }
        if (!above || below || v < band) {
            return false;
        }
        TextAnchor was = line.marker().getLabelTextAnchor();
        line.marker().setLabelTextAnchor(was == TextAnchor.BOTTOM_LEFT ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        return true;
    }

    /** A baseline or threshold line and what it is called. */
    private record LevelLine(ValueMarker marker, String name) {
    }

    /** The range's top: the data with headroom, widened to level lines within reach (all of them without data). */
    private static double rangeTop(double dataMax, List<LevelLine> levels) {
        double top = dataMax;
        for (LevelLine l : levels) {
            double v = l.marker().getValue();
            if (dataMax <= 0 || v <= dataMax * LEVEL_REACH) {
                top = Math.max(top, v);
            }
        }
        return top > 0 ? top * HEADROOM : 1.0;
    }

    /**
     * One line per level line above the range, under the title ({@code ↑ p95 < 2s: 2000, above the chart}): outside
     * the plot, so it never covers data or the labels of lines that are drawn.
     */
    private static void noteOffScale(JFreeChart chart, List<LevelLine> offScale) {
        for (LevelLine l : offScale) {
            TextTitle note = new TextTitle("\u2191 " + l.name() + ": " + number(l.marker().getValue())
                    + ", above the chart", ChartStyle.TICK_FONT);
            note.setPaint(l.marker().getPaint());
            note.setPosition(RectangleEdge.TOP);
            note.setHorizontalAlignment(HorizontalAlignment.RIGHT);
            chart.addSubtitle(note);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private static void addResultMarks(XYPlot plot, XYSeries failed, XYSeries unstable, XYSeries aborted) {
        XYSeriesCollection marks = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        int i = 0;
        for (Object[] pair : new Object[][] {{failed, ChartStyle.FAILED}, {unstable, ChartStyle.UNSTABLE},
                {aborted, ChartStyle.ABORTED}}) {
            XYSeries s = (XYSeries) pair[0];
            if (s.getItemCount() == 0) {
                continue;
            }
            marks.addSeries(s);
            r.setSeriesPaint(i, (Color) pair[1]);
            r.setSeriesShape(i, new Rectangle2D.Double(-4, -4, 8, 8));
            i++;
        }
        if (i > 0) {
            plot.setDataset(1, marks);
            plot.setRenderer(1, r);
        }
    }

    /** Baseline and threshold lines for the drawn metrics (added to the plot when they fall in its range). */
    private static List<LevelLine> levelLines(String label, List<Metric> metrics, Metric key, TrendMarkers markers) {
        List<LevelLine> out = new java.util.ArrayList<>();
        var baseline = markers.baselineValue(label, key);
        if (baseline.isPresent()) {
            ValueMarker line = new ValueMarker(baseline.get(), ChartStyle.BASELINE, ChartStyle.DASHED);
            String name = "baseline " + key.key() + (markers.baselineName().isEmpty() ? ""
                    : ": " + markers.baselineName());
            label(line, name, ChartStyle.BASELINE, true);
            out.add(new LevelLine(line, name));
        }
        for (TrendMarkers.Threshold t : markers.lines()) {
            if (t.label().equals(label) && metrics.contains(t.metric())) {
                ValueMarker line = new ValueMarker(t.value(), ChartStyle.THRESHOLD, ChartStyle.LINE);
                String name = t.description().isEmpty() ? t.metric().key() + " limit" : t.description();
                label(line, name, ChartStyle.THRESHOLD, false);
                out.add(new LevelLine(line, name));
            }
        }
        return out;
    }

    /** One line per build with shifts of drawn metrics, labelled with the shifts ({@code p95 +26.4 %}). */
    private static void addChangePoints(XYPlot plot, String label, List<Metric> metrics, TrendMarkers markers) {
        Map<Long, List<String>> byBuild = new TreeMap<>();
        for (ChangePoint c : markers.changePoints()) {
            if (c.label().equals(label) && metrics.contains(c.metric())) {
                double rel = c.relativeShift();
                byBuild.computeIfAbsent(c.build().number(), k -> new java.util.ArrayList<>()).add(c.metric().key()
                        + (Double.isFinite(rel) ? String.format(java.util.Locale.ROOT, " %+.0f %%", rel * 100) : ""));
            }
        }
        for (Map.Entry<Long, List<String>> c : byBuild.entrySet()) {
            ValueMarker line = new ValueMarker(c.getKey(), ChartStyle.CHANGE_POINT, ChartStyle.LINE);
            line.setLabel(String.join(", ", c.getValue()));
            line.setLabelFont(ChartStyle.TICK_FONT);
            line.setLabelPaint(ChartStyle.CHANGE_POINT);
            line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            line.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(0, line, Layer.FOREGROUND);
        }
    }

    /**
     * A vertical line at each pinned or accepted build, labelled at the bottom ({@code pinned #41}), or halfway up
     * when a level line's label takes the bottom band ({@code lowLevelLine}).
     */
    private static void addBaselineMarks(XYPlot plot, TrendMarkers markers, boolean lowLevelLine) {
        for (BaselineMark m : markers.baselineMarks()) {
            ValueMarker line = new ValueMarker(m.build(), ChartStyle.BASELINE, ChartStyle.DASHED);
            line.setLabel(m.describe());
            line.setLabelFont(ChartStyle.TICK_FONT);
            line.setLabelPaint(ChartStyle.BASELINE);
            line.setLabelAnchor(lowLevelLine ? RectangleAnchor.RIGHT : RectangleAnchor.BOTTOM_RIGHT);
            line.setLabelTextAnchor(lowLevelLine ? TextAnchor.CENTER_LEFT : TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(0, line, Layer.FOREGROUND);
        }
    }

    /** Baseline labels sit at the left end of their line, threshold labels at the right, so they never collide. */
    private static void label(ValueMarker line, String text, Color color, boolean left) {
        line.setLabel(text);
        line.setLabelFont(ChartStyle.TICK_FONT);
        line.setLabelPaint(color);
        line.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(left ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
    }

    /** Integer build axis at the bottom; release tags on a second axis along the top. */
    private static void setDomain(XYPlot plot, List<HistoryEntry> entries) {
        NumberAxis builds = (NumberAxis) plot.getDomainAxis();
        builds.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        builds.setAutoRange(false);
        double lo = entries.isEmpty() ? 0 : entries.get(0).number() - 0.5;
        double hi = entries.isEmpty() ? 1 : entries.get(entries.size() - 1).number() + 0.5;
        builds.setRange(lo, Math.max(hi, lo + 1));
        Map<Long, String> tags = new TreeMap<>();
        for (HistoryEntry e : entries) {
            if (!e.build().releaseTag().isEmpty()) {
                tags.put(e.number(), e.build().releaseTag());
                ValueMarker tagLine = new ValueMarker(e.number(), ChartStyle.RELEASE_TAG, ChartStyle.DOTTED);
                plot.addDomainMarker(0, tagLine, Layer.BACKGROUND);
            }
        }
        if (!tags.isEmpty()) {
            ReleaseTagAxis tagAxis = new ReleaseTagAxis(tags);
            tagAxis.setAutoRange(false);
            tagAxis.setRange(builds.getRange());
            plot.setDomainAxis(1, tagAxis);
            plot.setDomainAxisLocation(1, AxisLocation.TOP_OR_LEFT);
        }
    }
}
