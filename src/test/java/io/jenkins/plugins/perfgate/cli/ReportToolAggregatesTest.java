package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perfgate report} with a JMeter CSV, a Locust {@code _stats.csv} and a k6 summary export (fixtures to the
 * documented formats: https://docs.locust.io/en/stable/retrieving-stats.html,
 * https://grafana.com/docs/k6/latest/results-output/end-of-test/): the console lists each file with its tool and
 * prints the tools' own figures with what cannot be derived; the HTML report shows them escaped; a report of such
 * files only has no results to judge.
 */
class ReportToolAggregatesTest {

    @TempDir
    Path tmp;

    private static final String LOCUST = "Type,Name,Request Count,Failure Count,Median Response Time,"
            + "Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,"
            + "Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\n"
            + "GET,\"/<script>alert(1)</script>\",31,1,4,5.6,2,20,5,3.1,0.1,4,5,6,7,9,12,20,20,20,20,20\n"
            + ",Aggregated,31,1,4,5.6,2,20,5,3.1,0.1,4,5,6,7,9,12,20,20,20,20,20\n";

    private static final String K6 = "{\"root_group\": {}, \"metrics\": {"
            + "\"http_req_duration\": {\"avg\": 140.3, \"min\": 119, \"med\": 140.9, \"max\": 154.6, "
            + "\"p(90)\": 146.8, \"p(95)\": 148.2}, \"http_reqs\": {\"count\": 90, \"rate\": 13.12},"
            + "\"http_req_failed\": {\"passes\": 5, \"fails\": 85, \"value\": 0.055}}}";

    @Test
    void aMixListsEachFileAndShowsTheToolsFiguresAsGiven() throws Exception {
        Path csv = Files.writeString(tmp.resolve("jmeter.csv"), "timeStamp,elapsed,label,responseCode,success\n"
                + "1700000000000,100,home,200,true\n1700000000100,300,home,500,false\n");
        Path locust = Files.writeString(tmp.resolve("run_stats.csv"), LOCUST);
        Path k6 = Files.writeString(tmp.resolve("summary.json"), K6);
        Path html = tmp.resolve("report");
        CliRun r = CliRun.of("report", csv.toString(), locust.toString(), k6.toString(), "--html", html.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(locust + ": Locust stats CSV, the tool's own aggregates (no samples)"), r.out());
        assertTrue(r.out().contains(csv + ": JMeter CSV, 2 samples"), r.out());
        assertTrue(r.out().contains("  all requests: 90 requests, 5 errors, min 119 ms, mean 140.3 ms, p50 140.9 ms, "
                + "p90 146.8 ms, p95 148.2 ms, max 154.6 ms, 13.12/s"), r.out());
        assertTrue(r.out().contains("  Aggregated (all requests): 31 requests, 1 error"), r.out());
        assertTrue(r.out().contains("Not derived: a k6 --summary-export file holds"), r.out());
        String page = Files.readString(html.resolve("index.html"));
        assertTrue(page.contains("Figures other tools computed"), "the section is there");
        assertTrue(page.contains("/&lt;script&gt;alert(1)&lt;/script&gt;"), "Locust's name escaped");
        assertFalse(page.contains("<script>alert"), "never markup");
        assertTrue(page.contains("<th>p99.99 ms</th>"), "Locust's percentile columns as given");
    }

    @Test
    void aggregatesOnlyAreReadButThereIsNothingToJudge() throws Exception {
        Path locust = Files.writeString(tmp.resolve("run_stats.csv"), LOCUST);
        Path json = tmp.resolve("summary.json");
        CliRun r = CliRun.of("report", locust.toString(), "--out", json.toString());
        assertEquals(PerfgateCli.EXIT_INVALID_INPUT, r.exit(), r.out());
        assertTrue(r.err().contains("NO_RESULTS") && r.err().contains("toolAggregates"), r.err());
        assertTrue(Files.readString(json).contains("\"toolAggregates\""), "the summary is written all the same");
    }
}
