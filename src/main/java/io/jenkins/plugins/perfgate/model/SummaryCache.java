package io.jenkins.plugins.perfgate.model;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import io.jenkins.plugins.perfgate.history.BoundedCache;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The run summaries ({@code summary.json}) that build pages read, kept parsed: a build page draws several charts
 * from one summary, each its own request, and a summary with histograms per label costs far more to parse than to
 * draw. Likewise the key figures of every label ({@link LabelFiguresFile}) that build records with many labels leave
 * out. An entry is used only while the file has the length and modification time it was parsed with, so a
 * rewritten file is read again. One instance per Jenkins, bounded whatever the number of builds.
 */
@Extension
public final class SummaryCache {
    private static final Logger LOGGER = Logger.getLogger(SummaryCache.class.getName());
    /** Summaries kept: those of the build pages seen most recently (a summary can be a few MB in memory). */
    static final int CACHED_SUMMARIES = 16;

    /** Label figures kept: a few hundred KB each with thousands of labels, a page's table and API read them. */
    static final int CACHED_FIGURES = 32;

    private final BoundedCache<String, Parsed<RunSummary>> parsed = new BoundedCache<>(CACHED_SUMMARIES);
    private final BoundedCache<String, Parsed<LabelFiguresFile.Stored>> figures = new BoundedCache<>(CACHED_FIGURES);
    private final AtomicLong parses = new AtomicLong();

    private record Parsed<T>(long length, long modified, T value) {
    }

    private interface Parser<T> {
        T parse(File f) throws IOException;
    }

    /** This Jenkins' instance. */
    public static SummaryCache get() {
        return ExtensionList.lookupSingleton(SummaryCache.class);
    }

    /**
     * The summary in {@code file}, parsed again only when the file changed since it was last parsed.
     *
     * @throws IOException when the file cannot be read or is not a run summary
     */
    public RunSummary read(File file) throws IOException {
        return cached(parsed, file, f -> SummaryJson.read(f.toPath()));
    }

    /**
     * The label figures in {@code file} ({@link LabelFiguresFile}), parsed again only when the file changed.
     *
     * @throws IOException when the file cannot be read or is not a label figures file
     */
    LabelFiguresFile.Stored figures(File file) throws IOException {
        return cached(figures, file, LabelFiguresFile::read);
    }

    /**
     * The label figures of the build whose perfgate folder is {@code dir}; empty (logged) when they cannot be read,
     * and pages then show the labels the build record keeps.
     */
    Optional<LabelFiguresFile.Stored> figuresIn(File dir) {
        File f = new File(dir, LabelFiguresFile.NAME);
        try {
            return Optional.of(figures(f));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "perfgate: cannot read " + f + ": pages show the labels the build record keeps",
                    e);
            return Optional.empty();
        }
    }

    private <T> T cached(BoundedCache<String, Parsed<T>> cache, File file, Parser<T> parser) throws IOException {
        String key = file.getAbsolutePath();
        long length = file.length();
        long modified = file.lastModified();
        Parsed<T> p = cache.get(key);
        if (p != null && p.length == length && p.modified == modified) {
            return p.value;
        }
        parses.incrementAndGet();
        T value = parser.parse(file);
        // the figures taken before parsing: a file replaced meanwhile is then parsed again on the next request
        cache.put(key, new Parsed<>(length, modified, value));
        return value;
    }

    /** Files parsed since start-up: how tests see that a cached summary was not read again. */
    public long parses() {
        return parses.get();
    }
}
