package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of other tools' own aggregates, which cannot be installed here, written to their documented formats: each is
 * recognised by content and read into {@link ToolAggregates} with the figures the tool gave and nothing invented (a
 * percentile not exported is absent), bad input reported by file, line and field, the rest kept.
 *
 * <p>Formats: k6 {@code --summary-export}: https://grafana.com/docs/k6/latest/results-output/end-of-test/ (the
 * legacy export: one object per metric, trend stats {@code avg, min, med, max, p(90), p(95)} in ms; a counter's
 * {@code count, rate}; a rate metric's {@code passes, fails, value}, where for {@code http_req_failed} the passes
 * are the failed requests, grafana/k6 issue 2386) and the {@code handleSummary} data object of
 * https://grafana.com/docs/k6/latest/results-output/end-of-test/custom-summary/ (figures under {@code values});
 * Locust {@code --csv}: https://docs.locust.io/en/stable/retrieving-stats.html (the {@code _stats.csv} and
 * {@code _stats_history.csv} headers of Locust 2.x, as its stats module writes them; {@code N/A} for a percentile
 * of no requests).
 */
class ToolAggregatesTest {

    @TempDir
    Path dir;

    private final List<Sample> samples = new ArrayList<>();

    private FileReadResult read(Path f) throws ResultsReadException {
        return new ResultFileReader(ReadOptions.defaults()).read(f, samples::add);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static final String K6_SUMMARY = """
            {
                "root_group": {"name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e", "groups": [], "checks": []},
                "metrics": {
                    "checks": {"passes": 88, "fails": 2, "value": 0.977},
                    "http_req_duration": {"avg": 140.3, "min": 119.0, "med": 140.9, "max": 154.6, "p(90)": 146.8, "p(95)": 148.2,
                        "thresholds": {"p(95)<500": false}},
                    "http_req_duration{expected_response:true}": {"avg": 139.1, "min": 119.0, "med": 140.2, "max": 150.0, "p(90)": 145.0, "p(95)": 147.0},
                    "http_req_duration{name:login}": {"avg": 150.5, "min": 130.0, "med": 149.0, "max": 154.6, "p(90)": 153.0, "p(95)": 154.0},
                    "http_reqs": {"count": 90, "rate": 13.122179},
                    "http_reqs{name:login}": {"count": 30, "rate": 4.37},
                    "http_req_failed": {"passes": 5, "fails": 85, "value": 0.0555},
                    "iterations": {"count": 45, "rate": 6.56},
                    "vus": {"value": 1, "min": 1, "max": 10}
                }
            }
            """;

    @Test
    void k6SummaryExportGivesItsFiguresAndNoOthers() throws Exception {
        FileReadResult r = read(file("summary.json", K6_SUMMARY));
        assertEquals(JtlFormat.K6_SUMMARY, r.format());
        assertEquals(0, r.samples());
        assertTrue(samples.isEmpty(), "aggregates are not samples");
        ToolAggregates t = r.aggregates();
        assertEquals("k6-summary", t.format());
        assertTrue(t.notDerived().contains("percentiles other than those exported"), t.notDerived());
        assertEquals(List.of("", "{expected_response:true}", "login"),
                t.figures().stream().map(GivenFigures::label).toList());
        GivenFigures all = t.figures().get(0);
        assertTrue(all.overall());
        assertEquals(90, all.count());
        assertEquals(5, all.errors(), "http_req_failed's passes are the failed requests");
        assertEquals(140.3, all.mean());
        assertEquals(119.0, all.min());
        assertEquals(154.6, all.max());
        assertEquals(13.122179, all.throughput());
        assertEquals(Map.of(50.0, 140.9, 90.0, 146.8, 95.0, 148.2), all.percentiles(), "p(99) was not exported");
        GivenFigures expected = t.figures().get(1);
        assertEquals(-1, expected.count(), "no http_reqs sub-metric: the count is not given");
        GivenFigures login = t.figures().get(2);
        assertEquals(30, login.count());
        assertEquals(-1, login.errors());
        assertEquals(154.0, login.percentiles().get(95.0));
        assertTrue(t.series().isEmpty());
    }

    @Test
    void k6HandleSummaryDataHasItsFiguresUnderValues() throws Exception {
        FileReadResult r = read(file("data.json", """
                {"root_group": {"name": ""}, "options": {"summaryTrendStats": ["avg", "p(99)"]}, "metrics": {
                  "http_req_duration": {"type": "trend", "contains": "time", "values": {"avg": 12.5, "p(99)": 40.25}},
                  "http_reqs": {"type": "counter", "contains": "default", "values": {"count": 7, "rate": 2.5}},
                  "http_req_failed": {"type": "rate", "contains": "default", "values": {"rate": 0, "passes": 0, "fails": 7}}
                }}
                """));
        GivenFigures all = r.aggregates().figures().get(0);
        assertEquals(7, all.count());
        assertEquals(0, all.errors());
        assertEquals(Map.of(99.0, 40.25), all.percentiles());
        assertTrue(Double.isNaN(all.max()), "not exported, not invented");
    }

    @Test
    void brokenK6SummaryIsRefusedWithLineAndColumnAndBadFiguresAreReported() throws Exception {
        Path broken = file("broken.json", "{\n  \"root_group\": {},\n  \"metrics\": {\n    \"http_reqs\": {\"count\": 9,\n");
        ResultsReadException e = assertThrows(ResultsReadException.class, () -> read(broken));
        assertTrue(e.getMessage().startsWith(broken + ":5:"), e.getMessage());
        assertTrue(e.getMessage().contains("not a valid k6 summary export"), e.getMessage());
        Path bad = file("bad.json", K6_SUMMARY.replace("\"p(90)\": 146.8", "\"p(90)\": \"fast\"")
                .replace("\"count\": 90", "\"count\": -90"));
        FileReadResult r = read(bad);
        assertEquals(2, r.malformedLines());
        assertEquals(bad + " [metrics.http_req_duration.p(90)]: expected a number, found \"fast\"",
                r.problems().get(0).toString());
        assertEquals("metrics.http_reqs.count", r.problems().get(1).field());
        GivenFigures all = r.aggregates().figures().get(0);
        assertEquals(-1, all.count());
        assertEquals(148.2, all.percentiles().get(95.0), "the rest is kept");
        assertNull(all.percentiles().get(90.0));
    }

    static final String LOCUST_STATS_HEADER = "Type,Name,Request Count,Failure Count,Median Response Time,"
            + "Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,"
            + "Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\n";

    @Test
    void locustStatsGiveEachRowsFiguresAndBadRowsAreReported() throws Exception {
        Path f = file("run_stats.csv", LOCUST_STATS_HEADER
                + "GET,/,31,0,4,5.6,2,20,5,3.1,0,4,5,6,7,9,12,20,20,20,20,20\n"
                + "POST,\"/search?q=a,b\",10,2,110,118.25,90,410,120,1.0,0.2,110,120,120,130,150,410,410,410,410,"
                + "410,410\n"
                + "GET,/never,0,0,0,0.0,0,0,0,0.0,0.0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A\n"
                + "GET,/bad,many,0,4,5.6,2,20,5,3.1,0,4,5,6,7,9,12,20,20,20,20,20\n"
                + ",Aggregated,41,2,5,31.1,2,410,33,4.1,0.2,5,6,7,8,120,150,410,410,410,410,410\n");
        FileReadResult r = read(f);
        assertEquals(JtlFormat.LOCUST_STATS, r.format());
        assertEquals(1, r.malformedLines());
        assertEquals(f + ":5 [Request Count]: expected a non-negative number or N/A, found 'many'",
                r.problems().get(0).toString());
        ToolAggregates t = r.aggregates();
        assertEquals(List.of("GET /", "POST /search?q=a,b", "GET /never", "Aggregated"),
                t.figures().stream().map(GivenFigures::label).toList());
        GivenFigures search = t.figures().get(1);
        assertEquals(10, search.count());
        assertEquals(2, search.errors());
        assertEquals(118.25, search.mean());
        assertEquals(410.0, search.percentiles().get(95.0));
        assertEquals(11, search.percentiles().size());
        assertEquals(1.0, search.throughput());
        assertTrue(t.figures().get(2).percentiles().isEmpty(), "N/A is absent: " + t.figures().get(2));
        assertTrue(t.figures().get(3).overall());
        assertFalse(t.figures().get(0).overall());
        assertTrue(t.notDerived().startsWith("a Locust _stats.csv holds Locust's aggregates"), t.notDerived());
    }

    @Test
    void locustHistoryGivesTheSeriesAndTheLastTotals() throws Exception {
        String header = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,"
                + "99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,"
                + "Total Average Response Time,Total Min Response Time,Total Max Response Time,"
                + "Total Average Content Size\n";
        Path f = file("run_stats_history.csv", header
                + "1700000000,0,,Aggregated,0.000000,0.000000,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,0,0,0,0.0,"
                + "0,0,0\n"
                + "1700000002,5,GET,/,2.5,0.0,4,5,6,7,9,12,20,20,20,20,20,5,0,4,5.6,2,20,5\n"
                + "1700000002,5,,Aggregated,2.5,0.5,4,5,6,7,9,12,20,20,20,20,20,6,1,4,6.1,2,20,5\n"
                + "1700000004,10,,Aggregated,5.0,0.5,5,6,7,8,10,14,22,22,22,22,22,16,2,5,7.25,2,22,5\n"
                + "1700000006,10,,Aggregated,5.0,0.5,5,6,7,8,10,14,22,22");
        FileReadResult r = read(f);
        assertEquals(JtlFormat.LOCUST_HISTORY, r.format());
        assertTrue(r.truncatedTail(), "the last row was cut off");
        ToolAggregates t = r.aggregates();
        assertEquals(4, t.series().size());
        GivenInterval p = t.series().get(3);
        assertEquals(1_700_000_004_000L, p.timeMillis());
        assertEquals(10, p.users());
        assertEquals(5.0, p.requestsPerSecond());
        assertEquals(14.0, p.percentiles().get(95.0));
        assertEquals(16, p.totalCount());
        assertTrue(t.series().get(0).percentiles().isEmpty());
        assertEquals(List.of("Aggregated", "GET /"), t.figures().stream().map(GivenFigures::label).toList());
        GivenFigures all = t.figures().get(0);
        assertEquals(16, all.count(), "the last whole row's totals");
        assertEquals(2, all.errors());
        assertEquals(7.25, all.mean());
        assertEquals(Map.of(50.0, 5.0), all.percentiles(), "the history holds the total median only");
        assertTrue(Double.isNaN(all.throughput()));
    }

    @Test
    void locustFilesWithoutStatisticsAreRefusedNamingTheFilesToGive() throws Exception {
        Path f = file("run_failures.csv", "Method,Name,Error,Occurrences\nGET,/,500,3\n");
        ResultsReadException e = assertThrows(ResultsReadException.class, () -> read(f));
        assertTrue(e.getMessage().startsWith(f + ": a Locust --csv failures (_failures.csv) file")
                && e.getMessage().contains("_stats.csv and _stats_history.csv"), e.getMessage());
    }
}
