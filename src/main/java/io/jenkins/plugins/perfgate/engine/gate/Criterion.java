package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.Objects;

/**
 * One parsed gate criterion, e.g. {@code p99[label=~"checkout.*"] < 2s} or {@code mean vs baseline < +15% =>
 * unstable}. Thresholds are held in the metric's unit (ms, %, /s...), relative ones as a fraction (0.10 = 10 %).
 *
 * @param text      the criterion as written (trimmed)
 * @param metric    the statistic
 * @param scope     which rows it applies to
 * @param kind      whether the value itself or its change from the baseline is bounded
 * @param operator  the bound's comparison
 * @param threshold the bound (metric unit; fraction for {@link Kind#RELATIVE})
 * @param severity  what a violation does
 */
public record Criterion(String text, Metric metric, Scope scope, Kind kind, Operator operator, double threshold,
        Severity severity) {

    /** What is bounded. */
    public enum Kind {
        /** The value itself: {@code p95 < 800ms}. */
        ABSOLUTE,
        /** The relative change from the baseline: {@code p95 vs baseline < +10%}. */
        RELATIVE,
        /** The change from the baseline in the metric's unit: {@code p95 vs baseline < +50ms}. */
        DELTA;

        public boolean againstBaseline() {
            return this != ABSOLUTE;
        }
    }

    /** A comparison that must hold for the criterion to pass. */
    public enum Operator {
        LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean holds(double value, double bound) {
            return switch (this) {
                case LT -> value < bound;
                case LE -> value <= bound;
                case GT -> value > bound;
                case GE -> value >= bound;
            };
        }

        /** Whether the bound caps the value from above (a regression is an increase). */
        public boolean upperBound() {
            return this == LT || this == LE;
        }
    }

    public Criterion {
        Objects.requireNonNull(text);
        Objects.requireNonNull(metric);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(operator);
        Objects.requireNonNull(severity);
        if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number");
        }
    }

    /** The threshold for people: {@code < 800 ms}, {@code < +10 %}. */
    public String thresholdText() {
        String bound = switch (kind) {
            case ABSOLUTE -> metric.format(threshold);
            case RELATIVE -> String.format(java.util.Locale.ROOT, "%+.1f %%", threshold * 100);
            case DELTA -> (threshold >= 0 ? "+" : "") + metric.format(threshold);
        };
        return operator.symbol() + " " + bound;
    }
}
