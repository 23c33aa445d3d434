package io.jenkins.plugins.perfgate.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.files.AtomicFiles;
import io.jenkins.plugins.perfgate.engine.files.LineLog;
import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.engine.history.BaselineMarks;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.history.HistoryJson;
import io.jenkins.plugins.perfgate.engine.history.HistoryStore;
import io.jenkins.plugins.perfgate.engine.history.Note;
import io.jenkins.plugins.perfgate.engine.history.NoteLog;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The gate engine's {@link HistoryStore} for one Jenkins job. Each build keeps its full run summary in its own
 * directory ({@code perfgate/summary.json}); the job keeps a compact index of every build's key figures
 * ({@code perfgate/history.jsonl}, one JSON line per build, the newest line of a build wins) so that baselines,
 * noise windows and trend graphs over 1000 builds read one small file instead of loading 1000 builds. Deleted builds
 * are dropped from the index by {@link io.jenkins.plugins.perfgate.model.HistoryMaintenance}. A result with an id keeps the same in its own folders
 * ({@code perfgate-ID/}, see {@link ResultId#folder}): its own history, baselines and trends.
 *
 * <p>Crash safety: each line is appended with one write and forced to the disk ({@link LineLog}); a torn last line
 * left by a crash is set aside in {@code history.jsonl.torn} with a warning before the index is read or appended to;
 * compaction replaces the index atomically and keeps unreadable lines in {@code history.jsonl.rejected}. Notes on
 * builds and change points live beside the index in {@code notes.jsonl} ({@link NoteLog}), append only.
 */
public final class JobHistoryStore implements HistoryStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOGGER = Logger.getLogger(JobHistoryStore.class.getName());
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

    /** An index as read: its history, and the lines that could not be read (kept aside by compaction). */
    private record Read(History history, List<String> unreadable) {
    }

    private History read() throws IOException {
        return readLines().history();
    }

    private Read readLines() throws IOException {
        List<String> warnings = new ArrayList<>();
        // a torn last line (a crash mid-append) is set aside before anything is read or appended
        LineLog.repairTail(index.toPath(), JobHistoryStore::isWholeEntry).ifPresent(w -> {
            LOGGER.warning("perfgate: " + index + ": " + w);
            warnings.add(w);
        });
        Map<Long, HistoryEntry> byNumber = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(index.toPath(), StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    // entries start with their version; only other lines (deletions) are parsed as a tree, so an
                    // entry is parsed once (and its label rows only when looked up)
                    JsonNode node = line.startsWith("{\"perfgateFigures\"") ? null : JSON.readTree(line);
                    if (node != null && node.path("deleted").asBoolean(false)) {
                        byNumber.remove(node.path("number").asLong());
                        continue;
                    }
                    HistoryEntry e = HistoryJson.fromJson(line, index.getName() + " line " + n);
                    byNumber.put(e.number(), e);
                } catch (IOException | RuntimeException e) {
                    warnings.add("skipped " + index.getName() + " line " + n + ": " + e.getMessage());
                    unreadable.add(line);
                }
            }
        }
        return new Read(new History(new ArrayList<>(byNumber.values()), warnings), unreadable);
    }

    /** A line that is a whole JSON object (a torn one never is: its closing brace is missing). */
    private static boolean isWholeEntry(String line) {
        try {
            return JSON.readTree(line) instanceof ObjectNode;
        } catch (IOException e) {
            return false;
        }
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

    @Override
    public List<Note> notes() throws IOException {
        synchronized (lock()) {
            List<String> warnings = new ArrayList<>();
            List<Note> notes = notesLog().read(warnings);
            warnings.forEach(w -> LOGGER.warning("perfgate: " + w));
            return notes;
        }
    }

    /** Appends a note to the job's notes of this result id (a sidecar file beside the index). */
    @Override
    public void note(Note note) throws IOException {
        synchronized (lock()) {
            notesLog().append(note).ifPresent(w -> LOGGER.warning("perfgate: " + w));
        }
    }

    private NoteLog notesLog() {
        return NoteLog.in(index.getParentFile().toPath());
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
            append(JSON.writeValueAsString(n));
        }
    }

    private void append(String line) throws IOException {
        synchronized (lock()) {
            LineLog.append(index.toPath(), line, JobHistoryStore::isWholeEntry)
                    .ifPresent(w -> LOGGER.warning("perfgate: " + index + ": " + w));
            if (indexes.countAppend(index) % COMPACT_EVERY == 0) {
                compactIfNeeded();
            }
        }
    }

    /**
     * Rewrites the index with one line per build once superseded lines make up most of it: through a temporary
     * file, fsync and an atomic rename, so a crash leaves the old index or the new one. Lines that cannot be read
     * are not dropped silently: they are kept in {@code history.jsonl.rejected} and logged.
     */
    private void compactIfNeeded() throws IOException {
        long lines;
        try (var s = Files.lines(index.toPath(), StandardCharsets.UTF_8)) {
            lines = s.count();
        }
        Read read = readLines();
        History h = read.history();
        if (lines <= 2L * h.entries().size() + 16) {
            return;
        }
        if (!read.unreadable().isEmpty()) {
            File rejected = new File(index.getParentFile(), index.getName() + ".rejected");
            for (String line : read.unreadable()) {
                LineLog.append(rejected.toPath(), line, l -> true);
            }
            LOGGER.warning("perfgate: compacting " + index + ": " + read.unreadable().size()
                    + " unreadable line(s) kept in " + rejected + " (" + String.join("; ", h.warnings()) + ")");
        }
        StringBuilder out = new StringBuilder();
        for (HistoryEntry e : h.entries()) {
            out.append(encode(e)).append('\n');
        }
        AtomicFiles.writeString(index.toPath(), out.toString());
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

    private static String encode(HistoryEntry e) {
        return HistoryJson.toJson(e);
    }
}
