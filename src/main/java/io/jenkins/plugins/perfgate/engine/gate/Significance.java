package io.jenkins.plugins.perfgate.engine.gate;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether a change from the baseline stands out from run-to-run noise, and how that was judged.
 *
 * @param method        how it was judged
 * @param pValue        one-sided p-value of the test (NaN when not assessed)
 * @param bandLow       lower edge of the (1 - alpha) prediction interval (NaN for the U-test)
 * @param bandHigh      upper edge of the (1 - alpha) prediction interval (NaN for the U-test)
 * @param effectSigmas  the change in standard deviations of the baseline builds' values (NaN when unknown)
 * @param baselineRuns  per-build (or repeated-run) baseline values the judgement used
 * @param candidateRuns candidate values it used (repetitions of the build, else 1)
 * @param significant   whether the change is unlikely to be noise
 * @param note          why it was judged so, for people
 */
public record Significance(Method method, double pValue, double bandLow, double bandHigh, double effectSigmas,
        int baselineRuns, int candidateRuns, boolean significant, String note) {

    /** How significance was judged. */
    public enum Method {
        /** Mann-Whitney U test of the candidate's repetitions against the baseline's values. */
        MANN_WHITNEY_U("Mann-Whitney U"),
        /** The candidate value against a Student-t prediction interval of the window's per-build values. */
        PREDICTION_INTERVAL("t prediction interval"),
        /** Too little history to judge noise: the threshold alone decides (conservative). */
        NOT_ASSESSED("not assessed");

        private final String title;

        Method(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public Significance {
        Objects.requireNonNull(method);
        note = note == null ? "" : note;
    }

    /** One phrase for a verdict line: {@code U-test p=0.0021 (3 vs 10 runs), effect 4.2σ}. */
    public String describe() {
        if (method == Method.NOT_ASSESSED) {
            return "noise not assessed: " + note;
        }
        StringBuilder sb = new StringBuilder(method.title());
        if (!Double.isNaN(pValue)) {
            sb.append(String.format(Locale.ROOT, " p=%.4g", pValue));
        }
        if (!Double.isNaN(bandLow)) {
            sb.append(String.format(Locale.ROOT, " interval [%.4g, %.4g]", bandLow, bandHigh));
        }
        sb.append(" (").append(candidateRuns).append(" vs ").append(baselineRuns).append(" runs)");
        if (!Double.isNaN(effectSigmas)) {
            sb.append(String.format(Locale.ROOT, ", effect %.1fσ", effectSigmas));
        }
        sb.append(significant ? ", significant" : ", within noise");
        if (!note.isEmpty()) {
            sb.append("; ").append(note);
        }
        return sb.toString();
    }
}
