package io.jenkins.plugins.perfgate.engine.chart;

import io.jenkins.plugins.perfgate.engine.stats.LabelStats;

/**
 * The key figures of one build (overall or of one label) that trend charts draw. Immutable.
 *
 * @param samples      number of samples
 * @param p50          median response time, ms
 * @param p95          95th percentile, ms
 * @param p99          99th percentile, ms
 * @param throughput   samples per second
 * @param errorPercent failed samples in %
 */
public record TrendFigures(long samples, double p50, double p95, double p99, double throughput,
        double errorPercent) {

    public TrendFigures {
        if (samples < 0 || !finiteNonNegative(p50) || !finiteNonNegative(p95) || !finiteNonNegative(p99)
                || !finiteNonNegative(throughput) || !finiteNonNegative(errorPercent) || errorPercent > 100) {
            throw new IllegalArgumentException("invalid trend figures: samples=" + samples + " p50=" + p50
                    + " p95=" + p95 + " p99=" + p99 + " throughput=" + throughput + " error%=" + errorPercent);
        }
    }

    public static TrendFigures of(LabelStats stats) {
        return new TrendFigures(stats.count(), stats.percentile(50), stats.percentile(95), stats.percentile(99),
                stats.throughput(), stats.errorPercent());
    }

    /** The value of a metric. */
    public double value(TrendMetric metric) {
        return switch (metric) {
            case P50 -> p50;
            case P95 -> p95;
            case P99 -> p99;
            case THROUGHPUT -> throughput;
            case ERROR_PERCENT -> errorPercent;
        };
    }

    private static boolean finiteNonNegative(double v) {
        return Double.isFinite(v) && v >= 0;
    }
}
