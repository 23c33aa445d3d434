package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import java.util.Objects;

/**
 * How the gate judges a run. Immutable; change one setting with the {@code with...} methods.
 *
 * @param baseline          how the baseline is chosen
 * @param noiseWindow       passing builds whose per-build values measure run-to-run noise
 * @param minNoiseBuilds    fewer builds than this in the window: noise is not assessed and thresholds alone decide
 * @param bandK             half-width of the noise band in robust standard deviations (1.4826·MAD)
 * @param alpha             significance level of the U-test over repeated runs (one-sided)
 * @param incompleteRun     outcome when the run is not complete (FAIL by default; UNSTABLE allowed)
 * @param missingBaseline   outcome of a baseline criterion when there is no baseline (WARN by default)
 */
public record GateOptions(BaselinePolicy baseline, int noiseWindow, int minNoiseBuilds, double bandK, double alpha,
        Outcome incompleteRun, Outcome missingBaseline) {

    public static final int DEFAULT_NOISE_WINDOW = 10;
    public static final int DEFAULT_MIN_NOISE_BUILDS = 5;
    public static final double DEFAULT_BAND_K = 3.0;
    public static final double DEFAULT_ALPHA = 0.01;

    public GateOptions {
        Objects.requireNonNull(baseline);
        if (noiseWindow < 2 || noiseWindow > 1000) {
            throw new IllegalArgumentException("noise window must be 2 to 1000 builds, was " + noiseWindow);
        }
        if (minNoiseBuilds < 2 || minNoiseBuilds > noiseWindow) {
            throw new IllegalArgumentException("minimum noise builds must be 2 to the window (" + noiseWindow
                    + "), was " + minNoiseBuilds);
        }
        if (!(bandK > 0 && bandK <= 20)) {
            throw new IllegalArgumentException("band k must be in (0, 20], was " + bandK);
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
                DEFAULT_BAND_K, DEFAULT_ALPHA, Outcome.FAIL, Outcome.WARN);
    }

    public GateOptions withBaseline(BaselinePolicy policy) {
        return new GateOptions(policy, noiseWindow, minNoiseBuilds, bandK, alpha, incompleteRun, missingBaseline);
    }

    public GateOptions withNoiseWindow(int window, int minBuilds) {
        return new GateOptions(baseline, window, minBuilds, bandK, alpha, incompleteRun, missingBaseline);
    }

    public GateOptions withBandK(double k) {
        return new GateOptions(baseline, noiseWindow, minNoiseBuilds, k, alpha, incompleteRun, missingBaseline);
    }

    public GateOptions withAlpha(double a) {
        return new GateOptions(baseline, noiseWindow, minNoiseBuilds, bandK, a, incompleteRun, missingBaseline);
    }

    public GateOptions withIncompleteRun(Outcome outcome) {
        return new GateOptions(baseline, noiseWindow, minNoiseBuilds, bandK, alpha, outcome, missingBaseline);
    }

    public GateOptions withMissingBaseline(Outcome outcome) {
        return new GateOptions(baseline, noiseWindow, minNoiseBuilds, bandK, alpha, incompleteRun, outcome);
    }
}
