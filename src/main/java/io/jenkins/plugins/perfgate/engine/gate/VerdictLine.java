package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a verdict: one criterion judged on one label (or the overall row), or the check that the run is
 * complete. Numbers are in the metric's unit; NaN when not applicable. Immutable.
 *
 * @param name          the criterion as written, or {@code run status} for the completeness check
 * @param criterion     the criterion (empty for the completeness check)
 * @param label         the label judged ({@code TOTAL} for overall; the scope text when no label matched)
 * @param status        what was found
 * @param outcome       its effect on the verdict
 * @param value         the current value
 * @param threshold     the bound as written for people ({@code < 800 ms}, {@code < +10.0 %})
 * @param baselineValue the baseline's value
 * @param delta         value - baselineValue
 * @param relativeDelta delta / baselineValue as a fraction
 * @param significance  the noise judgement of a baseline criterion whose threshold was crossed
 * @param message       the line for people
 */
public record VerdictLine(String name, Optional<Criterion> criterion, String label, LineStatus status,
        Outcome outcome, double value, String threshold, double baselineValue, double delta, double relativeDelta,
        Optional<Significance> significance, String message) {

    public VerdictLine {
        Objects.requireNonNull(name);
        Objects.requireNonNull(criterion);
        Objects.requireNonNull(label);
        Objects.requireNonNull(status);
        Objects.requireNonNull(outcome);
        threshold = threshold == null ? "" : threshold;
        Objects.requireNonNull(significance);
        message = message == null ? "" : message;
    }

    public Optional<Metric> metric() {
        return criterion.map(Criterion::metric);
    }

    /** {@code FAIL  p95 < 800ms [TOTAL]: 912 ms (baseline 801 ms, +13.9 %) ...}. */
    public String format() {
        return String.format(Locale.ROOT, "%-8s %s [%s]: %s", outcome.name(), name, label, message);
    }
}
