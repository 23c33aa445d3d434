package io.jenkins.plugins.perfgate.engine.gate;

/** What was found for one criterion on one label. */
public enum LineStatus {
    /** The bound holds. */
    PASSED,
    /** The bound is broken (for baseline criteria: beyond the threshold and beyond noise). */
    VIOLATED,
    /** A baseline criterion's threshold is crossed, but the change is within run-to-run noise: it passes. */
    WITHIN_NOISE,
    /** The label (or any label matching the scope) is absent or has no samples: the criterion's severity applies. */
    NO_DATA,
    /** A baseline criterion with no baseline to compare with (first build, pinned build missing...). */
    NO_BASELINE,
    /** The run itself is not complete (no results, unreadable, incomplete, timed out, aborted). */
    RUN_NOT_COMPLETE
}
