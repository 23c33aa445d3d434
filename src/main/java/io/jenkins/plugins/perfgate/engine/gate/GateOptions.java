package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import java.util.Objects;

/**
 * How the gate judges a run. Immutable; change one setting with the {@code with...} methods.
 *
 * @param baseline          how the baseline is chosen
 * @param noiseWindow       passing builds whose per-build values measure run-to-run noise
 * @param minNoiseBuilds    fewer builds than this in the window: noise is not assessed and thresholds alone decide
 * @param alpha             one-sided significance level of the noise tests (prediction interval, U-test)
 * @param incompleteRun     outcome when the run is not complete (FAIL by default; UNSTABLE allowed)
 * @param missingBaseline   outcome of a baseline criterion when there is no baseline (WARN by default)
 */
public record GateOptions(BaselinePolicy baseline, int noiseWindow, int minNoiseBuilds, double alpha,
        Outcome incompleteRun, Outcome missingBaseline) {

    public static final int DEFAULT_NOISE_WINDOW = 10;
    public static final int DEFAULT_MIN_NOISE_BUILDS = 5;
    /** As Hunter / Apache Otava: rare false alarms even over many criteria and labels. */
    public static final double DEFAULT_ALPHA = 0.001;
    /** An incomplete run fails unless asked otherwise. */
    public static final Outcome DEFAULT_INCOMPLETE_RUN = Outcome.FAIL;
    /** A baseline criterion without baseline only warns: the first builds of a job have none. */
    public static final Outcome DEFAULT_MISSING_BASELINE = Outcome.WARN;

    // The defaults as text, for command-line option defaults (an annotation value must be a constant expression).
    public static final String DEFAULT_BASELINE_TEXT = BaselinePolicy.DEFAULT_TEXT;
    public static final String DEFAULT_NOISE_WINDOW_TEXT = "" + DEFAULT_NOISE_WINDOW;
    public static final String DEFAULT_ALPHA_TEXT = "" + DEFAULT_ALPHA;
    public static final String DEFAULT_INCOMPLETE_RUN_TEXT = "fail";
    public static final String DEFAULT_MISSING_BASELINE_TEXT = "warn";

    public GateOptions {
        Objects.requireNonNull(baseline);
        if (noiseWindow < 2 || noiseWindow > 1000) {
            throw new IllegalArgumentException("noise window must be 2 to 1000 builds, was " + noiseWindow);
        }
        if (minNoiseBuilds < 2 || minNoiseBuilds > noiseWindow) {
            throw new IllegalArgumentException("minimum noise builds must be 2 to the window (" + noiseWindow
                    + "), was " + minNoiseBuilds);
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), was " + alpha);
        }
        if (incompleteRun != Outcome.FAIL && incompleteRun != Outcome.UNSTABLE) {
            throw new IllegalArgumentException("an incomplete run must fail or be unstable, never pass");
        }
        Objects.requireNonNull(missingBaseline);
    }

    public static GateOptions defaults() {
        return new GateOptions(BaselinePolicy.defaultPolicy(), DEFAULT_NOISE_WINDOW, DEFAULT_MIN_NOISE_BUILDS,
                DEFAULT_ALPHA, DEFAULT_INCOMPLETE_RUN, DEFAULT_MISSING_BASELINE);
    }

    public GateOptions withBaseline(BaselinePolicy policy) {
        return new GateOptions(policy, noiseWindow, minNoiseBuilds, alpha, incompleteRun, missingBaseline);
    }

    public GateOptions withNoiseWindow(int window, int minBuilds) {
        return new GateOptions(baseline, window, minBuilds, alpha, incompleteRun, missingBaseline);
    }

    /** A noise window of {@code window} builds, assessed from the default minimum or the whole window if smaller. */
    public GateOptions withNoiseWindow(int window) {
        return withNoiseWindow(window, Math.min(DEFAULT_MIN_NOISE_BUILDS, window));
    }

    public GateOptions withAlpha(double a) {
        return new GateOptions(baseline, noiseWindow, minNoiseBuilds, a, incompleteRun, missingBaseline);
    }

    public GateOptions withIncompleteRun(Outcome outcome) {
        return new GateOptions(baseline, noiseWindow, minNoiseBuilds, alpha, outcome, missingBaseline);
    }

    public GateOptions withMissingBaseline(Outcome outcome) {
        return new GateOptions(baseline, noiseWindow, minNoiseBuilds, alpha, incompleteRun, outcome);
    }
}
