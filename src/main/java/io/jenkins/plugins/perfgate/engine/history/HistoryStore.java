package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where run summaries of earlier builds are kept. Standalone this is a directory ({@link DirectoryHistoryStore});
 * in Jenkins each build keeps its own and the Jenkins layer implements this interface over the build directories.
 * Only summaries and their key figures are stored, never raw samples.
 */
public interface HistoryStore {

    /**
     * Reads the key figures of every stored build. Entries that cannot be read (corrupt, unknown schema) are
     * skipped and named in {@link History#warnings()}; this only throws when the store as a whole is unreadable.
     */
    History load() throws IOException;

    /** The full summary of a build (histograms included), when stored and readable. */
    Optional<RunSummary> summary(long buildNumber) throws IOException;

    /**
     * Stores a build's run: the (merged) summary and, when the test was repeated, each repetition's summary.
     * Replaces an earlier record of the same build number.
     */
    void record(BuildRef build, RunSummary summary, List<RunSummary> repeats) throws IOException;

    /**
     * The pins and accepts people recorded for this history ({@link BaselineMarks}); none unless the store keeps
     * them.
     */
    default BaselineMarks marks() throws IOException {
        return BaselineMarks.NONE;
    }

    /** The notes people wrote about this history's builds and change points, oldest first; none by default. */
    default List<Note> notes() throws IOException {
        return List.of();
    }

    /** Appends a note; a store that keeps no notes refuses. */
    default void note(Note note) throws IOException {
        throw new IOException("this history keeps no notes");
    }

    /** Keeps the criteria a recorded build did not pass (for retrospectives); ignored by default. */
    default void recordFailed(long buildNumber, List<CheckOutcome> failed) throws IOException {
        // a store without a place for them keeps none
    }

    /** The criteria a recorded build did not pass, when kept; none by default. */
    default List<CheckOutcome> failed(long buildNumber) throws IOException {
        return List.of();
    }

    default void record(BuildRef build, RunSummary summary) throws IOException {
        record(build, summary, List.of());
    }
}
