package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.files.AtomicFiles;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A history kept in a directory ({@code .perfgate/history/} by default), one sub-directory per build number:
 *
 * <pre>
 * 42/figures.json     key figures of the build (HistoryJson): what {@link #load()} reads
 * 42/summary.json     the full run summary (SummaryJson), histograms included
 * 42/repeat-1.json    each repetition's summary, when the test was repeated
 * 42/failed.json      the criteria the build did not pass, when any (for retrospectives)
 * notes.jsonl         notes people wrote about builds and change points ({@link NoteLog})
 * </pre>
 *
 * Files are written to a temporary name, forced to the disk and moved into place, so neither a reader nor a crash
 * ever leaves half an entry; a build whose recording was cut short has no {@code figures.json} and is reported. Entries that
 * cannot be read are skipped with a warning; other files and directories are ignored.
 */
public final class DirectoryHistoryStore implements HistoryStore {

    /** The default history directory, relative to the working directory. */
    public static final String DEFAULT_DIRECTORY = ".perfgate/history";
    static final String FIGURES = "figures.json";
    static final String SUMMARY = "summary.json";
    static final String FAILED = "failed.json";
    private static final Pattern BUILD_DIR = Pattern.compile("\\d{1,18}");

    /** A key-figures file larger than this is not read (5000 labels need about 3 MB). */
    static final long MAX_FIGURES_BYTES = 32L << 20;

    private final Path directory;
    private final long maxFiguresBytes;

    public DirectoryHistoryStore(Path directory) {
        this(directory, MAX_FIGURES_BYTES);
    }

    DirectoryHistoryStore(Path directory, long maxFiguresBytes) {
        this.directory = directory;
        this.maxFiguresBytes = maxFiguresBytes;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public History load() throws IOException {
        List<HistoryEntry> entries = new ArrayList<>();
        List<String> warnings = scan(entries::add);
        return new History(entries, warnings);
    }

    /**
     * Reads every build's key figures and hands them over one at a time, in no particular order, keeping none: a
     * history of 10,000 builds is read in the memory of one entry ({@link HistoryReport.Collector} keeps what a
     * report needs). Returns the warnings about skipped entries, sorted; no history directory is an empty history.
     */
    public List<String> scan(Consumer<HistoryEntry> each) throws IOException {
        List<String> warnings = new ArrayList<>();
        if (!Files.exists(directory)) {
            return warnings;
        }
        if (!Files.isDirectory(directory)) {
            throw new IOException(directory + ": not a directory");
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(directory)) {
            for (Path dir : dirs) {
                String name = Objects.requireNonNull(dir.getFileName()).toString();
                if (!BUILD_DIR.matcher(name).matches() || !Files.isDirectory(dir)) {
                    continue;
                }
                Path figures = dir.resolve(FIGURES);
                try {
                    if (Files.size(figures) > maxFiguresBytes) {
                        warnings.add("skipped " + figures + ": " + Files.size(figures) + " bytes, more than "
                                + maxFiguresBytes + " expected of a key-figures file");
                        continue;
                    }
                    HistoryEntry e = HistoryJson.fromJson(Files.readString(figures, StandardCharsets.UTF_8),
                            figures.toString());
                    if (!name.equals(Long.toString(e.number()))) {
                        warnings.add("skipped " + figures + ": it records build #" + e.number()
                                + " but sits in directory " + name);
                        continue;
                    }
                    each.accept(e);
                } catch (NoSuchFileException ex) {
                    warnings.add("skipped " + dir + ": no " + FIGURES);
                } catch (IOException | RuntimeException ex) {
                    warnings.add("skipped " + ex.getMessage());
                }
            }
        }
        warnings.sort(null);
        return warnings;
    }

    @Override
    public Optional<RunSummary> summary(long buildNumber) throws IOException {
        Path file = buildDir(buildNumber).resolve(SUMMARY);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(SummaryJson.read(file));
    }

    @Override
    public void record(BuildRef build, RunSummary summary, List<RunSummary> repeats) throws IOException {
        Path dir = buildDir(build.number());
        Files.createDirectories(dir);
        List<RunFigures> repeatFigures = new ArrayList<>();
        for (int i = 0; i < repeats.size(); i++) {
            writeAtomically(dir.resolve("repeat-" + (i + 1) + ".json"), SummaryJson.toJson(repeats.get(i)));
            repeatFigures.add(RunFigures.of(repeats.get(i)));
        }
        writeAtomically(dir.resolve(SUMMARY), SummaryJson.toJson(summary));
        // a re-recorded build with fewer repetitions must not keep the old ones
        for (int i = repeats.size() + 1; Files.deleteIfExists(dir.resolve("repeat-" + i + ".json")); i++) {
            // deleted
        }
        // the index goes last: an entry is visible only once its summaries are in place
        writeAtomically(dir.resolve(FIGURES), HistoryJson.toJson(new HistoryEntry(build, RunFigures.of(summary),
                repeatFigures)));
    }

    @Override
    public List<Note> notes() throws IOException {
        return NoteLog.in(directory).read();
    }

    @Override
    public void note(Note note) throws IOException {
        Files.createDirectories(directory);
        NoteLog.in(directory).append(note);
    }

    @Override
    public void recordFailed(long buildNumber, List<CheckOutcome> failed) throws IOException {
        Path dir = buildDir(buildNumber);
        Path file = dir.resolve(FAILED);
        if (failed.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(dir);
        writeAtomically(file, CheckOutcomes.toJson(failed));
    }

    @Override
    public List<CheckOutcome> failed(long buildNumber) throws IOException {
        Path file = buildDir(buildNumber).resolve(FAILED);
        return Files.isRegularFile(file) ? CheckOutcomes.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                file.toString()) : List.of();
    }

    private Path buildDir(long number) {
        return directory.resolve(Long.toString(number));
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        AtomicFiles.writeString(target, content); // fsync and atomic rename: a crash leaves the old file or the new
    }
}
