package io.jenkins.plugins.perfgate.engine.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.chart.OverTimeCharts;
import io.jenkins.plugins.perfgate.engine.chart.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's charts drawn ahead on a thread of their own: the same files, failures where they were, bounded. */
class ChartDrawingTest {

    static final RunSummary RUN = SyntheticRuns.run(5, 1.0, true);

    @TempDir
    Path tmp;

    /** Charts of the same run, counting how many were built. */
    private static List<ReportCharts.Planned> counted(int n, AtomicInteger built) {
        List<ReportCharts.Planned> charts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            charts.add(new ReportCharts.Planned(new ReportCharts.ChartFile(ReportCharts.OVER_TIME, "", "c" + i + ".svg",
                    "chart " + i), () -> {
                        built.incrementAndGet();
                        return OverTimeCharts.throughput(RUN);
                    }));
        }
        return charts;
    }

    /** The SVG without its per-run prefix (the identity hash of the chart object, which differs from run to run). */
    private static String normalised(byte[] svg) {
        return new String(svg, StandardCharsets.UTF_8).replaceAll("pg[0-9a-f]+", "pgX");
    }

    @Test
    void aReportDrawnAheadIsTheReportDrawnInline() throws Exception {
        ReportInput input = ReportFixtures.regressedBuild(); // over-time and trend charts
        Path inline = HtmlReport.write(input, tmp.resolve("inline")).getParent();
        Path ahead = HtmlReport.drawAhead(input).write(tmp.resolve("ahead"), List.of()).getParent();
        List<String> names;
        try (Stream<Path> files = Files.list(inline)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> files = Files.list(ahead)) {
            assertEquals(names, files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(names.size() > 20, "every chart: " + names);
        for (String name : names) {
            assertEquals(normalised(Files.readAllBytes(inline.resolve(name))),
                    normalised(Files.readAllBytes(ahead.resolve(name))), name);
        }
    }

    @Test
    void aChartIsTheSameWhicheverThreadDrawsIt() {
        ChartDrawing ahead = new ChartDrawing(counted(3, new AtomicInteger())).ahead();
        ChartDrawing inline = new ChartDrawing(counted(3, new AtomicInteger()));
        for (int i = 0; i < 3; i++) {
            assertEquals(normalised(inline.svg(i)), normalised(ahead.svg(i)));
        }
        byte[] again = ahead.svg(1);
        assertArrayEquals(again, ahead.svg(1), "taken twice: drawn once");
    }

    @Test
    void aFailureWhileDrawingAheadIsThrownWhenThatChartIsTaken() {
        IllegalStateException boom = new IllegalStateException("no fonts here");
        AtomicInteger built = new AtomicInteger();
        List<ReportCharts.Planned> charts = new ArrayList<>(counted(1, built));
        charts.add(new ReportCharts.Planned(new ReportCharts.ChartFile(ReportCharts.OVER_TIME, "", "bad.svg", "bad"),
                () -> {
                    throw boom;
                }));
        ChartDrawing drawing = new ChartDrawing(charts).ahead();
        assertTrue(drawing.svg(0).length > 1000, "the chart before it is whole");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> drawing.svg(1)), "as if drawn here");
    }

    @Test
    void atMostTwoChartsAreDrawnAheadOfTheWriterAndNoneAfterCancel() throws Exception {
        AtomicInteger built = new AtomicInteger();
        ChartDrawing drawing = new ChartDrawing(counted(6, built)).ahead();
        waitFor(built, ChartDrawing.AHEAD);
        Thread.sleep(200); // time for more, were the drawer not held back
        assertEquals(ChartDrawing.AHEAD, built.get(), "drawn ahead, none taken yet");
        drawing.svg(0);
        waitFor(built, ChartDrawing.AHEAD + 1);
        drawing.cancel();
        Thread.sleep(200);
        assertEquals(ChartDrawing.AHEAD + 1, built.get(), "nothing drawn after the cancel");
    }

    private static void waitFor(AtomicInteger built, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (built.get() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(n, built.get());
    }
}
