package io.jenkins.plugins.perfgate.engine.chart;

import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * How long a 1000-build trend chart takes to render, next to an empty chart of the same size rendered in the same
 * run (the baseline: fixed cost of axes, legend and encoding). Run from the CLI jar:
 * {@code java -Djava.awt.headless=true -cp perfgate-cli.jar io.jenkins.plugins.perfgate.engine.chart.ChartBenchmark}.
 */
public final class ChartBenchmark {

    static final int WIDTH = 900;
    static final int HEIGHT = 360;

    private ChartBenchmark() {
    }

    /** Arguments: number of builds (1000), rounds (15). */
    public static void main(String[] args) {
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        PrintWriter out = new PrintWriter(System.out, true);
        run(builds, rounds, out);
        out.flush();
    }

    /** Renders and prints median times; returns the median ms of the full PNG trend chart. */
    public static double run(int builds, int rounds, PrintWriter out) {
        List<HistoryEntry> history = syntheticHistory(builds, 42);
        TrendMarkers markers = TrendMarkers.none()
                .withBaseline("build #" + builds / 2, history.get(builds / 2).figures())
                .withThresholds(List.of(new TrendMarkers.Threshold(OverallRow.LABEL, Metric.P95, 400,
                        "p95 < 400 ms")))
                .withChangePoints(List.of(new ChangePoint(OverallRow.LABEL, Metric.P95,
                        history.get(builds * 3 / 4).build(), 300, 390, 0.001)));
        Supplier<JFreeChart> empty = () -> TrendCharts.latency(List.of(), OverallRow.LABEL, TrendMarkers.none());
        Supplier<JFreeChart> full = () -> TrendCharts.latency(history, OverallRow.LABEL, markers);
        out.printf(Locale.ROOT, "chart benchmark: %d builds, %dx%d px, median of %d rounds after warm-up"
                + " (headless: %s)%n", builds, WIDTH, HEIGHT, rounds, java.awt.GraphicsEnvironment.isHeadless());
        double emptyPng = median(empty, ChartFormat.PNG, rounds);
        double fullPng = median(full, ChartFormat.PNG, rounds);
        double emptySvg = median(empty, ChartFormat.SVG, rounds);
        double fullSvg = median(full, ChartFormat.SVG, rounds);
        out.printf(Locale.ROOT, "  PNG  empty chart (baseline) %7.1f ms   %d-build trend %7.1f ms%n", emptyPng,
                builds, fullPng);
        out.printf(Locale.ROOT, "  SVG  empty chart (baseline) %7.1f ms   %d-build trend %7.1f ms%n", emptySvg,
                builds, fullSvg);
        out.flush();
        return fullPng;
    }

    private static double median(Supplier<JFreeChart> chart, ChartFormat format, int rounds) {
        for (int i = 0; i < 3; i++) {
            ChartRenderer.render(chart.get(), format, WIDTH, HEIGHT);
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            ChartRenderer.render(chart.get(), format, WIDTH, HEIGHT);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[rounds / 2];
    }

    /**
     * A plausible history: slow drift, noise, a 30 % regression from 3/4 on, every 50th build tagged, some failed
     * and unstable builds; label {@code checkout} beside the overall row.
     */
    public static List<HistoryEntry> syntheticHistory(int builds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<HistoryEntry> entries = new ArrayList<>(builds);
        for (int b = 1; b <= builds; b++) {
            double shift = b >= builds * 3 / 4 ? 1.3 : 1.0;
            double p50 = (120 + b * 0.02 + random.nextDouble() * 15) * shift;
            double p95 = p50 * (2.2 + random.nextDouble() * 0.3);
            double p99 = p95 * (1.3 + random.nextDouble() * 0.2);
            double errors = random.nextDouble() < 0.03 ? 2 + random.nextDouble() * 5 : random.nextDouble() * 0.5;
            Map<Metric, Double> v = new EnumMap<>(Metric.class);
            v.put(Metric.COUNT, 60_000.0);
            v.put(Metric.P50, p50);
            v.put(Metric.P95, p95);
            v.put(Metric.P99, p99);
            v.put(Metric.THROUGHPUT, 950 + random.nextDouble() * 100);
            v.put(Metric.ERROR_PERCENT, errors);
            BuildResult result = errors > 2 ? BuildResult.FAILURE
                    : random.nextDouble() < 0.02 ? BuildResult.UNSTABLE : BuildResult.SUCCESS;
            String tag = b % 50 == 0 ? "v1." + b / 50 + ".0" : "";
            RunFigures figures = new RunFigures(RunStatus.COMPLETE, "",
                    new LabelFigures(OverallRow.LABEL, v), List.of(new LabelFigures("checkout", v)));
            entries.add(new HistoryEntry(new BuildRef(b, "", 1_780_000_000_000L + b * 3_600_000L, result, tag, ""),
                    figures));
        }
        return entries;
    }
}
