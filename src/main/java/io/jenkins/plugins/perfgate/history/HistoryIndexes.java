package io.jenkins.plugins.perfgate.history;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.perfgate.engine.history.History;
import java.io.File;

/**
 * What the history indexes of one Jenkins share between the builds that record and the pages that read them: a lock
 * per index, the parsed copy of recently read indexes (re-read when the file changes) and the appends since start-up
 * (for compaction). One instance per Jenkins, bounded in size whatever the number of jobs.
 */
@Extension
public final class HistoryIndexes {
    /** Parsed indexes kept: the jobs whose pages or builds were seen most recently. */
    static final int CACHED_INDEXES = 128;
    /** Indexes whose append counts are kept; a forgotten count only delays a compaction. */
    static final int COUNTED_INDEXES = 1024;
    /** Locks shared by index path hash: bounded, and never dropped while held. */
    private static final int LOCK_STRIPES = 64;

    private final Object[] locks = new Object[LOCK_STRIPES];
    private final BoundedCache<String, Parsed> parsed = new BoundedCache<>(CACHED_INDEXES);
    private final BoundedCache<String, Integer> appends = new BoundedCache<>(COUNTED_INDEXES);

    private record Parsed(long length, long modified, History history) {
    }

    public HistoryIndexes() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** This Jenkins' instance. */
    public static HistoryIndexes get() {
        return ExtensionList.lookupSingleton(HistoryIndexes.class);
    }

    /** The lock every read and write of this index holds. */
    Object lock(File index) {
        return locks[Math.floorMod(index.getAbsolutePath().hashCode(), LOCK_STRIPES)];
    }

    /** The parsed index if the file has not changed since it was parsed, else null. */
    History parsed(File index) {
        Parsed p = parsed.get(index.getAbsolutePath());
        return p != null && p.length == index.length() && p.modified == index.lastModified() ? p.history : null;
    }

    void remember(File index, History history) {
        parsed.put(index.getAbsolutePath(), new Parsed(index.length(), index.lastModified(), history));
    }

    /** Counts one append to the index and returns the appends since start-up. */
    int countAppend(File index) {
        String key = index.getAbsolutePath();
        synchronized (lock(index)) {
            Integer n = appends.get(key);
            int next = n == null ? 1 : n + 1;
            appends.put(key, next);
            return next;
        }
    }
}
