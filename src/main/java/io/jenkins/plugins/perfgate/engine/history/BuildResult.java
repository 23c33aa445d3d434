package io.jenkins.plugins.perfgate.engine.history;

/** The outcome of the build a run belongs to (Jenkins' build results, plus UNKNOWN for standalone use). */
public enum BuildResult {
    SUCCESS, UNSTABLE, FAILURE, ABORTED, NOT_BUILT, UNKNOWN;

    /** Only successful builds are "passing": they are the ones baselines and noise windows are made of. */
    public boolean passing() {
        return this == SUCCESS;
    }
}
