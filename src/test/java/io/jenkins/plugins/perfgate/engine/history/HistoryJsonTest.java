package io.jenkins.plugins.perfgate.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.LazyLabelRows;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history entry's compact form (version 2) and the reading of version 1 entries. */
class HistoryJsonTest {

    private static LabelFigures row(String label, double scale) {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            v.put(m, m == Metric.CONNECT_P99 ? Double.NaN : (m.ordinal() + 1) * scale + 0.125);
        }
        v.put(Metric.COUNT, 1000 * scale);
        return new LabelFigures(label, v);
    }

    private static HistoryEntry entry(int labels) {
        List<LabelFigures> rows = new ArrayList<>();
        for (int i = labels; i > 0; i--) { // written sorted whatever the order given
            rows.add(row("GET /api/\"items\"/" + i + " ✓", i));
        }
        RunFigures run = new RunFigures(RunStatus.COMPLETE, "", row("TOTAL", 100), rows);
        RunFigures repeat = new RunFigures(RunStatus.INCOMPLETE, "stopped", row("TOTAL", 50), rows.subList(0, 1));
        return new HistoryEntry(new BuildRef(7, "7", 1_700_000_000_000L, BuildResult.UNSTABLE, "v1.2", "abc"), run,
                List.of(repeat, repeat));
    }

    @Test
    void compactEntriesReadBackEqualAndAreSmallerThanVersion1() throws HistoryFormatException {
        HistoryEntry e = entry(50);
        String json = HistoryJson.toJson(e);
        assertTrue(json.startsWith("{\"perfgateFigures\":2,"), json);
        assertEquals(e, HistoryJson.fromJson(json, "x"));
        String v1 = HistoryJson.toJsonVersion1(e);
        assertEquals(e, HistoryJson.fromJson(v1, "x"), "version 1 entries still read");
        assertTrue(json.length() * 2 < v1.length(), json.length() + " vs " + v1.length());
    }

    @Test
    void labelRowsAreDecodedOnlyWhenLookedUp() throws HistoryFormatException {
        HistoryEntry read = HistoryJson.fromJson(HistoryJson.toJson(entry(20)), "x");
        LazyLabelRows rows = (LazyLabelRows) read.figures().labels();
        assertEquals(20, rows.size());
        assertEquals(100_000, read.figures().overall().count());
        assertEquals(0, rows.decodedRows(), "the overall row needs no label row");
        assertEquals(20, read.figures().labelNames().size());
        assertEquals(0, rows.decodedRows(), "nor do the labels' names");
        assertEquals(3_000, read.figures().label("GET /api/\"items\"/3 ✓").orElseThrow().count());
        assertEquals(1, rows.decodedRows(), "a label's row is found without decoding the others");
        assertTrue(read.figures().label("GET /nothing").isEmpty());
        assertEquals("GET /api/\"items\"/1 ✓", rows.get(0).label(), "sorted by label");
        assertEquals(row("GET /api/\"items\"/1 ✓", 1), rows.get(0));
    }

    @Test
    void unknownMetricsAreIgnoredAndMissingOnesReadAsNaN() throws HistoryFormatException {
        String json = HistoryJson.toJson(entry(2)).replace("\"metrics\":[\"mean\",", "\"metrics\":[\"future\",");
        HistoryEntry read = HistoryJson.fromJson(json, "x");
        assertTrue(Double.isNaN(read.figures().overall().get(Metric.MEAN)));
        assertEquals(100_000, read.figures().overall().count());
        assertEquals(2_000, read.figures().label("GET /api/\"items\"/2 ✓").orElseThrow().count());
    }

    @Test
    void badEntriesAreRefusedWhenReadNamingWhere() {
        String json = HistoryJson.toJson(entry(3));
        String badValue = json.replaceFirst("(\\[\"GET /api/[^\\]]*/2 ✓\",)[0-9.]+", "$1\"slow\"");
        HistoryFormatException e = assertThrows(HistoryFormatException.class,
                () -> HistoryJson.fromJson(badValue, "history.jsonl line 4"));
        assertTrue(e.getMessage().startsWith("history.jsonl line 4 label row 2: value 1 is not a number"),
                e.getMessage());
        String tooMany = json.replaceFirst("(\\[\"GET /api/[^\\]]*/3 ✓\",)", "$11,");
        e = assertThrows(HistoryFormatException.class, () -> HistoryJson.fromJson(tooMany, "f"));
        assertTrue(e.getMessage().contains("more than the 26 metrics named"), e.getMessage());
        String metrics = json.replaceFirst(".*(,\"metrics\":\\[[^\\]]*\\]).*", "$1");
        String late = json.replace(metrics, "").replaceFirst("}$", metrics + "}");
        e = assertThrows(HistoryFormatException.class, () -> HistoryJson.fromJson(late, "f"));
        assertTrue(e.getMessage().contains("'metrics' must come before the runs"), e.getMessage());
        String longNumber = json.replaceFirst("(\\[\"GET /api/[^\\]]*/3 ✓\",)[0-9.]+", "$1" + "1".repeat(40));
        e = assertThrows(HistoryFormatException.class, () -> HistoryJson.fromJson(longNumber, "f"));
        assertTrue(e.getMessage().contains("40 characters long"), e.getMessage());
        String reordered = json.replace("{\"perfgateFigures\":2,", "{").replaceFirst("}$",
                ",\"perfgateFigures\":2}");
        e = assertThrows(HistoryFormatException.class, () -> HistoryJson.fromJson(reordered, "f"));
        assertTrue(e.getMessage().contains("must start with its version"), e.getMessage());
    }

    @Test
    void rowsOutOfOrderAreSortedWhenRead() throws HistoryFormatException {
        HistoryEntry e = entry(3);
        String json = HistoryJson.toJson(e);
        String first = json.replaceFirst(".*?(\\[\"GET /api/[^\\]]*/1 ✓\"[^\\]]*\\]),.*", "$1");
        String last = json.replaceFirst(".*(\\[\"GET /api/[^\\]]*/3 ✓\"[^\\]]*\\])\\].*", "$1");
        int at = json.indexOf("\"labels\":[") + 10;
        String swapped = json.substring(0, at) + json.substring(at).replaceFirst(java.util.regex.Pattern.quote(first),
                "FIRST").replaceFirst(java.util.regex.Pattern.quote(last), java.util.regex.Matcher.quoteReplacement(
                first)).replace("FIRST", last);
        assertTrue(!swapped.equals(json), swapped);
        assertEquals(e, HistoryJson.fromJson(swapped, "x"));
        assertFalse(HistoryJson.fromJson(swapped, "x").figures().labels() instanceof LazyLabelRows);
    }
}
