package io.jenkins.plugins.perfgate.model;

import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The key figures of one label of one run as a build keeps them: a handful of numbers, no histograms, so that build
 * records stay small and XStream reads them back without help (a plain class: XStream cannot restore records).
 */
public final class KeyFigures implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String label;
    private final long count;
    private final long errors;
    private final double errorPercent;
    private final double throughput;
    private final double mean;
    private final long p50;
    private final long p90;
    private final long p95;
    private final long p99;
    private final long max;
    private final double apdex;

    public KeyFigures(String label, long count, long errors, double errorPercent, double throughput, double mean, long p50,
            long p90, long p95, long p99, long max, double apdex) {
        this.label = label;
        this.count = count;
        this.errors = errors;
        this.errorPercent = errorPercent;
        this.throughput = throughput;
        this.mean = mean;
        this.p50 = p50;
        this.p90 = p90;
        this.p95 = p95;
        this.p99 = p99;
        this.max = max;
        this.apdex = apdex;
    }

    public static KeyFigures of(String label, LabelStats s) {
        return new KeyFigures(label, s.count(), s.errors(), s.errorPercent(), s.throughput(), s.mean(),
                s.percentile(50), s.percentile(90), s.percentile(95), s.percentile(99), s.max(), s.apdex());
    }

    public String getLabel() {
        return label;
    }

    public long getCount() {
        return count;
    }

    public long getErrors() {
        return errors;
    }

    public double getErrorPercent() {
        return errorPercent;
    }

    public double getThroughput() {
        return throughput;
    }

    public double getMean() {
        return mean;
    }

    public long getP50() {
        return p50;
    }

    public long getP90() {
        return p90;
    }

    public long getP95() {
        return p95;
    }

    public long getP99() {
        return p99;
    }

    public long getMax() {
        return max;
    }

    public double getApdex() {
        return apdex;
    }

    /** A figure by its trend-metric name ({@code p95}, {@code rps}, {@code error%}, ...), NaN when unknown. */
    public double value(String metric) {
        return switch (metric) {
            case "count" -> count;
            case "errors" -> errors;
            case "error%" -> errorPercent;
            case "rps" -> throughput;
            case "mean" -> mean;
            case "p50" -> p50;
            case "p90" -> p90;
            case "p95" -> p95;
            case "p99" -> p99;
            case "max" -> max;
            case "apdex" -> apdex;
            default -> Double.NaN;
        };
    }

    /** For the Pipeline result map: plain numbers under stable keys. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("errors", errors);
        m.put("errorPercent", errorPercent);
        m.put("throughput", throughput);
        m.put("mean", mean);
        m.put("p50", p50);
        m.put("p90", p90);
        m.put("p95", p95);
        m.put("p99", p99);
        m.put("max", max);
        m.put("apdex", apdex);
        return m;
    }

    /** Formatting for pages. */
    public String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, v >= 100 || v == Math.rint(v) ? "%.0f" : "%.2f", v);
    }
}
