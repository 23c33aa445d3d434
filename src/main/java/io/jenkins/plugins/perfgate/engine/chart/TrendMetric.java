package io.jenkins.plugins.perfgate.engine.chart;

/** A figure drawn across builds, with its display name and unit. */
public enum TrendMetric {
    P50("p50", "ms"),
    P95("p95", "ms"),
    P99("p99", "ms"),
    THROUGHPUT("throughput", "requests/s"),
    ERROR_PERCENT("error %", "%");

    private final String displayName;
    private final String unit;

    TrendMetric(String displayName, String unit) {
        this.displayName = displayName;
        this.unit = unit;
    }

    public String displayName() {
        return displayName;
    }

    public String unit() {
        return unit;
    }
}
