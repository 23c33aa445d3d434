package io.jenkins.plugins.perfgate.engine.compare;

/**
 * How one statistic changed from the baseline to the current run.
 *
 * @param metric   the statistic
 * @param baseline its baseline value
 * @param current  its current value
 */
public record StatDelta(Metric metric, double baseline, double current) {

    /** current - baseline, in the metric's unit. */
    public double absolute() {
        return current - baseline;
    }

    /**
     * (current - baseline) / baseline as a fraction (0.1 = +10 %); 0 when both are 0, NaN when only the baseline is 0
     * (a relative change from nothing is undefined).
     */
    public double relative() {
        if (baseline == 0) {
            return current == 0 ? 0 : Double.NaN;
        }
        return (current - baseline) / Math.abs(baseline);
    }

    /** Whether the change goes the bad way for this metric (slower, more errors, less throughput). */
    public boolean worse() {
        return metric.worse(baseline, current);
    }
}
