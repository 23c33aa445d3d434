package io.jenkins.plugins.perfgate.engine.gate;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaybookTest {

    @Test
    void everyMetricHasThePlaybookOfItsKind() {
        assertEquals(Playbook.LATENCY, Playbook.forMetric(Metric.P95));
        assertEquals(Playbook.LATENCY, Playbook.forMetric(Metric.P99));
        assertEquals(Playbook.LATENCY, Playbook.forMetric(Metric.MEAN));
        assertEquals(Playbook.LATENCY, Playbook.forMetric(Metric.LATENCY_P90));
        assertEquals(Playbook.ERRORS, Playbook.forMetric(Metric.ERROR_PERCENT));
        assertEquals(Playbook.ERRORS, Playbook.forMetric(Metric.ERRORS));
        assertEquals(Playbook.THROUGHPUT, Playbook.forMetric(Metric.THROUGHPUT));
        assertEquals(Playbook.THROUGHPUT, Playbook.forMetric(Metric.RECEIVED_BYTES_PER_SEC));
    }

    @Test
    void criteriaAsWrittenFindTheirPlaybook() {
        assertEquals(Optional.of(Playbook.LATENCY), Playbook.forCriterion("p99[label=~\"checkout.*\"] < 2s"));
        assertEquals(Optional.of(Playbook.LATENCY), Playbook.forCriterion("median vs baseline < +10%"));
        assertEquals(Optional.of(Playbook.ERRORS), Playbook.forCriterion("error_rate < 1% => unstable"));
        assertEquals(Optional.of(Playbook.THROUGHPUT), Playbook.forCriterion("tps > 100"));
        // long-run figures, whatever the criteria language calls them
        assertEquals(Optional.of(Playbook.SOAK), Playbook.forCriterion("p95_drift < 5%"));
        assertEquals(Optional.of(Playbook.SOAK), Playbook.forCriterion("trend(p95) < 1ms/min"));
        assertEquals(Optional.empty(), Playbook.forCriterion("run status"));
        assertEquals(Optional.empty(), Playbook.forCriterion(""));
        assertEquals(Optional.empty(), Playbook.forCriterion(null));
    }

    @Test
    void everyPlaybookIsADocumentUnderTheOneBaseUrl() throws Exception {
        for (Playbook p : Playbook.values()) {
            assertEquals(Playbook.BASE_URL + p.document(), p.url());
            assertTrue(Files.isRegularFile(Path.of("docs", "playbooks", p.document())),
                    "docs/playbooks/" + p.document());
        }
        assertTrue(Files.readString(Path.of("docs", "playbooks", "README.md")).contains(Playbook.BASE_URL),
                "the base URL is documented");
    }

    @Test
    void theVerdictNamesThePlaybooksOfWhatFailedOnce() {
        SyntheticRuns runs = SyntheticRuns.of(label("home", 120, 400, 0.002), label("cart", 200, 400, 0.002));
        RunSummary run = runs.run(7, 1);
        HistoryEntry candidate = new HistoryEntry(BuildRef.of(1, 1, BuildResult.SUCCESS), RunFigures.of(run));
        Verdict v = new Gate(GateOptions.defaults()).judge(CriteriaParser.parseAll(
                "p95[label~\"*\"] < 1ms; p99 < 1ms => unstable; error% < 50; rps < 0.001 => warn"), candidate,
                History.empty());
        assertEquals(GateResult.FAIL, v.result(), v.format());
        // p95 and p99 failed on several labels: one latency playbook; the warning has none
        assertEquals(List.of(Playbook.LATENCY), v.playbooks());
        String text = v.format();
        assertEquals(1, text.split("playbook: ", -1).length - 1, text);
        assertTrue(text.contains("playbook: p95 regressed: " + Playbook.LATENCY.url() + "\n"), text);
        assertFalse(text.contains(Playbook.THROUGHPUT.url()), text);
    }
}
