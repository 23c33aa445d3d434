package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.chart.ChartFormat;
import io.jenkins.plugins.perfgate.engine.chart.ChartRenderer;
import io.jenkins.plugins.perfgate.engine.chart.OverTimeCharts;
import io.jenkins.plugins.perfgate.engine.chart.TrendCharts;
import io.jenkins.plugins.perfgate.engine.chart.TrendMarkers;
import io.jenkins.plugins.perfgate.engine.files.AtomicFiles;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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
    /** Labels with their own trend charts (the busiest). */
    static final int TREND_LABELS = 5;
    static final String OVER_TIME = "over-time";
    static final String TREND = "trend";

    /**
     * A chart written beside the page.
     *
     * @param group    {@link #OVER_TIME} or {@link #TREND}
     * @param label    the label a trend chart is about ({@link OverallRow#LABEL} for all samples)
     * @param fileName the SVG file's name in the report folder
     * @param caption  what the chart shows
     */
    record ChartFile(String group, String label, String fileName, String caption) {
    }

    private ReportCharts() {
    }

    /**
     * A chart of the report and how to draw it.
     *
     * @param file  where it goes and what it shows
     * @param chart builds the chart from the report's input
     */
    record Planned(ChartFile file, Supplier<JFreeChart> chart) {
        /** The chart drawn as a standalone SVG document. */
        byte[] svg() {
            return ChartRenderer.render(chart.get(), ChartFormat.SVG, WIDTH, HEIGHT);
        }
    }

    /** The charts of a report, in page order: over time when there are samples, trends with two builds or more. */
    static List<Planned> plan(ReportInput input) {
        List<Planned> charts = new ArrayList<>();
        RunSummary s = input.summary();
        String all = OverallRow.LABEL;
        if (s.overall().count() > 0) {
            charts.add(new Planned(new ChartFile(OVER_TIME, all, "throughput-over-time.svg", "Throughput over time"),
                    () -> OverTimeCharts.throughput(s)));
            charts.add(new Planned(new ChartFile(OVER_TIME, all, "errors-over-time.svg", "Error % over time"),
                    () -> OverTimeCharts.errorPercent(s)));
            charts.add(new Planned(new ChartFile(OVER_TIME, all, "p95-over-time.svg",
                    "p95 over time, all samples and the busiest labels"),
                    () -> OverTimeCharts.p95(s, OverTimeCharts.DEFAULT_BUSIEST)));
            charts.add(new Planned(new ChartFile(OVER_TIME, all, "threads-over-time.svg", "Active threads over time"),
                    () -> OverTimeCharts.activeThreads(s)));
        }
        List<HistoryEntry> history = input.history();
        if (history.size() >= 2) {
            TrendMarkers markers = input.trendMarkers();
            List<String> labels = trendLabels(s);
            trends(charts, history, markers, labels.get(0), "", "all samples");
            for (int i = 1; i < labels.size(); i++) {
                trends(charts, history, markers, labels.get(i), "-label-" + i, labels.get(i));
            }
        }
        return charts;
    }

    /**
     * Writes the charts beside the page, in order, after removing an earlier report's numbered ones. Each file is
     * replaced atomically (never half a chart) but the folder is not forced: the caller forces it once, before the
     * page that refers to them.
     */
    static void write(ChartDrawing drawing, Path dir) {
        removeNumberedLeftovers(dir);
        List<ChartFile> files = drawing.files();
        for (int i = 0; i < files.size(); i++) {
            Path file = dir.resolve(files.get(i).fileName());
            byte[] svg = drawing.svg(i);
            try {
                AtomicFiles.writeBytesUnforcedFolder(file, svg);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The rows with trend charts: all samples ({@link OverallRow#LABEL}), then the busiest labels. */
    static List<String> trendLabels(RunSummary s) {
        List<String> labels = new ArrayList<>();
        labels.add(OverallRow.LABEL);
        s.labels().stream()
                .sorted(Comparator.comparingLong(LabelStats::count).reversed().thenComparing(LabelStats::label))
                .limit(TREND_LABELS).forEach(l -> labels.add(l.label()));
        return labels;
    }

    private static void trends(List<Planned> charts, List<HistoryEntry> history, TrendMarkers markers,
            String label, String suffix, String who) {
        charts.add(new Planned(new ChartFile(TREND, label, "trend-latency" + suffix + ".svg",
                "Response time per build: " + who), () -> TrendCharts.latency(history, label, markers)));
        charts.add(new Planned(new ChartFile(TREND, label, "trend-throughput" + suffix + ".svg",
                "Throughput per build: " + who), () -> TrendCharts.throughput(history, label, markers)));
        charts.add(new Planned(new ChartFile(TREND, label, "trend-errors" + suffix + ".svg",
                "Error % per build: " + who), () -> TrendCharts.errorPercent(history, label, markers)));
    }

    /** Per-label charts of an earlier report in the same folder would otherwise linger unreferenced. */
    private static void removeNumberedLeftovers(Path dir) {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "trend-*-label-*.svg")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }
}
