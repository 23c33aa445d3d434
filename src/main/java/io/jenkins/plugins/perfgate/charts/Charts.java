package io.jenkins.plugins.perfgate.charts;

import io.jenkins.plugins.perfgate.engine.chart.ChartRenderer;
import io.jenkins.plugins.perfgate.engine.chart.OverTimeCharts;
import io.jenkins.plugins.perfgate.engine.chart.TrendCharts;
import io.jenkins.plugins.perfgate.engine.chart.TrendMarkers;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.gate.CriteriaParser;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.history.Baseline;
import io.jenkins.plugins.perfgate.engine.history.BaselineMarks;
import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.history.ChangePoints;
import java.util.List;
import org.jfree.chart.JFreeChart;

/** Picks the report engine's chart for a page's request; the drawing itself is the engine's. */
public final class Charts {

    private Charts() {
    }

    /** An over-time chart of one run: {@code throughput}, {@code errors}, {@code p95} or {@code threads}. */
    public static byte[] overTimePng(RunSummary summary, String kind, int width, int height) {
        JFreeChart chart = switch (kind) {
            case "errors" -> OverTimeCharts.errorPercent(summary);
            case "p95" -> OverTimeCharts.p95(summary, OverTimeCharts.DEFAULT_BUSIEST);
            case "threads" -> OverTimeCharts.activeThreads(summary);
            default -> OverTimeCharts.throughput(summary);
        };
        return ChartRenderer.png(chart, width, height);
    }

    /** Two runs' over-time chart overlaid: {@code throughput}, {@code errors} or {@code p95} of all samples. */
    public static byte[] overlayPng(String kind, RunSummary a, String nameA, RunSummary b, String nameB, int width,
            int height) {
        return ChartRenderer.png(OverTimeCharts.overlay(kind, a, nameA, b, nameB), width, height);
    }

    /**
     * A trend across builds of one label ({@code ""} for all samples): {@code latency}, {@code throughput} or
     * {@code errors}, with the baseline the next build would get (pins and accepts applied), the criteria's lines, the
     * change points and the pinned and accepted builds.
     */
    public static JFreeChart trend(History history, BaselineMarks marks, String label, String metric,
            String baselinePolicy, String criteria, String cacheKey) {
        String row = label == null || label.isEmpty() ? OverallRow.LABEL : label;
        TrendMarkers markers = TrendMarkers.none().withBaselineMarks(marks);
        try {
            long next = history.lastNumber() + 1;
            var b = Baseline.resolve(marks.policy(policy(baselinePolicy)), marks.applyTo(history, next), next);
            if (b.isPresent()) {
                markers = markers.withBaseline(b.get());
            }
            if (criteria != null && !criteria.isBlank()) {
                markers = markers.withCriteria(CriteriaParser.parseAll(criteria));
            }
        } catch (IllegalArgumentException e) {
            // a policy or criteria that no longer parse only lose their lines on the chart
        }
        markers = markers.withChangePoints(ChangePoints.get().detect(history, row, cacheKey));
        List<HistoryEntry> entries = history.entries();
        return switch (metric) {
            case "throughput" -> TrendCharts.throughput(entries, row, markers);
            case "errors" -> TrendCharts.errorPercent(entries, row, markers);
            default -> TrendCharts.latency(entries, row, markers);
        };
    }

    /** A figure of a history entry's overall row for tables ({@code p95}, {@code rps}, {@code error%}). */
    public static String format(HistoryEntry e, String metric) {
        return Metric.byName(metric).map(m -> m.format(e.figures().overall().get(m))).orElse("");
    }

    /** The policy the gate would apply: the given one, else the engine's default. */
    private static BaselinePolicy policy(String baselinePolicy) {
        return baselinePolicy == null || baselinePolicy.isBlank() ? GateOptions.defaults().baseline()
                : BaselinePolicy.parse(baselinePolicy);
    }
}
