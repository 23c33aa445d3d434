package io.jenkins.plugins.perfgate.engine.retro;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.CheckOutcome;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.history.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetrospectiveTest {

    private static final SyntheticRuns RUNS = SyntheticRuns.of(label("home", 100, 300, 0),
            label("checkout", 250, 300, 0));

    /** 30 builds, every 5th tagged v1.N; from #16 on checkout is 30 % slower; #17 failed. */
    static History history() {
        Random r = new Random(9);
        List<HistoryEntry> entries = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            double noise = 1 + 0.02 * r.nextGaussian();
            RunFigures f = RunFigures.of(RUNS.run(n, noise, Map.of("checkout", n >= 16 ? 1.3 : 1.0)));
            String tag = n % 5 == 0 ? "v1." + n / 5 : "";
            BuildResult result = n == 17 ? BuildResult.FAILURE : BuildResult.SUCCESS;
            entries.add(new HistoryEntry(new BuildRef(n, "", 1000L * n, result, tag, "c0ffee" + n), f));
        }
        return new History(entries, List.of());
    }

    private static final List<Note> NOTES = List.of(
            new Note(3, "", "", "", "bob", 1_000, "before the range"),
            new Note(16, "checkout", "p95", "", "alice", 2_000, "pool | too <script>small</script>"),
            new Note(18, "", "", "", "carol", 3_000, "deployed on a busy host"));

    private static Retrospective retro() throws Exception {
        return Retrospective.of(history(), "v1.2", "v1.4", NOTES, b -> b == 17
                ? List.of(new CheckOutcome("p95 < 300ms", "checkout", "FAIL", "FAIL p95 < 300ms [checkout]: 325 ms"))
                : List.of());
    }

    @Test
    void coversTheRangeWithItsChangePointsFailuresNoiseAndNotes() throws Exception {
        Retrospective r = retro();
        assertEquals(10, r.builds().get(0).number());
        assertEquals(20, r.builds().get(r.builds().size() - 1).number());
        assertEquals(11, r.builds().size());
        ChangePoint cp = r.changePoints().stream().filter(c -> c.label().equals("checkout")
                && c.metric() == Metric.P95).findFirst().orElseThrow(() -> new AssertionError(r.changePoints()));
        assertEquals(16, cp.build().number());
        assertEquals(List.of(NOTES.get(1)), r.notesAbout(cp));
        assertEquals(List.of(NOTES.get(2)), r.buildNotes());
        assertEquals(List.of(17L), List.copyOf(r.failed().keySet()));
        // release rows of checkout: v1.2, v1.3, v1.4 with v1.4 about 30 % slower than v1.3
        List<Retrospective.ReleaseRow> checkout = r.releases().stream().filter(x -> x.label().equals("checkout"))
                .toList();
        assertEquals(List.of("v1.2", "v1.3", "v1.4"), checkout.stream().map(x -> x.build().releaseTag()).toList());
        assertTrue(Double.isNaN(checkout.get(0).relativeChange(Metric.P95)));
        double shift = checkout.get(2).relativeChange(Metric.P95);
        assertTrue(shift > 0.1 && shift < 0.5, "v1.3 to v1.4: " + shift);
        // the noise around each level is the synthetic 2 %, not the 30 % shift
        Retrospective.NoiseRow n = r.noise().stream().filter(x -> x.label().equals("checkout")
                && x.metric() == Metric.P95).findFirst().orElseThrow();
        assertEquals(10, n.builds(), "the failed build is not measured");
        assertTrue(n.relative() > 0.003 && n.relative() < 0.06, "noise " + n.relative());
    }

    @Test
    void unknownTagsAndAReversedRangeAreClearErrors() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Retrospective.of(history(), "v9", "v1.4", List.of(), b -> List.of()));
        assertTrue(unknown.getMessage().contains("'v9'") && unknown.getMessage().contains("v1.1, v1.2"),
                unknown.getMessage());
        IllegalArgumentException reversed = assertThrows(IllegalArgumentException.class,
                () -> Retrospective.of(history(), "v1.4", "v1.2", List.of(), b -> List.of()));
        assertTrue(reversed.getMessage().contains("comes after"), reversed.getMessage());
    }

    @Test
    void markdownCsvAndJsonCarryEverySectionWithPeoplesTextEscaped() throws Exception {
        Retrospective r = retro();
        String md = RetroFormat.markdown(r);
        assertTrue(md.startsWith("# Performance retrospective: v1.2 → v1.4"), md);
        assertTrue(md.contains("| checkout | v1.4 | #20 |"), md);
        assertTrue(md.contains("| #16 | c0ffee16 | checkout | p95 |"), md);
        assertTrue(md.contains("alice: pool \\| too &lt;script&gt;small&lt;/script&gt;"), md);
        assertFalse(md.contains("<script>"), md);
        assertTrue(md.contains("| #17 | FAIL | p95 &lt; 300ms | checkout |"), md);
        assertTrue(md.contains("deployed on a busy host"), md);
        assertFalse(md.contains("before the range"), md);

        String csv = RetroFormat.csv(r);
        assertTrue(csv.startsWith("section,build,tag,commit,label,statistic,value,change,detail\n"), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("changepoint,16,,c0ffee16,checkout,p95,")), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("failed,17,,c0ffee17,checkout,p95 < 300ms,FAIL,")), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("release,20,v1.4,c0ffee20,checkout,p95,")), csv);
        assertTrue(csv.contains("note,16,,c0ffee16,checkout,p95,alice,"), csv);

        JsonNode json = new ObjectMapper().readTree(RetroFormat.json(r));
        assertEquals("v1.2", json.path("from").asText());
        assertEquals(11, json.path("builds").size());
        assertEquals("pool | too <script>small</script>", json.path("notes").get(0).path("text").asText());
        assertEquals(17, json.path("failed").get(0).path("build").asLong());
        assertTrue(json.path("changePoints").size() >= 1);
        assertEquals(3 * 3, json.path("releases").size(), "3 releases of TOTAL, checkout and home");
    }
}
