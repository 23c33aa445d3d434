package io.jenkins.plugins.perfgate.engine.runner.plan;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition that stops a run early, written {@code METRIC OP VALUE [for DURATION]}, e.g.
 * {@code error% > 50 for 10s}, {@code p95 > 2000ms for 30s}, {@code rps < 5 for 1m}. METRIC is a metric name of the
 * criteria language ({@link Metric#byName}: {@code mean}, {@code throughput}, ... and their aliases, so the older
 * {@code avg} and {@code rps} still read) among those measured live ({@link #LIVE}). The metric is computed over the
 * live window (the last progress interval) every second; the run is aborted once the condition has held for the
 * whole duration (immediately when none is given).
 *
 * @param metric    what is measured, one of {@link #LIVE}
 * @param above     true for {@code >}/{@code >=}, false for {@code <}/{@code <=}
 * @param inclusive whether equality breaches
 * @param threshold the limit, in the metric's unit (percent, milliseconds, requests per second)
 * @param sustained how long the condition must hold
 * @param text      the criterion as written
 */
public record AbortCriterion(Metric metric, boolean above, boolean inclusive, double threshold, Duration sustained,
        String text) {

    /** The metrics the live window measures, hence the ones an abort criterion can use. */
    public static final Set<Metric> LIVE = Collections.unmodifiableSet(
            EnumSet.of(Metric.ERROR_PERCENT, Metric.P95, Metric.P99, Metric.MEAN, Metric.THROUGHPUT));

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*(\\S+?)\\s*(>=|<=|>|<)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|%)?(?:\\s+for\\s+(\\S+))?\\s*");

    public static AbortCriterion parse(String text) {
        Matcher m = SYNTAX.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw syntaxError(text, "");
        }
        Metric metric = Metric.byName(m.group(1)).filter(LIVE::contains)
                .orElseThrow(() -> syntaxError(text, " ('" + m.group(1) + "' is not measured live)"));
        double value = Double.parseDouble(m.group(3));
        String unit = m.group(4);
        boolean timeMetric = metric.unit() == Metric.Unit.MILLIS;
        if ("s".equals(unit) && timeMetric) {
            value *= 1000;
        } else if (unit != null && !(timeMetric && unit.equals("ms")) && !(metric.unit() == Metric.Unit.PERCENT
                && unit.equals("%"))) {
            throw new IllegalArgumentException("'" + text + "': unit " + unit + " does not fit " + metric.key());
        }
        Duration sustained = m.group(5) == null ? Duration.ZERO : Durations.parse(m.group(5));
        String op = m.group(2);
        return new AbortCriterion(metric, op.startsWith(">"), op.endsWith("="), value, sustained, text.strip());
    }

    private static IllegalArgumentException syntaxError(String text, String detail) {
        return new IllegalArgumentException("'" + text + "' is not METRIC OP VALUE [for DURATION]" + detail
                + " with METRIC one of " + names() + " (e.g. 'error% > 50 for 10s')");
    }

    /** The live metrics with their aliases, for messages: {@code error% (errors%, ...), p95, ...}. */
    private static String names() {
        StringBuilder sb = new StringBuilder();
        for (Metric m : LIVE) {
            sb.append(sb.isEmpty() ? "" : ", ").append(m.key());
            if (!m.aliases().isEmpty()) {
                sb.append(" (").append(String.join(", ", m.aliases())).append(')');
            }
        }
        return sb.toString();
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
