package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.Locale;
import java.util.Objects;

/**
 * A build where a statistic of a label shifted: the first build of the new level, the median level before and after
 * (between the neighbouring change points) and the permutation test's p-value. Immutable.
 *
 * @param label  the label ({@code TOTAL} for overall)
 * @param metric the statistic
 * @param build  the first build at the new level
 * @param before median of the segment before
 * @param after  median of the segment from this build on
 * @param pValue E-Divisive permutation p-value
 */
public record ChangePoint(String label, Metric metric, BuildRef build, double before, double after, double pValue) {

    public ChangePoint {
        Objects.requireNonNull(label);
        Objects.requireNonNull(metric);
        Objects.requireNonNull(build);
    }

    public double shift() {
        return after - before;
    }

    /** Relative shift as a fraction; infinite from a zero level. */
    public double relativeShift() {
        if (before == 0) {
            return after == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, after);
        }
        return (after - before) / Math.abs(before);
    }

    /** Whether the shift goes the bad way for this metric. */
    public boolean regression() {
        return metric.higherIsBetter() ? after < before : after > before;
    }

    /** {@code p95 +26.4 % (318 ms → 402 ms) at #14, p=0.002}. */
    public String describe() {
        double rel = relativeShift();
        String pct = Double.isInfinite(rel) ? (rel > 0 ? "+∞ %" : "-∞ %")
                : String.format(Locale.ROOT, "%+.1f %%", rel * 100);
        return String.format(Locale.ROOT, "%s %s (%s → %s) at %s, p=%.3g%s", metric.key(), pct,
                metric.format(before), metric.format(after), build.display(), pValue,
                regression() ? ", regression" : ", improvement");
    }
}
