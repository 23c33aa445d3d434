package io.jenkins.plugins.perfgate.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.Jtl;
import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.Summarizer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's history index on its own: appends, newest line wins, deletions, corrupt lines, compaction. */
class JobHistoryStoreTest {

    @TempDir
    Path dir;

    private RunSummary summary(int base) throws Exception {
        Path jtl = dir.resolve("r" + base + ".jtl");
        Files.writeString(jtl, new Jtl().add("api", 50, base, 10, 0).text());
        return new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults())
                .summarize(List.of(Summarizer.Source.of(jtl)));
    }

    @Test
    void recordsUpdatesRemovesSkipsCorruptLinesAndCompacts() throws Exception {
        File index = dir.resolve("perfgate/history.jsonl").toFile();
        JobHistoryStore store = new JobHistoryStore(new HistoryIndexes(), null, index);
        assertTrue(store.load().entries().isEmpty());

        RunSummary fast = summary(100);
        RunSummary slow = summary(300);
        store.record(BuildRef.of(1, 1000, BuildResult.UNKNOWN), fast);
        store.record(BuildRef.of(2, 2000, BuildResult.UNKNOWN), slow);
        store.updateResult(1, BuildResult.SUCCESS);
        History h = store.load();
        assertEquals(2, h.entries().size());
        assertEquals(BuildResult.SUCCESS, h.entry(1).orElseThrow().build().result(), "newest line of a build wins");
        assertEquals(fast.overall().percentile(95), (long) h.entry(1).orElseThrow().figures().overall()
                .get(io.jenkins.plugins.perfgate.engine.compare.Metric.P95));

        Files.writeString(index.toPath(), "{not json\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        store.remove(2);
        h = store.load();
        assertEquals(List.of(1L), h.entries().stream().map(e -> e.number()).toList());
        assertEquals(1, h.warnings().size(), "the corrupt line is skipped and named");
        assertTrue(h.warnings().get(0).contains("line 4"), h.warnings().get(0));

        // many rewrites of the same builds: compaction keeps the file at about one line per build
        for (int i = 0; i < 3 * JobHistoryStore.COMPACT_EVERY; i++) {
            store.updateResult(1, i % 2 == 0 ? BuildResult.FAILURE : BuildResult.SUCCESS);
        }
        long lines = Files.readAllLines(index.toPath()).size();
        assertTrue(lines < JobHistoryStore.COMPACT_EVERY + 20, "index compacted, has " + lines + " lines");
        assertEquals(1, store.load().entries().size());
    }

    @Test
    void baselineMarksAreAppendedBesideTheIndexAndABadLineIsAnErrorNamingIt() throws Exception {
        File index = dir.resolve("perfgate/history.jsonl").toFile();
        JobHistoryStore store = new JobHistoryStore(new HistoryIndexes(), null, index);
        assertEquals(List.of(), store.marks().marks());
        store.mark(new BaselineMark(BaselineMark.Kind.PIN, 3, "alice", 1234L, "release, \"1.0\" <ref>"));
        store.mark(new BaselineMark(BaselineMark.Kind.UNPIN, 3, "bob", 1300L, ""));
        // a new store (as after a restart) reads the same list from the sidecar file
        List<BaselineMark> read = new JobHistoryStore(new HistoryIndexes(), null, index).marks().marks();
        assertEquals(List.of(new BaselineMark(BaselineMark.Kind.PIN, 3, "alice", 1234L, "release, \"1.0\" <ref>"),
                new BaselineMark(BaselineMark.Kind.UNPIN, 3, "bob", 1300L, "")), read);
        Path audit = dir.resolve("perfgate/baseline-marks.jsonl");
        assertTrue(Files.isRegularFile(audit));

        Files.writeString(audit, "{\"kind\":\"accept\",\"build\":4,\"reason\":\"\"}\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, store::marks);
        assertTrue(e.getMessage().contains("baseline-marks.jsonl line 3")
                && e.getMessage().contains("a reason is required to accept build #4"), e.getMessage());
    }
}
