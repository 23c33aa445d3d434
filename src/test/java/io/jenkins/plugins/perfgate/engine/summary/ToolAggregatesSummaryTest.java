package io.jenkins.plugins.perfgate.engine.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.results.ToolAggregates;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of other tools' own aggregates in a summary: kept in {@code toolAggregates} beside the label rows built
 * from samples, written to the summary JSON and read back as they were, merged by listing; a summary of such files
 * only has no results to judge and says where its figures are. Fixtures as in {@code ToolAggregatesTest} (Locust's
 * documented _stats.csv and _stats_history.csv headers, https://docs.locust.io/en/stable/retrieving-stats.html).
 */
class ToolAggregatesSummaryTest {

    @TempDir
    Path dir;

    private static final String STATS = "Type,Name,Request Count,Failure Count,Median Response Time,"
            + "Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,"
            + "Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\n"
            + "GET,/,31,1,4,5.6,2,20,5,3.1,0.1,4,5,6,7,9,12,20,20,20,20,20\n"
            + ",Aggregated,31,1,4,5.6,2,20,5,3.1,0.1,4,5,6,7,9,12,20,20,20,20,20\n";

    private static final String HISTORY = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,"
            + "90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,"
            + "Total Average Response Time,Total Min Response Time,Total Max Response Time,"
            + "Total Average Content Size\n"
            + "1700000002,5,,Aggregated,2.5,N/A,4,5,6,7,9,12,20,20,20,20,20,6,1,4,6.1,2,20,5\n";

    private final Summarizer summarizer = new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults());

    @Test
    void aggregatesSitBesideTheSamplesAndSurviveTheJson() throws Exception {
        Path csv = Files.writeString(dir.resolve("jmeter.csv"), "timeStamp,elapsed,label,responseCode,success\n"
                + "1700000000000,100,home,200,true\n");
        Path stats = Files.writeString(dir.resolve("run_stats.csv"), STATS);
        Path history = Files.writeString(dir.resolve("run_stats_history.csv"), HISTORY);
        RunSummary s = summarizer.summarize(List.of(Summarizer.Source.of(csv), Summarizer.Source.of(stats),
                Summarizer.Source.of(history)));
        assertEquals(RunStatus.COMPLETE, s.status());
        assertEquals(List.of("home"), s.labels().stream().map(l -> l.label()).toList(),
                "the label rows hold samples only");
        assertEquals(1, s.overall().count());
        assertEquals(List.of("csv", "locust-stats", "locust-history"),
                s.sources().stream().map(f -> f.format()).toList());
        assertEquals(2, s.toolAggregates().size());
        RunSummary back = SummaryJson.fromJson(SummaryJson.toJson(s));
        assertEquals(s.toolAggregates(), back.toolAggregates(), "absent figures stay absent, given ones as given");
        ToolAggregates h = back.toolAggregates().get(1);
        assertTrue(Double.isNaN(h.series().get(0).failuresPerSecond()), "N/A stays absent");
        assertEquals(20.0, h.series().get(0).percentiles().get(100.0));
        assertEquals(4, back.merge(back).toolAggregates().size(), "a merge lists both sides' files");
        assertEquals(s.toolAggregates().get(1).series().get(0).timeMillis() - 1000,
                s.shifted(-1000).toolAggregates().get(1).series().get(0).timeMillis());
    }

    @Test
    void aggregatesOnlyHaveNoResultsToJudgeAndSaySo() throws Exception {
        Path stats = Files.writeString(dir.resolve("run_stats.csv"), STATS);
        RunSummary s = summarizer.summarize(List.of(Summarizer.Source.of(stats)));
        assertEquals(RunStatus.NO_RESULTS, s.status());
        assertTrue(s.statusReason().contains("toolAggregates"), s.statusReason());
        assertEquals(31, s.toolAggregates().get(0).figures().get(0).count());
        assertFalse(SummaryJson.toJson(summarizer.summarize(List.of(Summarizer.Source.of(
                Files.writeString(dir.resolve("j.csv"), "timeStamp,elapsed,label,responseCode,success\n"
                        + "1700000000000,100,home,200,true\n"))))).contains("toolAggregates"),
                "summaries of samples only are unchanged");
    }
}
