package io.jenkins.plugins.perfgate.engine.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.gate.CriteriaParser;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartRendererTest {

    static final String OVERALL = OverallRow.LABEL;

    static final Path OUT = Path.of("target", "charts");
    static RunSummary summary;
    static List<HistoryEntry> history;

    @BeforeAll
    static void data() throws Exception {
        Files.createDirectories(OUT);
        summary = SyntheticRuns.run(7, 1.0, true);
        history = ChartBenchmark.syntheticHistory(120, 3);
    }

    static Map<String, JFreeChart> allCharts() {
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put("throughput", OverTimeCharts.throughput(summary));
        charts.put("errors", OverTimeCharts.errorPercent(summary));
        charts.put("p95", OverTimeCharts.p95(summary, 3));
        charts.put("threads", OverTimeCharts.activeThreads(summary));
        TrendMarkers markers = TrendMarkers.none()
                .withBaseline("build #60", history.get(59).figures())
                .withCriteria(CriteriaParser.parseAll("p95 < 400ms\nerror% < 1%\np95 vs baseline < +20%"))
                .withDetectedChangePoints(new History(history, List.of()));
        charts.put("trend-latency", TrendCharts.latency(history, OVERALL, markers));
        charts.put("trend-throughput", TrendCharts.throughput(history, OVERALL, markers));
        charts.put("trend-errors", TrendCharts.errorPercent(history, OVERALL, markers));
        charts.put("trend-label", TrendCharts.latency(history, "checkout", markers));
        return charts;
    }

    @Test
    void everyChartDecodesAsPngOfTheAskedSize() throws Exception {
        for (Map.Entry<String, JFreeChart> e : allCharts().entrySet()) {
            byte[] png = ChartRenderer.png(e.getValue(), 640, 300);
            Files.write(OUT.resolve(e.getKey() + ".png"), png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(640, image.getWidth(), e.getKey());
            assertEquals(300, image.getHeight(), e.getKey());
            assertTrue(distinctColours(image) > 3, e.getKey() + " looks blank");
        }
    }

    @Test
    void everyChartIsWellFormedSvgWithoutStyleAttributes() throws Exception {
        for (Map.Entry<String, JFreeChart> e : allCharts().entrySet()) {
            String svg = ChartRenderer.svg(e.getValue(), 640, 300);
            Files.writeString(OUT.resolve(e.getKey() + ".svg"), svg);
            Document doc = SecureXml.parse(svg);
            Element root = doc.getDocumentElement();
            assertEquals("svg", root.getLocalName(), e.getKey());
            assertEquals(640.0, Double.parseDouble(root.getAttribute("width")), e.getKey());
            assertEquals(300.0, Double.parseDouble(root.getAttribute("height")), e.getKey());
            assertEquals("0 0 640 300", root.getAttribute("viewBox").replace(".0", ""), e.getKey());
            assertFalse(svg.contains("style="), e.getKey() + " still has style attributes");
            assertTrue(doc.getElementsByTagNameNS("*", "path").getLength()
                    + doc.getElementsByTagNameNS("*", "line").getLength() > 10, e.getKey() + " draws nothing");
        }
    }

    @Test
    void hostileLabelIsTextInSvg() throws Exception {
        String svg = ChartRenderer.svg(OverTimeCharts.p95(summary, 4), 640, 300);
        assertFalse(svg.contains("<img"), "label must be escaped");
        Document doc = SecureXml.parse(svg);
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        boolean found = false;
        for (int i = 0; i < texts.getLength(); i++) {
            found |= texts.item(i).getTextContent().equals(SyntheticRuns.HOSTILE_LABEL);
        }
        assertTrue(found, "legend shows the hostile label as text");
    }

    @Test
    void busiestLabelsComeByCount() {
        List<String> busiest = OverTimeCharts.busiestLabels(summary, 2).stream().map(s -> s.label()).toList();
        assertEquals(List.of("GET /home", "GET /search?q=x"), busiest);
        assertThrows(IllegalArgumentException.class, () -> OverTimeCharts.busiestLabels(summary, -1));
    }

    @Test
    void trendMarksFailedBuildsAndReleaseTags() {
        JFreeChart chart = TrendCharts.latency(history, OVERALL, TrendMarkers.none());
        var plot = chart.getXYPlot();
        long failures = history.stream().filter(p -> p.build().result() == BuildResult.FAILURE).count();
        assertTrue(failures > 0, "fixture has failures");
        assertEquals("failed build", plot.getDataset(1).getSeriesKey(0));
        assertEquals(failures, plot.getDataset(1).getItemCount(0));
        assertTrue(plot.getDomainAxis(1) instanceof ReleaseTagAxis, "tags on a second axis");
        assertEquals(120.0, plot.getDomainAxis().getRange().getLength(), 1e-9);
    }

    @Test
    void detectedChangePointIsDrawnAtTheShift() {
        TrendMarkers markers = TrendMarkers.none().withDetectedChangePoints(new History(history, List.of()));
        List<Long> p95Shifts = markers.changePoints().stream()
                .filter(c -> c.label().equals(OVERALL) && c.metric() == Metric.P95)
                .map(c -> c.build().number()).toList();
        assertEquals(List.of(90L), p95Shifts, "the fixture shifts p95 by 30 % from build 90 on");
        var lines = TrendCharts.latency(history, OVERALL, markers).getXYPlot()
                .getDomainMarkers(0, org.jfree.ui.Layer.FOREGROUND);
        assertEquals(1, lines.size());
        var line = (org.jfree.chart.plot.ValueMarker) lines.iterator().next();
        assertEquals(90.0, line.getValue());
        assertTrue(line.getLabel().startsWith("p95 +"), line.getLabel());
        assertTrue(TrendCharts.throughput(history, OVERALL, markers).getXYPlot()
                .getDomainMarkers(0, org.jfree.ui.Layer.FOREGROUND) == null, "no p95 line on the throughput chart");
    }

    @Test
    void thresholdFarAboveTheDataIsANoteAndTheAxisFitsTheData() {
        List<HistoryEntry> small = history.subList(0, 5);
        double dataMax = dataMax(TrendCharts.latency(small, OVERALL, TrendMarkers.none()));
        double far = Math.rint(dataMax * 10);
        TrendMarkers markers = TrendMarkers.none().withThresholds(
                List.of(new TrendMarkers.Threshold(OVERALL, Metric.P95, far, "p95 < 10x")));
        JFreeChart chart = TrendCharts.latency(small, OVERALL, markers);
        var plot = chart.getXYPlot();
        double top = plot.getRangeAxis().getUpperBound();
        assertTrue(top >= dataMax && top <= dataMax * 1.2, "range top " + top + " near the data's " + dataMax);
        assertEquals(null, plot.getRangeMarkers(0, org.jfree.ui.Layer.FOREGROUND), "no line outside the range");
        assertEquals(List.of("\u2191 p95 < 10x: " + (long) far + ", above the chart"), notes(chart));
        ChartRenderer.png(chart, 500, 250);
    }

    @Test
    void thresholdsWithinReachWidenTheRangeAndAreDrawnAsLines() {
        List<HistoryEntry> small = history.subList(0, 5);
        double dataMax = dataMax(TrendCharts.latency(small, OVERALL, TrendMarkers.none()));
        double near = dataMax * 1.3;
        double below = dataMax / 2;
        TrendMarkers markers = TrendMarkers.none().withThresholds(List.of(
                new TrendMarkers.Threshold(OVERALL, Metric.P95, near, "p95 near"),
                new TrendMarkers.Threshold(OVERALL, Metric.P95, below, "p95 below")));
        JFreeChart chart = TrendCharts.latency(small, OVERALL, markers);
        var plot = chart.getXYPlot();
        assertTrue(plot.getRangeAxis().getUpperBound() > near, "the line within reach is inside the range");
        List<Double> lines = plot.getRangeMarkers(0, org.jfree.ui.Layer.FOREGROUND).stream()
                .map(m -> ((org.jfree.chart.plot.ValueMarker) m).getValue()).sorted().toList();
        assertEquals(List.of(below, near), lines);
        assertEquals(List.of(), notes(chart), "no off-scale notes");
    }

    /** The texts of a chart's subtitles (the legend is not one of them). */
    private static List<String> notes(JFreeChart chart) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                out.add(t.getText());
            }
        }
        return out;
    }

    private static double dataMax(JFreeChart chart) {
        var d = chart.getXYPlot().getDataset();
        double max = 0;
        for (int s = 0; s < d.getSeriesCount(); s++) {
            for (int i = 0; i < d.getItemCount(s); i++) {
                Number y = d.getY(s, i);
                max = y == null ? max : Math.max(max, y.doubleValue());
            }
        }
        return max;
    }

    @Test
    void labelMissingInSomeBuildsLeavesGaps() {
        List<HistoryEntry> points = new ArrayList<>(history.subList(0, 3));
        HistoryEntry p = points.get(1);
        points.set(1, new HistoryEntry(p.build(), new RunFigures(RunStatus.COMPLETE, "", p.figures().overall(),
                List.of())));
        JFreeChart chart = TrendCharts.latency(points, "checkout", TrendMarkers.none());
        assertEquals(null, chart.getXYPlot().getDataset().getY(0, 1));
        ChartRenderer.png(chart, 300, 200);
    }

    @Test
    void criteriaBecomeThresholdLines() {
        TrendMarkers markers = TrendMarkers.none().withBaseline("build #60", history.get(59).figures())
                .withCriteria(CriteriaParser.parseAll("p95 < 400ms\np95 vs baseline < +20%\n"
                        + "p99[label~\"check*\"] < 2s\np95[label=\"checkout\"] < 900ms"));
        double base = history.get(59).figures().overall().get(Metric.P95);
        assertEquals(List.of(400.0, base * 1.2, 900.0),
                markers.lines().stream().map(TrendMarkers.Threshold::value).toList());
        assertEquals("checkout", markers.lines().get(2).label());
        TrendMarkers criteriaFirst = TrendMarkers.none()
                .withCriteria(CriteriaParser.parseAll("p95 vs baseline < +20%"))
                .withBaseline("build #60", history.get(59).figures());
        assertEquals(List.of(base * 1.2), criteriaFirst.lines().stream().map(TrendMarkers.Threshold::value).toList(),
                "order of with... calls does not matter");
        assertTrue(TrendMarkers.none().withCriteria(CriteriaParser.parseAll("p95 vs baseline < +20%"))
                .lines().isEmpty(), "no baseline, no relative line");
    }

    /** A run of one label "a": {@code count} samples of {@code elapsed} ms, one every {@code step} ms from {@code from}. */
    private static RunSummary steadyRun(long from, int count, long step, long elapsed) {
        var aggregator = new io.jenkins.plugins.perfgate.engine.stats.RunAggregator(
                io.jenkins.plugins.perfgate.engine.stats.AggregationOptions.defaults());
        for (int i = 0; i < count; i++) {
            aggregator.accept(new io.jenkins.plugins.perfgate.engine.results.Sample(from + i * step, elapsed, "a",
                    "200", "OK", "t", true, "", 10, 10, 1, 1, 0));
        }
        return RunSummary.of(aggregator.aggregate(), aggregator.options(), List.of(), List.of(), Map.of());
    }

    @Test
    void longRunsAreChartedInMinutes() {
        RunSummary longRun = steadyRun(SyntheticRuns.START, 1800, 1000, 50);
        var plot = OverTimeCharts.throughput(longRun).getXYPlot();
        assertEquals("time since start (min)", plot.getDomainAxis().getLabel());
        assertEquals(30.0, plot.getDataset().getXValue(0, plot.getDataset().getItemCount(0) - 1), 1.0);
        assertEquals("time since start (s)", OverTimeCharts.throughput(summary).getXYPlot().getDomainAxis()
                .getLabel());
    }

    @Test
    void aRunWithinOneIntervalIsChartedOverThatInterval() throws Exception {
        RunSummary quick = steadyRun(SyntheticRuns.START, 60, 5, 2);
        for (JFreeChart c : List.of(OverTimeCharts.throughput(quick), OverTimeCharts.errorPercent(quick),
                OverTimeCharts.p95(quick, 3), OverTimeCharts.activeThreads(quick))) {
            ChartRenderer.png(c, 640, 300); // lays the axes out
            var range = c.getXYPlot().getDomainAxis().getRange();
            assertEquals(0.0, range.getLowerBound(), 1e-9, c.getTitle().getText());
            assertEquals(1.0, range.getUpperBound(), 0.02, c.getTitle().getText() + ": the one 1 s interval");
        }
        // two intervals: the axis ends at the last one, no empty interval after it
        RunSummary two = steadyRun(SyntheticRuns.START, 2, 1500, 2);
        JFreeChart c = OverTimeCharts.throughput(two);
        ChartRenderer.png(c, 640, 300);
        assertEquals(1.0, c.getXYPlot().getDomainAxis().getRange().getUpperBound(), 0.02);
    }

    @Test
    void partlyCoveredFirstAndLastIntervalsShowTheTrueRate() {
        // 100 requests/s from 0.7 s to 3.3 s after a second boundary: the first and last intervals are partly empty
        RunSummary steady = steadyRun(SyntheticRuns.START + 700, 260, 10, 1);
        var data = OverTimeCharts.throughput(steady).getXYPlot().getDataset();
        assertEquals(4, data.getItemCount(0), "intervals 0..3");
        for (int i = 0; i < data.getItemCount(0); i++) {
            assertEquals(100.0, data.getYValue(0, i), 10.0, "interval " + i);
        }
    }

    @Test
    void absurdSizesAreRejected() {
        JFreeChart chart = OverTimeCharts.throughput(summary);
        assertThrows(IllegalArgumentException.class, () -> ChartRenderer.png(chart, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> ChartRenderer.svg(chart, 100_000, 100));
    }

    @Test
    void emptyRunAndEmptyHistoryStillRender() throws Exception {
        RunSummary empty = RunSummary.of(
                new io.jenkins.plugins.perfgate.engine.stats.RunAggregator(
                        io.jenkins.plugins.perfgate.engine.stats.AggregationOptions.defaults()).aggregate(),
                io.jenkins.plugins.perfgate.engine.stats.AggregationOptions.defaults(), List.of(), List.of(),
                Map.of());
        assertEquals(200, ImageIO.read(new ByteArrayInputStream(
                ChartRenderer.png(OverTimeCharts.p95(empty, 5), 300, 200))).getHeight());
        SecureXml.parse(ChartRenderer.svg(TrendCharts.latency(List.of(), OVERALL, TrendMarkers.none()), 300, 200));
    }

    static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

}
