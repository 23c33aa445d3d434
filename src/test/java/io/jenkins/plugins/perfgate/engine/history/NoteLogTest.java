package io.jenkins.plugins.perfgate.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoteLogTest {

    @TempDir
    Path dir;

    @Test
    void appendsReadsBackAndSetsATornTailAside() throws Exception {
        NoteLog log = NoteLog.in(dir);
        Note a = new Note(4, "checkout", "p95", "", "alice", 1000, "pool too small\nsee ticket");
        Note b = new Note(7, "", "", "p95 < 800ms", "", 2000, "  GC pauses  ");
        log.append(a);
        log.append(b);
        assertEquals(List.of(a, b), log.read());
        assertEquals("unknown", log.read().get(1).author());
        assertEquals("GC pauses", log.read().get(1).text());
        Files.writeString(log.file(), "{\"build\":9,\"te", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        assertEquals(List.of(a, b), log.read(warnings));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(Files.readString(NoteLog.in(dir).file().resolveSibling("notes.jsonl.torn")).contains("\"te"));
    }

    @Test
    void aBadLineIsAnErrorNamingFileAndLine() throws Exception {
        NoteLog log = NoteLog.in(dir);
        log.append(new Note(4, "", "", "", "a", 1, "fine"));
        Files.writeString(log.file(), "{\"build\":\"x\",\"time\":1,\"text\":\"t\"}\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, log::read);
        assertTrue(e.getMessage().contains("notes.jsonl line 2"), e.getMessage());
    }

    @Test
    void refusesNotesWithoutTextBuildOrAKnownStatistic() {
        assertThrows(IllegalArgumentException.class, () -> new Note(0, "", "", "", "a", 1, "t"));
        assertThrows(IllegalArgumentException.class, () -> new Note(1, "", "", "", "a", 1, "  "));
        assertThrows(IllegalArgumentException.class, () -> new Note(1, "", "p96", "", "a", 1, "t"));
        assertThrows(IllegalArgumentException.class, () -> new Note(1, "", "", "", "a", 1, "x".repeat(2001)));
    }

    @Test
    void aLessonMatchesItsCriterionAndLabel() {
        Note both = new Note(4, "checkout", "", "p95  <  800MS", "a", 1, "t");
        assertTrue(both.matches("p95 < 800ms", Metric.P95, "checkout"));
        assertFalse(both.matches("p95 < 800ms", Metric.P95, "home"));
        assertFalse(both.matches("p99 < 800ms", Metric.P99, "checkout"));
        Note statistic = new Note(4, "", "", "p95", "a", 1, "t");
        assertTrue(statistic.matches("p95 vs baseline < +10%", Metric.P95, "home"));
        assertFalse(statistic.matches("error% < 1", Metric.ERROR_PERCENT, "home"));
        Note labelOnly = new Note(4, "home", "", "", "a", 1, "t");
        assertTrue(labelOnly.matches("error% < 1", Metric.ERROR_PERCENT, "home"));
        Note changePoint = new Note(4, "home", "p95", "", "a", 1, "t");
        assertTrue(changePoint.matches("p95 < 1s", Metric.P95, "home"));
        assertFalse(changePoint.matches("error% < 1", Metric.ERROR_PERCENT, "home"));
        assertFalse(new Note(4, "", "", "", "a", 1, "untagged").matches("error% < 1", Metric.ERROR_PERCENT, "home"));
    }
}
