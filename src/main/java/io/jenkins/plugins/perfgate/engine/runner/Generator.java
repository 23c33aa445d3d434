package io.jenkins.plugins.perfgate.engine.runner;

/** One load generator of a running fleet, as the runner watches it. Implementations are thread-safe. */
public interface Generator {

    /** Life cycle as the runner sees it. */
    enum State {
        /** Started, not yet finished. */
        RUNNING,
        /** Ended normally (exit code 0). */
        FINISHED,
        /** Could not start, exited with an error, or was killed. */
        FAILED
    }

    /** Stable name shown in progress, problems and per-generator statistics. */
    String id();

    State state();

    /** Why it failed (exit code, start error); empty unless FAILED. */
    String failure();

    /** The last lines of its output and log, to show when it fails. */
    String logTail(int lines);
}
