package io.jenkins.plugins.perfgate.engine.gate;

import java.util.Locale;

/**
 * Decides whether a change of one statistic stands out from run-to-run noise. Samples inside one run are not
 * independent, so the judgement is over per-run values only:
 * <ul>
 * <li>with repetitions of the candidate build (two or more) and enough baseline values to reach the significance
 * level, a one-sided Mann-Whitney U test (as Go's benchstat and Google Benchmark's compare.py do);</li>
 * <li>otherwise the candidate value against a Student-t prediction interval of the baseline window's per-build
 * values, outlier builds dropped ({@link PredictionInterval}): one-sided p-value;</li>
 * <li>with fewer baseline values than {@link GateOptions#minNoiseBuilds()} noise cannot be judged: the change counts
 * as significant, so the threshold alone decides (a gate that cannot tell must not pass silently).</li>
 * </ul>
 */
public final class NoiseJudge {

    private final GateOptions options;

    public NoiseJudge(GateOptions options) {
        this.options = options;
    }

    /**
     * @param baseline  per-build values of the baseline window (or the baseline build's repetitions)
     * @param candidate the candidate build's per-run values (its repetitions, else its one value)
     * @param upward    whether the regression the criterion guards against is an increase
     */
    public Significance judge(double[] baseline, double[] candidate, boolean upward) {
        double candidateValue = RobustStats.median(candidate);
        double effect = Double.NaN;
        if (baseline.length >= 2) {
            effect = PredictionInterval.of(baseline).sigmas(candidateValue);
        }
        if (candidate.length >= 2 && baseline.length >= 2) {
            double minP = MannWhitneyU.minimumPValue(baseline.length, candidate.length);
            if (minP <= options.alpha()) {
                double p = MannWhitneyU.pValue(baseline, candidate, upward);
                boolean significant = p <= options.alpha();
                return new Significance(Significance.Method.MANN_WHITNEY_U, p, Double.NaN, Double.NaN, effect,
                        baseline.length, candidate.length, significant,
                        String.format(Locale.ROOT, "one-sided, α=%.3g", options.alpha()));
            }
            if (baseline.length >= options.minNoiseBuilds()) {
                return interval(baseline, candidate.length, candidateValue, upward, String.format(Locale.ROOT,
                        "U-test cannot reach α=%.3g with %d vs %d runs (min p %.3g); interval used on the median",
                        options.alpha(), candidate.length, baseline.length, minP));
            }
        }
        if (baseline.length >= options.minNoiseBuilds()) {
            return interval(baseline, candidate.length, candidateValue, upward, "");
        }
        return new Significance(Significance.Method.NOT_ASSESSED, Double.NaN, Double.NaN, Double.NaN, effect,
                baseline.length, candidate.length, true, "only " + baseline.length + " baseline value(s), "
                        + options.minNoiseBuilds() + " needed to judge noise: the threshold alone decides");
    }

    private Significance interval(double[] baseline, int candidates, double value, boolean upward, String note) {
        PredictionInterval pi = PredictionInterval.of(baseline);
        double p = pi.pValue(value, upward);
        String base = String.format(Locale.ROOT, "one-sided, α=%.3g", options.alpha())
                + (pi.dropped() > 0 ? ", " + pi.dropped() + " outlier build(s) left out" : "");
        return new Significance(Significance.Method.PREDICTION_INTERVAL, p, pi.low(options.alpha()),
                pi.high(options.alpha()), pi.sigmas(value), baseline.length, candidates, p <= options.alpha(),
                note.isEmpty() ? base : base + "; " + note);
    }
}
