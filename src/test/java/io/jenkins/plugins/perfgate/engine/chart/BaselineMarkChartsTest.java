package io.jenkins.plugins.perfgate.engine.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.engine.history.BaselineMarks;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.ui.Layer;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.ui.RectangleAnchor;
import org.junit.jupiter.api.Test;

/** Pins and accepts on trend charts, and two runs overlaid. */
class BaselineMarkChartsTest {

    @Test
    void pinnedAndAcceptedBuildsAreVerticalLinesOnTrends() {
        List<HistoryEntry> history = ChartBenchmark.syntheticHistory(30, 3);
        BaselineMarks marks = BaselineMarks.NONE
                .with(new BaselineMark(BaselineMark.Kind.PIN, 5, "alice", 1L, "release 1.0"))
                .with(new BaselineMark(BaselineMark.Kind.ACCEPT, 20, "bob", 2L, "new index"))
                .with(new BaselineMark(BaselineMark.Kind.PIN, 8, "alice", 3L, "release 1.1"));
        JFreeChart chart = TrendCharts.latency(history, OverallRow.LABEL, TrendMarkers.none().withBaselineMarks(marks));
        Collection<?> lines = ((XYPlot) chart.getPlot()).getDomainMarkers(0, Layer.FOREGROUND);
        List<String> labels = lines.stream().map(m -> ((Marker) m).getLabel()).toList();
        assertTrue(labels.contains("pinned #8") && labels.contains("accepted #20"), labels.toString());
        assertTrue(!labels.contains("pinned #5"), "a replaced pin is not drawn: " + labels);
        assertTrue(ChartRenderer.png(chart, 600, 300).length > 0);
    }

    @Test
    void aPinLabelStandsClearOfALowBaselineLabel() {
        // the common case: the pinned build had no errors, so the baseline error % is 0, at the bottom of the chart,
        // where the pin's label stood too (seen overlapping on a job page)
        List<HistoryEntry> history = ChartBenchmark.syntheticHistory(2, 3);
        BaselineMark pin = new BaselineMark(BaselineMark.Kind.PIN, 1, "alice", 1L, "rc-1");
        TrendMarkers markers = TrendMarkers.none().withBaselineMarks(BaselineMarks.NONE.with(pin))
                .withBaseline("pinned build #1 (rc-1)", baselineFigures(0.0, 280.0));
        String svg = ChartRenderer.svg(TrendCharts.errorPercent(history, OverallRow.LABEL, markers), 500, 260);
        double pinY = textY(svg, "pinned #1");
        double baselineY = textY(svg, "baseline error%: pinned build #1 (rc-1)");
        assertTrue(Math.abs(pinY - baselineY) >= 20, "the labels' baselines are " + Math.abs(pinY - baselineY)
                + " px apart, their font is 10 px: " + pinY + " and " + baselineY);
        assertEquals(RectangleAnchor.RIGHT, pinMarker(TrendCharts.errorPercent(history, OverallRow.LABEL, markers))
                .getLabelAnchor(), "halfway up its line");
        // a baseline p95 well above the bottom leaves the pin's label where it always is
        assertEquals(RectangleAnchor.BOTTOM_RIGHT, pinMarker(TrendCharts.latency(history, OverallRow.LABEL, markers))
                .getLabelAnchor());
    }

    @Test
    void aGateLineCloseAboveTheBaselineDoesNotRunThroughTheBaselineLabel() {
        // a gate relative to the baseline (p95 at most 25 % above it) draws its line just above the baseline's, through
        // the band where the baseline's label stood (seen on a job page): the label goes under its line then
        List<HistoryEntry> history = ChartBenchmark.syntheticHistory(2, 3);
        TrendMarkers markers = TrendMarkers.none().withBaseline("pinned build #1 (rc-1)", baselineFigures(0.0, 200.0))
                .withThresholds(List.of(new TrendMarkers.Threshold(OverallRow.LABEL, Metric.P95, 250,
                        "p95 vs baseline < +25% => unstable")));
        JFreeChart chart = TrendCharts.latency(history, OverallRow.LABEL, markers);
        SVGGraphics2D g2 = new SVGGraphics2D(500, 260);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 500, 260), info);
        XYPlot plot = (XYPlot) chart.getPlot();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        double gateLine = plot.getRangeAxis().valueToJava2D(250, area, plot.getRangeAxisEdge());
        double baselineLine = plot.getRangeAxis().valueToJava2D(200, area, plot.getRangeAxisEdge());
        double labelY = textY(g2.getSVGElement(), "baseline p95: pinned build #1 (rc-1)");
        // the text's glyphs reach about 9 px above its baseline (10 px font) and 3 px below it
        assertTrue(gateLine < labelY - 10 || gateLine > labelY + 3, "the gate's line at y " + gateLine
                + " runs through the baseline label's text at y " + labelY);
        assertTrue(labelY > baselineLine, "the label stands under its line (" + baselineLine + "): " + labelY);
        double gateLabelY = textY(g2.getSVGElement(), "p95 vs baseline < +25% => unstable");
        assertTrue(gateLabelY < gateLine, "the gate's label stays above its own line");
    }

    private static RunFigures baselineFigures(double errorPercent, double p95) {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.COUNT, 60_000.0);
        v.put(Metric.P50, p95 / 2);
        v.put(Metric.P95, p95);
        v.put(Metric.P99, p95 * 1.3);
        v.put(Metric.THROUGHPUT, 1_000.0);
        v.put(Metric.ERROR_PERCENT, errorPercent);
        return new RunFigures(RunStatus.COMPLETE, "", new LabelFigures(OverallRow.LABEL, v), List.of());
    }

    private static ValueMarker pinMarker(JFreeChart chart) {
        for (Object m : ((XYPlot) chart.getPlot()).getDomainMarkers(0, Layer.FOREGROUND)) {
            if (m instanceof ValueMarker v && "pinned #1".equals(v.getLabel())) {
                return v;
            }
        }
        throw new AssertionError("no line for the pinned build");
    }

    /** The y of the SVG text element that reads {@code text}. */
    private static double textY(String svg, String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        Matcher m = Pattern.compile("<text [^>]* y='([0-9.]+)'[^>]*>" + Pattern.quote(escaped) + "</text>")
                .matcher(svg);
        assertTrue(m.find(), "no text '" + text + "' in the chart");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void twoRunsOverlaidAreTwoNamedLines() {
        RunSummary a = SyntheticRuns.run(1, 1.0, false);
        RunSummary b = SyntheticRuns.run(2, 1.5, false);
        for (String kind : List.of("p95", "throughput", "errors")) {
            JFreeChart chart = OverTimeCharts.overlay(kind, a, "#41", b, "#57");
            var data = ((XYPlot) chart.getPlot()).getDataset();
            assertEquals(2, data.getSeriesCount(), kind);
            assertEquals("#41", data.getSeriesKey(0));
            assertEquals("#57", data.getSeriesKey(1));
            assertTrue(data.getItemCount(1) > 1, kind);
        }
    }
}
