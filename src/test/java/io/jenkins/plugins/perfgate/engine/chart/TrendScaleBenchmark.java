package io.jenkins.plugins.perfgate.engine.chart;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.history.HistoryFormatException;
import io.jenkins.plugins.perfgate.engine.history.HistoryJson;
import io.jenkins.plugins.perfgate.engine.history.HistoryReport;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Server time of a job page's trend as the labels grow (issue 21): the same steps the Jenkins layer takes
 * ({@code PerfgateProjectAction.doTrend}, {@code Charts.trend}, {@code ChangePoints}), measured without Jenkins, for
 * a history of many labels beside the same history with one label (the baseline) in the same run. The steps:
 * parsing the job's key-figures index ({@code history.jsonl}, once per new build: later requests reuse the parsed
 * history), change points of the chosen row over the last 200 builds (once per new build, then cached), the three
 * trend images of the job page (every request), the same images of one label on the freshly read history (the first
 * request for that label: its rows are decoded then, {@code LazyLabelRows}), and the history page's change points
 * of every label and metric.
 * Prints medians; never asserts times. Run: {@code TrendScaleBenchmark [builds] [labels] [rounds]}.
 */
public final class TrendScaleBenchmark {

    /** Builds searched for change points on pages (ChangePoints.WINDOW in the Jenkins layer). */
    static final int WINDOW = 200;

    /** Median milliseconds of each step for one history shape. */
    record Figures(int labels, long indexBytes, double parse, double rowChanges, double images, double labelImages,
            double allChanges) {

        double firstRequest() {
            return parse + rowChanges + images;
        }
    }

    private TrendScaleBenchmark() {
    }

    public static void main(String[] args) throws HistoryFormatException {
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int labels = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        PrintWriter out = new PrintWriter(System.out, true);
        run(builds, labels, rounds, out);
        out.flush();
    }

    static List<Figures> run(int builds, int labels, int rounds, PrintWriter out) throws HistoryFormatException {
        Figures one = measure(builds, 1, rounds);
        Figures many = measure(builds, labels, rounds);
        out.printf(Locale.ROOT, "job page trend, %d builds (median of %d rounds after warm-up, ms)%n", builds, rounds);
        out.printf(Locale.ROOT, "  %-10s %12s %9s %12s %13s %14s %15s %16s%n", "labels", "index bytes", "parse",
                "row changes", "3 PNG images", "first request", "a label's first", "history page cps");
        for (Figures f : List.of(one, many)) {
            out.printf(Locale.ROOT, "  %-10s %,12d %9.1f %12.1f %13.1f %14.1f %15.1f %16.1f%n",
                    f.labels() + (f == one ? " (base)" : ""), f.indexBytes(), f.parse(), f.rowChanges(),
                    f.images(), f.firstRequest(), f.labelImages(), f.allChanges());
        }
        out.printf(Locale.ROOT, "  %dx the labels: first request %.1fx, later requests (images) %.1fx, a label's first"
                + " images %.1fx, index parse %.1fx, history page change points %.1fx%n", labels,
                many.firstRequest() / one.firstRequest(), many.images() / one.images(),
                many.labelImages() / one.labelImages(), many.parse() / one.parse(),
                many.allChanges() / one.allChanges());
        return List.of(one, many);
    }

    private static Figures measure(int builds, int labels, int rounds) throws HistoryFormatException {
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        for (HistoryEntry e : history(builds, labels, 42)) {
            String line = HistoryJson.toJson(e);
            lines.add(line);
            bytes += line.length() + 1;
        }
        double[][] ms = new double[5][rounds];
        String label = String.format(Locale.ROOT, "GET /api/v1/resource%02d", labels - 1);
        for (int r = -2; r < rounds; r++) {
            long t0 = System.nanoTime();
            List<HistoryEntry> parsed = new ArrayList<>(lines.size());
            for (String line : lines) {
                parsed.add(HistoryJson.fromJson(line, "history.jsonl"));
            }
            History history = new History(parsed, List.of());
            long t1 = System.nanoTime();
            History recent = new History(parsed.subList(parsed.size() - Math.min(WINDOW, parsed.size()),
                    parsed.size()), List.of());
            List<ChangePoint> row = HistoryReport.of(recent, HistoryReport.Options.defaults()
                    .withLabel(OverallRow.LABEL)).changePoints();
            long t2 = System.nanoTime();
            TrendMarkers markers = TrendMarkers.none().withChangePoints(row);
            int size = ChartRenderer.png(TrendCharts.latency(history.entries(), OverallRow.LABEL, markers), 500, 250)
                    .length + ChartRenderer.png(TrendCharts.throughput(history.entries(), OverallRow.LABEL, markers),
                    500, 250).length + ChartRenderer.png(TrendCharts.errorPercent(history.entries(),
                    OverallRow.LABEL, markers), 500, 250).length;
            long t3 = System.nanoTime();
            // the first request for a label's trend: its row of each build is decoded, the other labels' are not
            size += ChartRenderer.png(TrendCharts.latency(history.entries(), label, TrendMarkers.none()), 500, 250)
                    .length + ChartRenderer.png(TrendCharts.throughput(history.entries(), label, TrendMarkers.none()),
                    500, 250).length + ChartRenderer.png(TrendCharts.errorPercent(history.entries(), label,
                    TrendMarkers.none()), 500, 250).length;
            long t3b = System.nanoTime();
            int all = HistoryReport.of(recent, HistoryReport.Options.defaults()).changePoints().size();
            long t4 = System.nanoTime();
            if (size == 0 || all < row.size()) {
                throw new IllegalStateException("no images or fewer change points in all labels than in one");
            }
            if (r >= 0) {
                ms[0][r] = (t1 - t0) / 1e6;
                ms[1][r] = (t2 - t1) / 1e6;
                ms[2][r] = (t3 - t2) / 1e6;
                ms[3][r] = (t3b - t3) / 1e6;
                ms[4][r] = (t4 - t3b) / 1e6;
            }
        }
        return new Figures(labels, bytes, median(ms[0]), median(ms[1]), median(ms[2]), median(ms[3]),
                median(ms[4]));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /**
     * Builds with the given labels, every metric the index keeps; noise, a 30 % slowdown of the overall row and of
     * every label from 3/4 of the builds on.
     */
    static List<HistoryEntry> history(int builds, int labels, long seed) {
        List<HistoryEntry> base = ChartBenchmark.syntheticHistory(builds, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        List<HistoryEntry> out = new ArrayList<>(builds);
        for (HistoryEntry e : base) {
            LabelFigures overall = e.figures().overall();
            List<LabelFigures> rows = new ArrayList<>(labels);
            for (int l = 0; l < labels; l++) {
                Map<Metric, Double> v = new EnumMap<>(Metric.class);
                for (Metric m : Metric.values()) {
                    double x = overall.get(m);
                    v.put(m, Double.isNaN(x) ? Double.NaN : x * (0.5 + l * 0.02) * (0.95 + 0.1 * random.nextDouble()));
                }
                rows.add(new LabelFigures(String.format(Locale.ROOT, "GET /api/v1/resource%02d", l), v));
            }
            out.add(new HistoryEntry(e.build(), new RunFigures(e.figures().status(), "", overall, rows)));
        }
        return out;
    }
}
