package io.jenkins.plugins.perfgate.engine.gate;

import java.util.Arrays;

/** Median and median absolute deviation: location and scale that one odd run cannot drag. */
public final class RobustStats {

    /** Scale factor from MAD to σ for normally distributed data. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private RobustStats() {
    }

    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of nothing is undefined");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Median absolute deviation from the median (unscaled). */
    public static double mad(double[] values) {
        double median = median(values);
        return median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
    }
}
