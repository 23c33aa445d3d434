package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path file(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private static final String CSV = """
            timeStamp,elapsed,label,responseCode,success,Latency
            1000,100,zeta,200,true,10
            1100,300,alpha,200,true,10
            1200,700,alpha,500,false,10
            1300,2500,zeta,200,true,10
            """;

    @Test
    void printsAnAlignedSortedTableWithTotalsAndWritesTheJson() throws IOException {
        Path f = file("r.csv", CSV);
        Path json = tmp.resolve("out/summary.json");
        CliRun r = run("report", f.toString(), "--out", json.toString(), "--apdex-t", "400");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Label"), r.out());
        assertTrue(lines.get(2).startsWith("alpha") && lines.get(3).startsWith("zeta"), r.out());
        assertTrue(lines.get(5).startsWith("TOTAL"), r.out());
        assertEquals(lines.get(0).length(), lines.get(2).length(), "aligned");
        assertTrue(lines.get(5).contains(" 4 ") && lines.get(5).contains("25.00"), lines.get(5));
        RunSummary s = SummaryJson.read(json);
        assertEquals(RunStatus.COMPLETE, s.status());
        assertEquals(400, s.apdexTMillis());
        assertEquals(4, s.overall().count());
        assertEquals(1, s.label("alpha").orElseThrow().errors());
    }

    @Test
    void aMixOfToolsIsSummarisedTogetherAndListedPerFile() throws IOException {
        Path jmeter = file("jmeter.csv", CSV);
        Path k6 = file("k6.json", "{\"type\":\"Point\",\"data\":{\"time\":\"1970-01-01T00:00:01.5Z\","
                + "\"value\":40.2,\"tags\":{\"name\":\"alpha\",\"status\":\"200\",\"expected_response\":\"true\"}},"
                + "\"metric\":\"http_req_duration\"}\n");
        Path gatling = tmp.resolve("simulation.log");
        try (var w = new io.jenkins.plugins.perfgate.engine.results.GatlingLogWriter(Files.newOutputStream(gatling),
                "3.13.5", 1000)) {
            w.request(List.of(), "zeta", 1000, 1050, true, "");
            w.request(List.of(), "zeta", 1010, 1090, false, "status.find.in(200), found 503");
        }
        Path json = tmp.resolve("mixed.json");
        CliRun r = run("report", jmeter.toString(), k6.toString(), gatling.toString(), "--out", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(jmeter + ": JMeter CSV, 4 samples"), r.out());
        assertTrue(r.out().contains(k6 + ": k6 JSON, 1 samples"), r.out());
        assertTrue(r.out().contains(gatling + ": Gatling simulation.log, 2 samples"), r.out());
        assertTrue(r.err().contains("no response codes, bytes, latency or connect times"), r.err());
        RunSummary s = SummaryJson.read(json);
        assertEquals(List.of("csv", "k6-json", "gatling"), s.sources().stream().map(f -> f.format()).toList());
        assertEquals(7, s.overall().count());
        assertEquals(3, s.label("alpha").orElseThrow().count());
        assertEquals(1, s.label("zeta").orElseThrow().errors());
    }

    @Test
    void aLocustStatsFileAloneIsReadAsTheToolsAggregatesWithNothingToJudge() throws IOException {
        Path f = file("locust_stats.csv", "Type,Name,Request Count,Failure Count,Median Response Time,"
                + "Average Response Time\nGET,/,3,0,4,5\n");
        CliRun r = run("report", f.toString());
        // aggregates only: the figures are kept as given, but with no samples the run has nothing a gate could judge
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("NO_RESULTS") && r.err().contains("toolAggregates"), r.err());
    }

    @Test
    void filtersAndQueryStringGrouping() throws IOException {
        Path f = file("q.csv", """
                timeStamp,elapsed,label,success
                1,5,/search?q=1,true
                2,6,/search?q=2,true
                3,7,/admin,true
                """);
        CliRun r = run("report", f.toString(), "--group-query-strings", "--exclude", "/admin");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("/search ") && !r.out().contains("/admin") && !r.out().contains("q=1"), r.out());
    }

    @Test
    void unreadableInputExitsThreeNamingTheFile() throws IOException {
        CliRun missing = run("report", tmp.resolve("gone.jtl").toString());
        assertEquals(3, missing.exit());
        assertTrue(missing.err().contains("gone.jtl") && missing.err().contains("no such file"), missing.err());
        CliRun empty = run("report", file("empty.jtl", "").toString());
        assertEquals(3, empty.exit());
        assertTrue(empty.err().contains("is empty"), empty.err());
    }

    @Test
    void skippedRowsArePrintedAndExitThreeUnlessAllowed() throws IOException {
        Path f = file("bad.csv", CSV + "1400,oops,zeta,200,true,10\n");
        CliRun r = run("report", f.toString());
        assertEquals(3, r.exit());
        assertTrue(r.err().contains(f + ":6 [elapsed]: not a number: 'oops'"), r.err());
        assertTrue(r.err().contains("INCOMPLETE"), r.err());
        assertTrue(r.out().contains("TOTAL"), "the table is still printed: " + r.out());
        assertEquals(0, run("report", f.toString(), "--allow-malformed").exit());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path f = file("r.csv", CSV);
        assertEquals(2, run("report").exit());
        assertEquals(2, run("report", f.toString(), "--bogus").exit());
        assertEquals(2, run("report", f.toString(), "--include", "(unclosed").exit());
        assertEquals(2, run("report", f.toString(), "--apdex-t", "0").exit());
        assertEquals(2, run("report", f.toString(), "--delimiter", "ab").exit());
        assertEquals(2, run("report", f.toString(), "--time-zone", "Mars/Olympus").exit());
    }

    @Test
    void headerlessTabFileWithOptions() throws IOException {
        Path f = file("t.tsv", "2026/11/28 10:00:00.000\t5\ta\t200\ttrue\n2026/11/28 10:00:01.000\t7\ta\t200\ttrue\n");
        CliRun r = run("report", f.toString(), "--columns", "timeStamp,elapsed,label,responseCode,success",
                "--delimiter", "tab", "--timestamp-format", "yyyy/MM/dd HH:mm:ss.SSS", "--time-zone", "UTC");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("2 samples"), r.out());
    }

    @Test
    void labelsWithLineBreaksAreShownEscaped() {
        assertEquals("a\\nb", ConsoleLabelTable.shown("a\nb"));
        assertEquals(60, ConsoleLabelTable.shown("x".repeat(100)).length());
    }

    @Test
    void longReadsPrintProgressLinesOnStandardError() throws IOException {
        StringBuilder rows = new StringBuilder(CSV);
        String row = CSV.lines().skip(1).findFirst().orElseThrow() + "\n";
        rows.append(row.repeat(200_000));
        Path f = file("big.csv", rows.toString());
        CliRun quick = run("report", f.toString());
        assertEquals(0, quick.exit(), quick.err());
        assertTrue(!quick.err().contains(" read ("), "a read shorter than 3 s prints no progress: " + quick.err());
        CliRun r = run("report", f.toString(), "--progress-every", "1ms");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().matches("(?s).*perfgate report: [0-9.]+ [kMG]B of [0-9.]+ MB read \\([0-9]+ %\\), "
                + "[0-9,]+ samples, [0-9.]+ [kMG]B/s, [0-9.]+ s.*"), r.err());
        assertEquals(PerfgateCli.EXIT_USAGE, run("report", f.toString(), "--progress-every", "soon").exit());
    }

    @Test
    void progressLineSaysHowMuchIsReadAndHowLongIsLeft() throws Exception {
        Path f = file("half.csv", CSV);
        long size = java.nio.file.Files.size(f);
        // the file is half of what the progress expects: after 2 s, 2 s are left at the same speed
        var progress = new io.jenkins.plugins.perfgate.engine.results.ReadProgress(2 * size);
        new io.jenkins.plugins.perfgate.engine.results.ResultFileReader(
                io.jenkins.plugins.perfgate.engine.results.ReadOptions.defaults()).withProgress(progress)
                .read(f, sample -> { });
        try (ReadProgressLine line = new ReadProgressLine(progress, new java.io.PrintWriter(
                java.io.Writer.nullWriter()), "x: ", java.time.Duration.ZERO)) {
            assertEquals("x: " + ReadProgressLine.size(size) + " of " + ReadProgressLine.size(2 * size)
                    + " read (50 %), 4 samples, " + ReadProgressLine.size(size / 2) + "/s, 2.0 s, about 2.0 s left",
                    line.line(progress, 2.0));
        }
        assertEquals("512.0 kB", ReadProgressLine.size(512 * 1024));
        assertEquals("1.5 MB", ReadProgressLine.size(3 << 19));
        assertEquals("2.00 GB", ReadProgressLine.size(2L << 30));
    }

    @Test
    void benchRunsOnTinyFiles() {
        CliRun r = CliRun.ofBench("bench", "--samples", "3000", "--rounds", "1", "--labels", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("raw line scan") && r.out().contains("perfgate, 1 thread")
                && r.out().contains("Performance Plugin"), r.out());
        assertEquals(2, CliRun.ofBench("bench", "--samples", "0").exit());
    }
}
