package io.jenkins.plugins.perfgate.engine.history;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryHistoryStoreTest {

    private static final SyntheticRuns RUNS = SyntheticRuns.of(label("home", 100, 200, 0.01),
            label("cart", 250, 200, 0));

    @TempDir
    Path dir;

    @Test
    void recordsAndLoadsBuildsWithTheirFiguresAndRepetitions() throws IOException {
        DirectoryHistoryStore store = new DirectoryHistoryStore(dir.resolve("history"));
        assertTrue(store.load().entries().isEmpty());
        RunSummary one = RUNS.run(1, 1);
        store.record(new BuildRef(1, "build-1", 111, BuildResult.SUCCESS, "v1.0", "abc123"), one);
        RunSummary r1 = RUNS.run(21, 1);
        RunSummary r2 = RUNS.run(22, 1.1);
        store.record(BuildRef.of(2, 222, BuildResult.UNSTABLE), r1.merge(r2), List.of(r1, r2));

        History h = store.load();
        assertEquals(List.of(), h.warnings());
        assertEquals(2, h.entries().size());
        HistoryEntry e1 = h.entry(1).orElseThrow();
        assertEquals(new BuildRef(1, "build-1", 111, BuildResult.SUCCESS, "v1.0", "abc123"), e1.build());
        assertEquals(RunFigures.of(one), e1.figures());
        HistoryEntry e2 = h.entry(2).orElseThrow();
        assertEquals(2, e2.repeats().size());
        assertEquals(RunFigures.of(r2), e2.repeats().get(1));
        assertEquals(one.label("cart").get().percentile(95), store.summary(1).orElseThrow().label("cart").get()
                .percentile(95));
        assertTrue(store.summary(3).isEmpty());

        // re-recording replaces, repetitions included
        store.record(BuildRef.of(1, 333, BuildResult.FAILURE), RUNS.run(5, 2));
        assertEquals(BuildResult.FAILURE, store.load().entry(1).get().build().result());
        store.record(BuildRef.of(2, 444, BuildResult.SUCCESS), r1);
        assertTrue(store.load().entry(2).get().repeats().isEmpty());
        assertTrue(Files.notExists(dir.resolve("history/2/repeat-1.json")));
    }

    @Test
    void corruptUnknownAndMisplacedEntriesAreSkippedWithAWarning() throws IOException {
        DirectoryHistoryStore store = new DirectoryHistoryStore(dir);
        for (int n = 1; n <= 5; n++) {
            store.record(BuildRef.of(n, n, BuildResult.SUCCESS), RUNS.run(n, 1));
        }
        Files.writeString(dir.resolve("2/figures.json"), "{\"perfgateFigures\": 1, \"build\": {\"numb");
        String three = Files.readString(dir.resolve("3/figures.json"));
        Files.writeString(dir.resolve("3/figures.json"), three.replace("\"perfgateFigures\":2",
                "\"perfgateFigures\":99"));
        Files.delete(dir.resolve("4/figures.json"));
        Files.createDirectories(dir.resolve("7"));
        Files.writeString(dir.resolve("7/figures.json"), Files.readString(dir.resolve("5/figures.json")));
        Files.createDirectories(dir.resolve("05"));
        Files.writeString(dir.resolve("05/figures.json"), Files.readString(dir.resolve("5/figures.json")));
        Files.writeString(dir.resolve("notes.txt"), "not a build");
        Files.createDirectories(dir.resolve("tmp"));

        History h = store.load();
        assertEquals(List.of(1L, 5L), h.entries().stream().map(HistoryEntry::number).toList());
        assertEquals(5, h.warnings().size(), h.warnings().toString());
        String all = String.join("\n", h.warnings());
        assertTrue(all.contains("2" + java.io.File.separator + "figures.json: not JSON"), all);
        assertTrue(all.contains("unknown history schema version 99"), all);
        assertTrue(all.contains("no figures.json"), all);
        assertTrue(all.contains("records build #5 but sits in directory 7"), all);
        assertTrue(all.contains("records build #5 but sits in directory 05"), all);

        // the streaming read hands over the same entries and warns the same way
        List<Long> streamed = new java.util.ArrayList<>();
        assertEquals(h.warnings(), store.scan(e -> streamed.add(e.number())));
        streamed.sort(null);
        assertEquals(List.of(1L, 5L), streamed);
    }

    @Test
    void anOversizedIndexFileIsSkippedNotRead() throws IOException {
        DirectoryHistoryStore store = new DirectoryHistoryStore(dir, 64 * 1024);
        store.record(BuildRef.of(1, 1, BuildResult.SUCCESS), RUNS.run(1, 1));
        store.record(BuildRef.of(2, 2, BuildResult.SUCCESS), RUNS.run(2, 1));
        Files.writeString(dir.resolve("2/figures.json"), " ".repeat(70 * 1024) + "{}");
        History h = store.load();
        assertEquals(List.of(1L), h.entries().stream().map(HistoryEntry::number).toList());
        assertTrue(h.warnings().get(0).contains("more than 65536 expected"), h.warnings().toString());
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("history"), "x");
        IOException e = assertThrows(IOException.class, () -> new DirectoryHistoryStore(file).load());
        assertTrue(e.getMessage().contains("not a directory"));
    }

    @Test
    void figuresRoundTripKeepsNaNAsMissing() throws IOException {
        RunFigures f = RunFigures.of(RUNS.run(3, 1));
        HistoryEntry entry = new HistoryEntry(BuildRef.of(9, 1, BuildResult.SUCCESS), f);
        String json = HistoryJson.toJson(entry);
        assertEquals(entry, HistoryJson.fromJson(json, "x"));
        String older = HistoryJson.toJsonVersion1(entry).replaceFirst("\"apdex\":[^,]*,", "");
        HistoryEntry read = HistoryJson.fromJson(older, "x");
        assertTrue(Double.isNaN(read.figures().overall().get(Metric.APDEX)));
        HistoryFormatException bad = assertThrows(HistoryFormatException.class, () -> HistoryJson.fromJson(
                HistoryJson.toJsonVersion1(entry).replaceFirst("\"p95\":[0-9.]+", "\"p95\":\"slow\""), "f.json"));
        assertTrue(bad.getMessage().contains("p95 is not a number"), bad.getMessage());
    }
}
