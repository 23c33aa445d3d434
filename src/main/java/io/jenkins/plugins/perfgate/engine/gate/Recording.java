package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import java.util.Objects;

/**
 * Whether a judged run goes into the history, and with which build result. Immutable.
 *
 * @param enabled           whether the run is recorded at all
 * @param resultSoFar       the build's result before the gate (a CI build may already be unstable); standalone
 *                          runs have none ({@link BuildResult#UNKNOWN})
 * @param verdictSetsResult whether the verdict can make the recorded result worse; false when the verdict is only
 *                          handed back to a script and the build keeps its result
 * @param repetitions       whether each repetition's summary is stored too (the CLI's history directory keeps them;
 *                          the Jenkins job index has never kept them)
 */
public record Recording(boolean enabled, BuildResult resultSoFar, boolean verdictSetsResult, boolean repetitions) {

    /** Judge only; the history is left as it is. */
    public static final Recording NONE = new Recording(false, BuildResult.UNKNOWN, true, false);

    public Recording {
        Objects.requireNonNull(resultSoFar);
    }

    /** Standalone ({@code --record}): the verdict is the build's result; repetitions are kept. */
    public static Recording withVerdict() {
        return new Recording(true, BuildResult.UNKNOWN, true, true);
    }

    /**
     * A CI build: recorded with the worse of its result so far and the verdict's (or its result alone when the
     * verdict is only returned), without repetitions.
     */
    public static Recording ofBuild(BuildResult resultSoFar, boolean verdictSetsResult) {
        return new Recording(true, resultSoFar, verdictSetsResult, false);
    }

    /** The result the history records for a build judged so. */
    public BuildResult result(GateResult verdict) {
        if (!verdictSetsResult) {
            return resultSoFar;
        }
        BuildResult judged = verdict.buildResult();
        return severity(judged) > severity(resultSoFar) ? judged : resultSoFar;
    }

    /** Jenkins' order of build results (Result.combine keeps the worse): success, unstable, failure, ... */
    private static int severity(BuildResult r) {
        return switch (r) {
            case UNKNOWN -> -1;
            case SUCCESS -> 0;
            case UNSTABLE -> 1;
            case FAILURE -> 2;
            case NOT_BUILT -> 3;
            case ABORTED -> 4;
        };
    }
}
