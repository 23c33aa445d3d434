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
        assertEquals(List.of("{not json"), Files.readAllLines(dir.resolve("perfgate/history.jsonl.rejected")),
                "compaction keeps the unreadable line aside instead of dropping it silently");
    }

    @Test
    void aTornLastLineIsReportedOnOpenAndNeverGluedToTheNextBuild() throws Exception {
        File index = dir.resolve("perfgate/history.jsonl").toFile();
        JobHistoryStore store = new JobHistoryStore(new HistoryIndexes(), null, index);
        store.record(BuildRef.of(1, 1000, BuildResult.SUCCESS), summary(100));
        String whole = Files.readString(index.toPath());
        // build 2's line cut short by a crash: half of a real entry, no line end
        Files.writeString(index.toPath(), whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        History h = new JobHistoryStore(new HistoryIndexes(), null, index).load();
        assertEquals(List.of(1L), h.entries().stream().map(e -> e.number()).toList(), "nothing earlier lost");
        assertEquals(1, h.warnings().size(), h.warnings().toString());
        assertTrue(h.warnings().get(0).contains("cut short"), h.warnings().get(0));
        store.record(BuildRef.of(3, 3000, BuildResult.SUCCESS), summary(120));
        assertEquals(List.of(1L, 3L), store.load().entries().stream().map(e -> e.number()).toList(),
                "the next build's entry is whole");
        assertTrue(Files.readString(index.toPath().resolveSibling("history.jsonl.torn")).startsWith("{"));
    }

    @Test
    void buildsRecordingAtOnceLoseNothing() throws Exception {
        File index = dir.resolve("perfgate/history.jsonl").toFile();
        HistoryIndexes indexes = new HistoryIndexes(); // one Jenkins: stores of concurrent builds share it
        RunSummary s = summary(100);
        int threads = 8;
        int perThread = 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * perThread;
            done.add(pool.submit(() -> {
                start.await();
                JobHistoryStore own = new JobHistoryStore(indexes, null, index);
                for (int i = 1; i <= perThread; i++) {
                    own.record(BuildRef.of(base + i, 1000L * (base + i), BuildResult.UNKNOWN), s);
                    own.updateResult(base + i, BuildResult.FAILURE); // 3 lines a build: compactions happen
                    own.updateResult(base + i, BuildResult.SUCCESS);
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        History h = new JobHistoryStore(new HistoryIndexes(), null, index).load();
        assertEquals(threads * perThread, h.entries().size(), "every build's entry is there");
        assertTrue(h.entries().stream().allMatch(e -> e.build().result() == BuildResult.SUCCESS),
                "and every final result");
        assertTrue(h.warnings().isEmpty(), h.warnings().toString());
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
