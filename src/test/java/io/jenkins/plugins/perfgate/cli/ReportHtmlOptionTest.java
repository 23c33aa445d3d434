package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private Path smallCsv() throws Exception {
        Path csv = tmp.resolve("r.csv");
        StringBuilder rows = new StringBuilder("timeStamp,elapsed,label,success\n");
        for (int i = 0; i < 200; i++) {
            rows.append(1_780_000_000_000L + i * 50L).append(',').append(10 + i % 23).append(",GET /,")
                    .append(i % 40 != 0).append('\n');
        }
        return Files.writeString(csv, rows);
    }

    @Test
    void theJsonIsWrittenAndSaidSoBeforeTheReport() throws Exception {
        Path json = tmp.resolve("s.json");
        Path html = tmp.resolve("report");
        CliRun r = run("report", smallCsv().toString(), "--out", json.toString(), "--html", html.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        int status = lines.size() - 3;
        assertTrue(lines.get(status).startsWith("200 samples from 1 file(s); status COMPLETE"), r.out());
        assertEquals(List.of("summary written to " + json, "HTML report written to " + html.resolve("index.html")),
                lines.subList(status + 1, lines.size()));
        assertTrue(Files.readString(html.resolve("index.html")).contains("href=\"../s.json\""), "linked");
    }

    @Test
    void whenTheJsonCannotBeWrittenNothingOfTheReportIs() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path html = tmp.resolve("report");
        CliRun r = run("report", smallCsv().toString(), "--out", blocker.resolve("s.json").toString(), "--html",
                html.toString());
        assertEquals(PerfgateCli.EXIT_INVALID_INPUT, r.exit(), r.out());
        assertTrue(r.err().contains("perfgate report: cannot write " + blocker.resolve("s.json")), r.err());
        assertFalse(r.out().contains("written to"), r.out());
        assertFalse(Files.exists(html), "no report folder, no chart drawn ahead written");
    }

    @Test
    void aChartThatCannotBeWrittenFailsTheReportBeforeItsPage() throws Exception {
        Path json = tmp.resolve("s.json");
        Path html = tmp.resolve("report");
        Files.createDirectories(html.resolve("p95-over-time.svg/taken")); // a folder no file can replace
        CliRun r = run("report", smallCsv().toString(), "--out", json.toString(), "--html", html.toString());
        assertEquals(PerfgateCli.EXIT_INVALID_INPUT, r.exit(), r.out());
        assertTrue(r.err().contains("perfgate: cannot write the HTML report: cannot write chart "
                + html.resolve("p95-over-time.svg")), r.err());
        assertTrue(r.out().contains("summary written to " + json) && !r.out().contains("HTML report written"),
                r.out());
        assertTrue(Files.exists(html.resolve("errors-over-time.svg")), "the charts before it are written");
        assertFalse(Files.exists(html.resolve("index.html")), "the page is written last, only when all are");
        try (var files = Files.list(html)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file");
        }
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
