package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.chart.ChartFormat;
import io.jenkins.plugins.perfgate.engine.chart.ChartRenderer;
import io.jenkins.plugins.perfgate.engine.chart.OverTimeCharts;
import io.jenkins.plugins.perfgate.engine.chart.TrendCharts;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * Renders the report's charts as sibling SVG files and says which exist. File names are fixed or numbered, never
 * made from labels, so a label cannot steer where a file goes.
 */
final class ReportCharts {

    static final int WIDTH = 760;
    static final int HEIGHT = 320;
    /** Labels with their own trend chart (the busiest). */
    static final int TREND_LABELS = 3;

    /** A chart written beside the page. */
    record ChartFile(String group, String fileName, String caption) {
    }

    private ReportCharts() {
    }

    static List<ChartFile> write(ReportInput input, Path dir) {
        List<ChartFile> files = new ArrayList<>();
        RunSummary s = input.summary();
        if (s.overall().count() > 0) {
            add(files, dir, "over-time", "throughput-over-time.svg", "Throughput over time",
                    () -> OverTimeCharts.throughput(s));
            add(files, dir, "over-time", "errors-over-time.svg", "Error % over time",
                    () -> OverTimeCharts.errorPercent(s));
            add(files, dir, "over-time", "p95-over-time.svg", "p95 over time, overall and the busiest labels",
                    () -> OverTimeCharts.p95(s, OverTimeCharts.DEFAULT_BUSIEST));
            add(files, dir, "over-time", "threads-over-time.svg", "Active threads over time",
                    () -> OverTimeCharts.activeThreads(s));
        }
        List<HistoryEntry> history = input.history();
        if (history.size() >= 2) {
            String all = TrendCharts.OVERALL;
            add(files, dir, "trend", "trend-latency.svg", "Response time per build (all samples)",
                    () -> TrendCharts.latency(history, all, input.markers()));
            add(files, dir, "trend", "trend-throughput.svg", "Throughput per build (all samples)",
                    () -> TrendCharts.throughput(history, all, input.markers()));
            add(files, dir, "trend", "trend-errors.svg", "Error % per build (all samples)",
                    () -> TrendCharts.errorPercent(history, all, input.markers()));
            List<LabelStats> busiest = s.labels().stream().filter(l -> !l.transactionController())
                    .sorted(Comparator.comparingLong(LabelStats::count).reversed()
                            .thenComparing(LabelStats::label))
                    .limit(TREND_LABELS).toList();
            for (int i = 0; i < busiest.size(); i++) {
                String label = busiest.get(i).label();
                add(files, dir, "trend", "trend-label-" + (i + 1) + ".svg", "Response time per build: " + label,
                        () -> TrendCharts.latency(history, label, input.markers()));
            }
        }
        return files;
    }

    private static void add(List<ChartFile> files, Path dir, String group, String name, String caption,
            Supplier<JFreeChart> chart) {
        ChartRenderer.write(chart.get(), ChartFormat.SVG, WIDTH, HEIGHT, dir.resolve(name));
        files.add(new ChartFile(group, name, caption));
    }

    static void section(List<ChartFile> files, String group, String id, String title, String empty, Html h) {
        h.open("section", "id", id).element("h2", title);
        List<ChartFile> mine = files.stream().filter(f -> f.group().equals(group)).toList();
        if (mine.isEmpty()) {
            h.element("p", empty, "class", "empty");
        }
        h.open("div", "class", "charts");
        for (ChartFile f : mine) {
            h.open("figure", "class", "chart");
            h.open("img", "src", f.fileName(), "alt", f.caption(), "width", Integer.toString(WIDTH), "height",
                    Integer.toString(HEIGHT));
            h.element("figcaption", f.caption());
            h.close("figure").newline();
        }
        h.close("div").close("section").newline();
    }
}
