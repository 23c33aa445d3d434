package io.jenkins.plugins.perfgate.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.engine.history.BaselineMarks;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.history.HistoryJson;
import io.jenkins.plugins.perfgate.engine.history.HistoryStore;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gate engine's {@link HistoryStore} for one Jenkins job. Each build keeps its full run summary in its own
 * directory ({@code perfgate/summary.json}); the job keeps a compact index of every build's key figures
 * ({@code perfgate/history.jsonl}, one JSON line per build, the newest line of a build wins) so that baselines,
 * noise windows and trend graphs over 1000 builds read one small file instead of loading 1000 builds. Deleted builds
 * are dropped from the index by {@link io.jenkins.plugins.perfgate.model.HistoryMaintenance}. A result with an id keeps the same in its own folders
 * ({@code perfgate-ID/}, see {@link ResultId#folder}): its own history, baselines and trends.
 */
public final class JobHistoryStore implements HistoryStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Superseded lines are compacted away every {@value #COMPACT_EVERY} appends to an index. */
    static final int COMPACT_EVERY = 64;

    private final HistoryIndexes indexes;
    private final Job<?, ?> job;
    private final File index;
    private final String folder;

    /** The history of the job's results without id. */
    public JobHistoryStore(Job<?, ?> job) {
        this(job, "");
    }

    /** The history of the job's results with this id (empty: without id). */
    public JobHistoryStore(Job<?, ?> job, String id) {
        this(HistoryIndexes.get(), job, new File(new File(job.getRootDir(), ResultId.folder(id)), "history.jsonl"),
                ResultId.folder(id));
    }

    /** A store over an index file; {@code job} (for full summaries) may be null in tests of the index itself. */
    public JobHistoryStore(HistoryIndexes indexes, Job<?, ?> job, File index) {
        this(indexes, job, index, ResultId.BUILD_DIR);
    }

    private JobHistoryStore(HistoryIndexes indexes, Job<?, ?> job, File index, String folder) {
        this.indexes = indexes;
        this.job = job;
        this.index = index;
        this.folder = folder;
    }

    public File indexFile() {
        return index;
    }

    private Object lock() {
        return indexes.lock(index);
    }

    @Override
    public History load() throws IOException {
        synchronized (lock()) {
            if (!index.isFile()) {
                return History.empty();
            }
            History h = indexes.parsed(index);
            if (h == null) {
                h = read();
                indexes.remember(index, h);
            }
            return h;
        }
    }

    private History read() throws IOException {
        Map<Long, HistoryEntry> byNumber = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(index.toPath(), StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    if (node != null && node.path("deleted").asBoolean(false)) {
                        byNumber.remove(node.path("number").asLong());
                        continue;
                    }
                    HistoryEntry e = HistoryJson.fromJson(line, index.getName() + " line " + n);
                    byNumber.put(e.number(), e);
                } catch (IOException | RuntimeException e) {
                    warnings.add("skipped " + index.getName() + " line " + n + ": " + e.getMessage());
                }
            }
        }
        return new History(new ArrayList<>(byNumber.values()), warnings);
    }

    @Override
    public Optional<RunSummary> summary(long buildNumber) throws IOException {
        Run<?, ?> r = job == null ? null : job.getBuildByNumber((int) buildNumber);
        if (r == null) {
            return Optional.empty();
        }
        File f = new File(new File(r.getRootDir(), folder), "summary.json");
        return f.isFile() ? Optional.of(SummaryJson.read(f.toPath())) : Optional.empty();
    }

    @Override
    public void record(BuildRef build, RunSummary summary, List<RunSummary> repeats) throws IOException {
        List<RunFigures> rep = new ArrayList<>();
        for (RunSummary s : repeats) {
            rep.add(RunFigures.of(s));
        }
        append(encode(new HistoryEntry(build, RunFigures.of(summary), rep)));
    }

    @Override
    public BaselineMarks marks() throws IOException {
        synchronized (lock()) {
            return audit().read();
        }
    }

    /** Appends a pin, unpin or accept to the job's audit list (a sidecar file beside the index). */
    public void mark(BaselineMark mark) throws IOException {
        synchronized (lock()) {
            audit().append(mark);
        }
    }

    /** When the index or the audit list last changed (for caches of what is drawn from both). */
    public long lastChanged() {
        return Math.max(index.lastModified(), audit().file().lastModified());
    }

    private BaselineAuditFile audit() {
        return new BaselineAuditFile(index.getParentFile());
    }

    /** Records the final result of a build already in the index (its gate ran before the build ended). */
    public void updateResult(long number, BuildResult result) throws IOException {
        Optional<HistoryEntry> e = load().entry(number);
        if (e.isPresent() && e.get().build().result() != result) {
            BuildRef b = e.get().build();
            append(encode(new HistoryEntry(new BuildRef(b.number(), b.id(), b.timeMillis(), result, b.releaseTag(),
                    b.gitCommit()), e.get().figures(), e.get().repeats())));
        }
    }

    /** Drops a deleted build from the index. */
    public void remove(long number) throws IOException {
        if (index.isFile() && load().entry(number).isPresent()) {
            ObjectNode n = JSON.createObjectNode();
            n.put("number", number);
            n.put("deleted", true);
            append(n);
        }
    }

    private void append(ObjectNode node) throws IOException {
        synchronized (lock()) {
            Files.createDirectories(index.getParentFile().toPath());
            try (Writer w = Files.newBufferedWriter(index.toPath(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                w.write(JSON.writeValueAsString(node));
                w.write('\n');
            }
            if (indexes.countAppend(index) % COMPACT_EVERY == 0) {
                compactIfNeeded();
            }
        }
    }

    /** Rewrites the index with one line per build once superseded lines make up most of it. */
    private void compactIfNeeded() throws IOException {
        long lines;
        try (var s = Files.lines(index.toPath(), StandardCharsets.UTF_8)) {
            lines = s.count();
        }
        History h = read();
        if (lines <= 2L * h.entries().size() + 16) {
            return;
        }
        File tmp = new File(index.getParentFile(), index.getName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp.toPath(), StandardCharsets.UTF_8)) {
            for (HistoryEntry e : h.entries()) {
                w.write(JSON.writeValueAsString(encode(e)));
                w.write('\n');
            }
        }
        Files.move(tmp.toPath(), index.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static BuildResult result(Result r) {
        if (r == null) {
            return BuildResult.UNKNOWN;
        }
        if (r == Result.SUCCESS) {
            return BuildResult.SUCCESS;
        } else if (r == Result.UNSTABLE) {
            return BuildResult.UNSTABLE;
        } else if (r == Result.FAILURE) {
            return BuildResult.FAILURE;
        } else if (r == Result.ABORTED) {
            return BuildResult.ABORTED;
        }
        return BuildResult.NOT_BUILT;
    }

    // ---- JSON form of an entry: the engine's history document, one line each

    private static ObjectNode encode(HistoryEntry e) throws IOException {
        return (ObjectNode) JSON.readTree(HistoryJson.toJson(e));
    }
}
