package io.jenkins.plugins.perfgate.engine.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures another load tool computed itself for one label, or for all requests, taken as the tool gives them
 * (k6 {@code --summary-export}, Locust {@code --csv}). Nothing is derived from them: a percentile the tool did not
 * export is absent, never estimated, and they are not merged with samples or with each other. Times in
 * milliseconds; {@link Double#NaN} (and {@code -1} for the counts) marks a figure the file does not give.
 *
 * @param label       the tool's name for the label ({@code GET /login} for Locust, the {@code name} tag for k6)
 * @param overall     whether these are the figures of all requests (Locust's {@code Aggregated} row, k6's
 *                    untagged metric)
 * @param count       requests, -1 when not given
 * @param errors      failed requests, -1 when not given
 * @param min         fastest response time
 * @param mean        average response time
 * @param max         slowest response time
 * @param percentiles the tool's percentiles by percent (50, 90, 95, 99.9...)
 * @param throughput  requests per second over the run as the tool computed it
 */
public record GivenFigures(String label, boolean overall, long count, long errors, double min, double mean,
        double max, Map<Double, Double> percentiles, double throughput) {

    public GivenFigures {
        Objects.requireNonNull(label);
        percentiles = Collections.unmodifiableMap(new TreeMap<>(percentiles));
    }

    /** The figures given, in words for a console line or a table cell ({@code 31 requests, 1 error, p95 12 ms}). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        if (count >= 0) {
            sb.append(String.format(Locale.ROOT, "%,d request%s", count, count == 1 ? "" : "s"));
        }
        if (errors >= 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%,d error%s", errors, errors == 1 ? "" : "s"));
        }
        ms(sb, "min", min);
        ms(sb, "mean", mean);
        percentiles.forEach((p, v) -> ms(sb, "p" + BigDecimal.valueOf(p).stripTrailingZeros().toPlainString(), v));
        ms(sb, "max", max);
        if (!Double.isNaN(throughput)) {
            sb.append(String.format(Locale.ROOT, ", %.2f/s", throughput));
        }
        return sb.isEmpty() ? "no figures" : sb.toString();
    }

    private static void ms(StringBuilder sb, String name, double v) {
        if (!Double.isNaN(v)) {
            sb.append(sb.isEmpty() ? "" : ", ").append(name).append(' ')
                    .append(BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                            .toPlainString()).append(" ms");
        }
    }
}
