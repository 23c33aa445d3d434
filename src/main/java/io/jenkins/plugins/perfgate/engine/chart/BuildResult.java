package io.jenkins.plugins.perfgate.engine.chart;

/**
 * How a build ended, as trend charts mark it. Mirrors Jenkins' results without depending on Jenkins; the CLI maps
 * gate outcomes onto it.
 */
public enum BuildResult {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    ABORTED,
    /** Not known (for example a summary imported without a build). */
    UNKNOWN
}
