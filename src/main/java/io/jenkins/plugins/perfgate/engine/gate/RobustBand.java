package io.jenkins.plugins.perfgate.engine.gate;

import java.util.Arrays;

/**
 * Where per-build values of a statistic usually scatter: median ± k robust standard deviations, the robust standard
 * deviation being 1.4826·MAD (consistent with σ for normal data) and never below a floor of 0.5 % of the median
 * (HdrHistogram keeps 0.1 %, and a window of identical values must not make every change "significant").
 *
 * @param median the window's median
 * @param sigma  the robust standard deviation (floored)
 * @param k      half-width in sigmas
 */
public record RobustBand(double median, double sigma, double k) {

    /** Scale factor from MAD to σ for normally distributed data. */
    public static final double MAD_TO_SIGMA = 1.4826;
    /** Floor of sigma relative to |median|. */
    public static final double RELATIVE_FLOOR = 0.005;

    public static RobustBand of(double[] values, double k) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a band needs at least one value");
        }
        double median = median(values);
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        double sigma = Math.max(MAD_TO_SIGMA * median(deviations), Math.max(RELATIVE_FLOOR * Math.abs(median),
                1e-9));
        return new RobustBand(median, sigma, k);
    }

    public double low() {
        return median - k * sigma;
    }

    public double high() {
        return median + k * sigma;
    }

    /** Distance of a value from the median in robust sigmas (signed). */
    public double sigmas(double value) {
        return (value - median) / sigma;
    }

    /** Whether a value lies beyond the band on the given side. */
    public boolean beyond(double value, boolean upward) {
        return upward ? value > high() : value < low();
    }

    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
