package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfgate report FILE --html DIR} and {@code perfgate bench}'s chart timing. */
class ReportHtmlOptionTest {

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void writesTheHtmlReportWithLinksToTheRawFiles() throws Exception {
        Path csv = tmp.resolve("results dir/run.csv");
        Files.createDirectories(csv.getParent());
        StringBuilder rows = new StringBuilder("timeStamp,elapsed,label,responseCode,success,failureMessage\n");
        for (int i = 0; i < 400; i++) {
            boolean ok = i % 50 != 0;
            rows.append(1_780_000_000_000L + i * 25L).append(',').append(20 + i % 37).append(',')
                    .append(i % 3 == 0 ? "\"<img src=x onerror=alert(1)>\"" : "GET /home").append(',')
                    .append(ok ? "200" : "500").append(',').append(ok).append(',')
                    .append(ok ? "" : "expected <ok>").append('\n');
        }
        Files.writeString(csv, rows);
        Path json = tmp.resolve("out/summary.json");
        Path html = tmp.resolve("out/report");
        CliRun r = run("report", csv.toString(), "--out", json.toString(), "--html", html.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("HTML report written to " + html.resolve("index.html")), r.out());
        String page = Files.readString(html.resolve("index.html"));
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), "label escaped");
        assertFalse(page.contains("<img src=x"), "label never markup");
        assertTrue(page.contains("expected &lt;ok&gt;"), "failure message shown escaped");
        assertTrue(page.contains("href=\"../../results%20dir/run.csv\""), "link to the result file");
        assertTrue(page.contains("href=\"../summary.json\""), "link to the summary");
        assertTrue(Files.size(html.resolve("p95-over-time.svg")) > 1000);
        assertTrue(Files.exists(html.resolve("perfgate-report.css")));
    }

    @Test
    void anUnwritableTargetIsAClearError() throws Exception {
        Path csv = tmp.resolve("r.csv");
        Files.writeString(csv, "timeStamp,elapsed,label,success\n1000,5,a,true\n");
        Path blocker = Files.writeString(tmp.resolve("not-a-dir"), "x");
        CliRun r = run("report", csv.toString(), "--html", blocker.toString());
        assertEquals(PerfgateCli.EXIT_INVALID_INPUT, r.exit(), r.out());
        assertTrue(r.err().contains("cannot write the HTML report") && r.err().contains("not-a-dir"), r.err());
    }

    @Test
    void benchTimesTheTrendChartAgainstAnEmptyOne() {
        CliRun r = CliRun.ofBench("bench", "--samples", "1000", "--rounds", "1", "--labels", "2", "--trend-builds", "100");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("chart benchmark: 100 builds"), r.out());
        assertTrue(r.out().contains("PNG  empty chart (baseline)") && r.out().contains("100-build trend"), r.out());
        assertEquals(PerfgateCli.EXIT_USAGE, CliRun.ofBench("bench", "--trend-builds", "-1").exit());
    }
}
