package io.jenkins.plugins.perfgate.engine.history;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HistoryReportTest {

    private static final SyntheticRuns RUNS = SyntheticRuns.of(label("home", 100, 300, 0),
            label("checkout", 250, 300, 0));

    /** 30 builds; from #16 on checkout is 30 % slower; #20 incomplete; every 5th build tagged. */
    private static History history() {
        Random r = new Random(9);
        List<HistoryEntry> entries = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            double noise = 1 + 0.02 * r.nextGaussian();
            RunFigures f = RunFigures.of(RUNS.run(n, noise, Map.of("checkout", n >= 16 ? 1.3 : 1.0)));
            if (n == 20) {
                f = new RunFigures(RunStatus.INCOMPLETE, "lost a generator", f.overall(), f.labels());
            }
            String tag = n % 5 == 0 ? "v1." + n / 5 : "";
            entries.add(new HistoryEntry(new BuildRef(n, "", 1000L * n, BuildResult.SUCCESS, tag, "c" + n), f));
        }
        return new History(entries, List.of());
    }

    @Test
    void namesTheBuildWhereALabelShiftedAndBySize() {
        HistoryReport report = HistoryReport.of(history(), HistoryReport.Options.defaults());
        assertEquals(List.of("TOTAL", "checkout", "home"), report.labels().stream().map(LabelTrend::label).toList());
        LabelTrend checkout = report.labels().get(1);
        assertEquals(29, checkout.points().size(), "the incomplete build is left out");
        List<ChangePoint> p95 = checkout.changePoints().stream().filter(c -> c.metric() == Metric.P95).toList();
        assertEquals(1, p95.size(), checkout.changePoints().toString());
        assertEquals(16, p95.get(0).build().number());
        assertEquals(0.3, p95.get(0).relativeShift(), 0.08);
        assertTrue(p95.get(0).regression());
        LabelTrend home = report.labels().get(2);
        assertTrue(home.changePoints().stream().noneMatch(c -> c.metric() == Metric.P95), home.changePoints()
                .toString());
    }

    @Test
    void collectorGivenEntriesInAnyOrderReportsWhatTheWholeHistoryDoes() {
        List<HistoryEntry> shuffled = new ArrayList<>(history().entries());
        java.util.Collections.shuffle(shuffled, new Random(3));
        for (HistoryReport.Options options : List.of(HistoryReport.Options.defaults(),
                HistoryReport.Options.defaults().withLabel("checkout"),
                HistoryReport.Options.defaults().withLabel("absent"))) {
            HistoryReport.Collector c = new HistoryReport.Collector(options);
            shuffled.forEach(c::accept);
            assertEquals(HistoryReport.of(history(), options), c.report());
        }
        HistoryReport.Collector twice = new HistoryReport.Collector(HistoryReport.Options.defaults());
        twice.accept(shuffled.get(0));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> twice.accept(shuffled.get(0)));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
    }

    @Test
    void rendersTableCsvAndJson() throws Exception {
        HistoryReport report = HistoryReport.of(history(), HistoryReport.Options.defaults().withLabel("checkout"));
        assertEquals(1, report.labels().size());
        String table = HistoryReportFormat.table(report, false);
        assertTrue(table.contains("label checkout (29 builds"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("  * #16") && l.contains("▲")), table);
        assertEquals(1, table.chars().filter(ch -> ch == '▲').count(), table);
        assertTrue(table.contains("* p95 +"), table);
        String tagged = HistoryReportFormat.table(report, true);
        assertTrue(tagged.contains("v1.3") && !tagged.contains("#17 "), tagged);
        assertTrue(tagged.contains("#16"), "change points stay visible: " + tagged);

        String csv = HistoryReportFormat.csv(report);
        String[] lines = csv.split("\n");
        assertEquals("label,build,id,timeMillis,result,tag,commit,p95,error%,rps,change p95,change error%,change rps",
                lines[0]);
        assertEquals(30, lines.length);
        String b16 = java.util.Arrays.stream(lines).filter(l -> l.startsWith("checkout,16,")).findFirst()
                .orElseThrow();
        assertTrue(b16.startsWith("checkout,16,16,16000,SUCCESS,,c16,"), b16);
        assertFalse(b16.endsWith(",,,"), "change point marked: " + b16);

        JsonNode json = new ObjectMapper().readTree(HistoryReportFormat.json(report));
        JsonNode cp = json.path("labels").get(0).path("changePoints").get(0);
        assertEquals(16, cp.path("build").asInt());
        assertEquals("p95", cp.path("metric").asText());
        assertTrue(cp.path("regression").asBoolean());
        assertEquals(29, json.path("labels").get(0).path("builds").size());
    }

    @Test
    void csvCellsAreQuotedAndDefused() {
        assertEquals("\"a,b\"", HistoryReportFormat.csv("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", HistoryReportFormat.csv("say \"hi\""));
        assertEquals("'=cmd()", HistoryReportFormat.csv("=cmd()"));
    }
}
