package io.jenkins.plugins.perfgate.cli;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perfgate gate --record} with release tags, {@code perfgate note} and {@code perfgate retro}: the failed
 * criteria are kept, a lesson comes back in a later verdict, and the retrospective exports name them.
 */
class RetroCommandTest {

    private static final SyntheticRuns RUNS = SyntheticRuns.of(label("home", 100, 300, 0),
            label("checkout", 250, 300, 0));
    private static final String CRITERIA = "p95 < 1h; p95[label=\"checkout\"] vs baseline < +15%";

    @TempDir
    Path dir;

    private CliRun gate(int build, String tag, double checkout) throws Exception {
        Path s = dir.resolve("run" + build + ".json");
        SummaryJson.write(RUNS.run(build, 1, Map.of("checkout", checkout)), s);
        return CliRun.of("gate", s.toString(), "--criteria", CRITERIA, "--baseline", "previous", "--history",
                dir.resolve("h").toString(), "--record", Integer.toString(build), "--tag", tag);
    }

    @Test
    void notesComeBackAsLessonsAndTheRetrospectiveNamesEverything() throws Exception {
        String h = dir.resolve("h").toString();
        for (int b = 1; b <= 6; b++) {
            assertEquals(0, gate(b, b == 1 ? "v1.3" : "", 1).exit());
        }
        CliRun slow = gate(7, "", 1.5);
        assertEquals(1, slow.exit(), slow.out());
        assertFalse(slow.out().contains("seen before"), slow.out());
        CliRun note = CliRun.of("note", "--dir", h, "--build", "7", "--label", "checkout", "--criterion", "p95",
                "--author", "alice", "the", "connection", "pool", "was", "too", "small");
        assertEquals(0, note.exit(), note.err());
        CliRun unknown = CliRun.of("note", "--dir", h, "--build", "99", "nothing");
        assertEquals(3, unknown.exit());
        assertTrue(unknown.err().contains("#99 is not recorded"), unknown.err());
        for (int b = 8; b <= 10; b++) {
            assertEquals(0, gate(b, b == 10 ? "v1.4" : "", 1).exit());
        }
        // a later build fails the same criterion on the same label: the lesson comes back
        CliRun again = gate(11, "", 1.5);
        assertEquals(1, again.exit(), again.out());
        assertTrue(again.out().contains("note: seen before in #7 (alice, "), again.out());
        assertTrue(again.out().contains("[checkout]: the connection pool was too small"), again.out());

        Path csv = dir.resolve("retro.csv");
        Path json = dir.resolve("retro.json");
        CliRun retro = CliRun.of("retro", "--dir", h, "--from", "v1.3", "--to", "v1.4", "--markdown", "--csv",
                csv.toString(), "--json", json.toString());
        assertEquals(0, retro.exit(), retro.err());
        assertTrue(retro.out().startsWith("# Performance retrospective: v1.3 → v1.4"), retro.out());
        assertTrue(retro.out().contains("| #7 | FAIL | p95[label=\"checkout\"] vs baseline &lt; +15% | checkout |"), retro.out());
        assertTrue(retro.out().contains("#7 checkout (p95)** — alice"), retro.out());
        assertTrue(Files.readString(csv).lines().anyMatch(l -> l.startsWith("failed,7,")), Files.readString(csv));
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(10, j.path("builds").size());
        assertEquals("alice", j.path("notes").get(0).path("author").asText());

        CliRun bad = CliRun.of("retro", "--dir", h, "--from", "v1.2", "--to", "v1.4");
        assertEquals(3, bad.exit());
        assertTrue(bad.err().contains("no build of the history is tagged 'v1.2'; tags: v1.3, v1.4"), bad.err());
    }
}
