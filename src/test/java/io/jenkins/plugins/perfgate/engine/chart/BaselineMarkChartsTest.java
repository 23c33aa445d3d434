package io.jenkins.plugins.perfgate.engine.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.engine.history.BaselineMarks;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.ui.Layer;
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
