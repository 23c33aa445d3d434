package io.jenkins.plugins.perfgate.engine.summary;

/**
 * How complete the results behind a summary are. Anything but {@link #COMPLETE} must never read as a passing run:
 * gates treat it as a failure unless configured to call it unstable.
 */
public enum RunStatus {
    /** Every source read and the run (if perfgate ran it) ended as planned. */
    COMPLETE,
    /** Some results are missing: a generator died, a file could not be read, or problems were found in the input. */
    INCOMPLETE,
    /** The run hit its time limit; generators were stopped and partial results kept. */
    TIMED_OUT,
    /** An abort criterion or a user stopped the run early. */
    ABORTED,
    /** Nothing could be read at all. */
    NO_RESULTS;

    /** The worse of two statuses (order of declaration, later is worse except NO_RESULTS dominating all). */
    public RunStatus worst(RunStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
