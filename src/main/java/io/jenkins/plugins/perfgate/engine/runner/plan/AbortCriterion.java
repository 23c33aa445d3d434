package io.jenkins.plugins.perfgate.engine.runner.plan;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition that stops a run early, written {@code METRIC OP VALUE [for DURATION]}, e.g.
 * {@code error% > 50 for 10s}, {@code p95 > 2000ms for 30s}, {@code rps < 5 for 1m}. The metric is computed over the
 * live window (the last progress interval) every second; the run is aborted once the condition has held for the
 * whole duration (immediately when none is given).
 *
 * @param metric    what is measured
 * @param above     true for {@code >}/{@code >=}, false for {@code <}/{@code <=}
 * @param inclusive whether equality breaches
 * @param threshold the limit, in the metric's unit (percent, milliseconds, requests per second)
 * @param sustained how long the condition must hold
 * @param text      the criterion as written
 */
public record AbortCriterion(LiveMetric metric, boolean above, boolean inclusive, double threshold, Duration sustained,
        String text) {

    /** Live metrics a criterion can use. */
    public enum LiveMetric {
        ERROR_PERCENT("error%"), P95("p95"), P99("p99"), AVG("avg"), RPS("rps");

        private final String token;

        LiveMetric(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*(error%|p95|p99|avg|rps)\\s*(>=|<=|>|<)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|%)?"
                    + "(?:\\s+for\\s+(\\S+))?\\s*");

    public static AbortCriterion parse(String text) {
        Matcher m = SYNTAX.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not METRIC OP VALUE [for DURATION] with METRIC one of"
                    + " error%, p95, p99, avg, rps (e.g. 'error% > 50 for 10s')");
        }
        LiveMetric metric = switch (m.group(1)) {
            case "error%" -> LiveMetric.ERROR_PERCENT;
            case "p95" -> LiveMetric.P95;
            case "p99" -> LiveMetric.P99;
            case "avg" -> LiveMetric.AVG;
            default -> LiveMetric.RPS;
        };
        double value = Double.parseDouble(m.group(3));
        String unit = m.group(4);
        boolean timeMetric = metric == LiveMetric.P95 || metric == LiveMetric.P99 || metric == LiveMetric.AVG;
        if ("s".equals(unit) && timeMetric) {
            value *= 1000;
        } else if (unit != null && !(timeMetric && unit.equals("ms")) && !(metric == LiveMetric.ERROR_PERCENT
                && unit.equals("%"))) {
            throw new IllegalArgumentException("'" + text + "': unit " + unit + " does not fit " + metric.token());
        }
        Duration sustained = m.group(5) == null ? Duration.ZERO : Durations.parse(m.group(5));
        String op = m.group(2);
        return new AbortCriterion(metric, op.startsWith(">"), op.endsWith("="), value, sustained, text.strip());
    }

    /** Whether a measured value breaches the criterion. */
    public boolean breachedBy(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (above) {
            return inclusive ? value >= threshold : value > threshold;
        }
        return inclusive ? value <= threshold : value < threshold;
    }
}
