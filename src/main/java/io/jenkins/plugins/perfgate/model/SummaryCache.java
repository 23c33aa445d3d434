package io.jenkins.plugins.perfgate.model;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import io.jenkins.plugins.perfgate.history.BoundedCache;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run summaries ({@code summary.json}) that build pages read, kept parsed: a build page draws several charts
 * from one summary, each its own request, and a summary with histograms per label costs far more to parse than to
 * draw. An entry is used only while the file has the length and modification time it was parsed with, so a
 * rewritten summary is read again. One instance per Jenkins, bounded whatever the number of builds.
 */
@Extension
public final class SummaryCache {
    /** Summaries kept: those of the build pages seen most recently (a summary can be a few MB in memory). */
    static final int CACHED_SUMMARIES = 16;

    private final BoundedCache<String, Parsed> parsed = new BoundedCache<>(CACHED_SUMMARIES);
    private final AtomicLong parses = new AtomicLong();

    private record Parsed(long length, long modified, RunSummary summary) {
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
        String key = file.getAbsolutePath();
        long length = file.length();
        long modified = file.lastModified();
        Parsed p = parsed.get(key);
        if (p != null && p.length == length && p.modified == modified) {
            return p.summary;
        }
        parses.incrementAndGet();
        RunSummary summary = SummaryJson.read(file.toPath());
        // the figures taken before parsing: a file replaced meanwhile is then parsed again on the next request
        parsed.put(key, new Parsed(length, modified, summary));
        return summary;
    }

    /** Files parsed since start-up: how tests see that a cached summary was not read again. */
    public long parses() {
        return parses.get();
    }
}
