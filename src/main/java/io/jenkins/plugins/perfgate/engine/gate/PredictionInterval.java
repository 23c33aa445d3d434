package io.jenkins.plugins.perfgate.engine.gate;

import java.util.Arrays;

/**
 * Where the next build's value of a statistic is expected, judged from the per-build values of the noise window:
 * a Student-t prediction interval (mean ± t·s·√(1 + 1/n)) after dropping gross outlier builds (modified z-score
 * above {@value #OUTLIER_Z}, after Iglewicz and Hoaglin, from median and MAD; at most one build in ten, the most
 * extreme first), so one odd build (a slow machine) neither widens nor shifts it. Trimming is deliberately
 * conservative: trimming ordinary scatter would narrow the interval and raise false alarms.
 * The standard deviation is floored at {@value #RELATIVE_FLOOR} of the mean: HdrHistogram keeps 0.1 %, and a window
 * of identical values must not make every change "significant".
 *
 * @param mean    mean of the kept values
 * @param sd      their standard deviation (floored)
 * @param kept    values kept
 * @param dropped outlier builds dropped
 */
public record PredictionInterval(double mean, double sd, int kept, int dropped) {

    /** Modified z-score beyond which a build is an outlier. */
    public static final double OUTLIER_Z = 5;
    /** Floor of the standard deviation relative to |mean|. */
    public static final double RELATIVE_FLOOR = 0.005;

    public static PredictionInterval of(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("a prediction interval needs at least two values");
        }
        double[] kept = withoutOutliers(values);
        double mean = Arrays.stream(kept).average().orElseThrow();
        double ss = 0;
        for (double v : kept) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (kept.length - 1));
        sd = Math.max(sd, Math.max(RELATIVE_FLOOR * Math.abs(mean), 1e-9));
        return new PredictionInterval(mean, sd, kept.length, values.length - kept.length);
    }

    static double[] withoutOutliers(double[] values) {
        double median = RobustStats.median(values);
        double[] dev = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
        double mad = RobustStats.median(dev);
        if (mad == 0) {
            return values.clone();
        }
        int maxDrops = values.length / 10;
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(dev[b], dev[a]));
        boolean[] drop = new boolean[values.length];
        for (int i = 0; i < maxDrops && 0.6745 * dev[order[i]] / mad > OUTLIER_Z; i++) {
            drop[order[i]] = true;
        }
        double[] kept = java.util.stream.IntStream.range(0, values.length).filter(i -> !drop[i])
                .mapToDouble(i -> values[i]).toArray();
        return kept.length >= 3 ? kept : values.clone();
    }

    private double scale() {
        return sd * Math.sqrt(1 + 1.0 / kept);
    }

    /** Degrees of freedom of the t distribution. */
    public int degreesOfFreedom() {
        return kept - 1;
    }

    /** The standardized distance of a value from the mean, in prediction standard errors. */
    public double t(double value) {
        return (value - mean) / scale();
    }

    /** One-sided p-value of a value this far up (or down) under "same as the window". */
    public double pValue(double value, boolean upward) {
        double t = t(value);
        return StudentT.upperTail(upward ? t : -t, degreesOfFreedom());
    }

    /** Lower edge of the one-sided (1 - alpha) interval, i.e. mean - t(alpha)·scale. */
    public double low(double alpha) {
        return mean - StudentT.upperQuantile(alpha, degreesOfFreedom()) * scale();
    }

    public double high(double alpha) {
        return mean + StudentT.upperQuantile(alpha, degreesOfFreedom()) * scale();
    }

    /** Effect size: the change in standard deviations of the window's per-build values. */
    public double sigmas(double value) {
        return (value - mean) / sd;
    }
}
