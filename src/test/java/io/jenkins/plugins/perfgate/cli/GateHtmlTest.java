package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.chart.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code perfgate gate --html}: the full report from the command line, with verdict, history and change point. */
class GateHtmlTest {

    static final String CRITERIA = "p95 vs baseline < +10%; p95 < 2s";

    @TempDir
    Path tmp;

    private static int run(StringWriter out, String... args) {
        CommandLine cl = PerfgateCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        return cl.execute(args);
    }

    private Path summary(int build, double factor) throws Exception {
        Path p = tmp.resolve("summary-" + build + ".json");
        SummaryJson.write(SyntheticRuns.run(200 + build, factor, true), p);
        return p;
    }

    @Test
    void writesVerdictTrendsAndTheChangePoint() throws Exception {
        Path history = tmp.resolve("history");
        for (int b = 1; b <= 12; b++) {
            StringWriter log = new StringWriter();
            run(log, "gate", summary(b, b >= 9 ? 1.4 : 1.0).toString(), "--history", history.toString(),
                    "--criteria", CRITERIA, "--record", Integer.toString(b), "--tag", b == 4 ? "v1.0.0" : "");
            assertTrue(log.toString().contains("recorded build #" + b), log.toString());
        }
        Path report = tmp.resolve("report");
        StringWriter log = new StringWriter();
        int exit = run(log, "gate", summary(13, 1.4).toString(), "--history", history.toString(), "--criteria",
                CRITERIA, "--html", report.toString());
        assertEquals(1, exit, log.toString());
        assertTrue(log.toString().contains("HTML report written to " + report.resolve("index.html")), log.toString());
        String page = Files.readString(report.resolve("index.html"));
        assertTrue(page.contains("class=\"headline verdict-fail\""), "failed verdict headline");
        assertTrue(page.contains("p95 vs baseline &lt; +10%"), "criteria listed, escaped");
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;") && !page.contains("<img src=x"));
        assertTrue(page.contains("delta delta-worse"), "the regression is significant against the history");
        assertTrue(page.contains("href=\"../summary-13.json\""), "link to the judged summary");
        String trend = Files.readString(report.resolve("trend-latency.svg"));
        assertTrue(trend.contains(">p95 +"), "change point at the shift drawn on the latency trend");
        assertTrue(trend.contains(">v1.0.0<"), "release tag on the axis");
        assertTrue(trend.contains(">p95 vs baseline &lt; +10%<"), "relative criterion drawn against the baseline");
        assertFalse(trend.contains("style="), "CSP-safe SVG");
    }
}
