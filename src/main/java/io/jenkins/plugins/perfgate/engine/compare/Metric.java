package io.jenkins.plugins.perfgate.engine.compare;

import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Every statistic perfgate compares, gates and trends. Each has a canonical name (as written in criteria and
 * exported files), aliases accepted by the criteria language, a unit and whether a higher value is better.
 */
public enum Metric {
    MEAN("mean", Unit.MILLIS, false, LabelStats::mean, "avg", "average"),
    MIN("min", Unit.MILLIS, false, LabelStats::min),
    MAX("max", Unit.MILLIS, false, LabelStats::max),
    P50("p50", Unit.MILLIS, false, s -> s.percentile(50), "median"),
    P90("p90", Unit.MILLIS, false, s -> s.percentile(90)),
    P95("p95", Unit.MILLIS, false, s -> s.percentile(95)),
    P99("p99", Unit.MILLIS, false, s -> s.percentile(99)),
    P999("p99.9", Unit.MILLIS, false, s -> s.percentile(99.9), "p999"),
    STDDEV("stddev", Unit.MILLIS, false, LabelStats::standardDeviation, "sd"),
    ERROR_PERCENT("error%", Unit.PERCENT, false, LabelStats::errorPercent, "errors%", "error_rate", "error_percent"),
    ERRORS("errors", Unit.COUNT, false, LabelStats::errors),
    COUNT("count", Unit.COUNT, true, LabelStats::count, "samples"),
    THROUGHPUT("rps", Unit.PER_SECOND, true, LabelStats::throughput, "throughput", "tps"),
    APDEX("apdex", Unit.SCORE, true, LabelStats::apdex),
    LATENCY_P50("latency_p50", Unit.MILLIS, false, s -> s.latencyPercentile(50), "latency.p50"),
    LATENCY_P90("latency_p90", Unit.MILLIS, false, s -> s.latencyPercentile(90), "latency.p90"),
    LATENCY_P95("latency_p95", Unit.MILLIS, false, s -> s.latencyPercentile(95), "latency.p95"),
    LATENCY_P99("latency_p99", Unit.MILLIS, false, s -> s.latencyPercentile(99), "latency.p99"),
    LATENCY_P999("latency_p99.9", Unit.MILLIS, false, s -> s.latencyPercentile(99.9), "latency.p99.9",
            "latency_p999"),
    CONNECT_P50("connect_p50", Unit.MILLIS, false, s -> s.connectPercentile(50), "connect.p50"),
    CONNECT_P90("connect_p90", Unit.MILLIS, false, s -> s.connectPercentile(90), "connect.p90"),
    CONNECT_P95("connect_p95", Unit.MILLIS, false, s -> s.connectPercentile(95), "connect.p95"),
    CONNECT_P99("connect_p99", Unit.MILLIS, false, s -> s.connectPercentile(99), "connect.p99"),
    CONNECT_P999("connect_p99.9", Unit.MILLIS, false, s -> s.connectPercentile(99.9), "connect.p99.9",
            "connect_p999"),
    RECEIVED_BYTES_PER_SEC("bytes/s", Unit.BYTES_PER_SECOND, true, LabelStats::receivedBytesPerSecond,
            "received_bytes/s", "rx_bytes/s"),
    SENT_BYTES_PER_SEC("sent_bytes/s", Unit.BYTES_PER_SECOND, true, LabelStats::sentBytesPerSecond, "tx_bytes/s");

    /** The unit a metric's values are expressed in; thresholds with other units are converted to it. */
    public enum Unit {
        MILLIS("ms"), PERCENT("%"), COUNT(""), PER_SECOND("/s"), BYTES_PER_SECOND("B/s"), SCORE("");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private final String key;
    private final Unit unit;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<LabelStats> extractor;
    private final List<String> aliases;

    Metric(String key, Unit unit, boolean higherIsBetter, ToDoubleFunction<LabelStats> extractor,
            String... aliases) {
        this.key = key;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.extractor = extractor;
        this.aliases = List.of(aliases);
    }

    /** Canonical name, as written in criteria and exported files. */
    public String key() {
        return key;
    }

    public Unit unit() {
        return unit;
    }

    /** Whether an increase is an improvement (throughput, apdex) rather than a regression (times, errors). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * Whether going from {@code baseline} to {@code current} is a change for the worse: up for times, errors and
     * sizes of failure, down for throughput, counts and Apdex. The one place the direction of "worse" is decided.
     * False when either value is NaN.
     */
    public boolean worse(double baseline, double current) {
        return higherIsBetter ? current < baseline : current > baseline;
    }

    /** Whether this is one of the eleven figures a build record keeps and a build page shows. */
    public boolean isKeyFigure() {
        return switch (this) {
            case COUNT, ERRORS, ERROR_PERCENT, THROUGHPUT, MEAN, P50, P90, P95, P99, MAX, APDEX -> true;
            default -> false;
        };
    }

    public List<String> aliases() {
        return aliases;
    }

    /** This metric's value for one label's statistics. */
    public double of(LabelStats stats) {
        return extractor.applyAsDouble(stats);
    }

    /** The metric named by its key or an alias, case-insensitive. */
    public static Optional<Metric> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.key.equals(n) || m.aliases.contains(n)).findFirst();
    }

    /** A value in this metric's unit, for people: {@code 812 ms}, {@code 1.25 %}, {@code 52.3/s}. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        String number = switch (unit) {
            case COUNT -> String.format(Locale.ROOT, "%.0f", value);
            case SCORE -> String.format(Locale.ROOT, "%.3f", value);
            case PERCENT -> String.format(Locale.ROOT, "%.2f", value);
            default -> Math.abs(value) >= 100 || value == Math.rint(value)
                    ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
        };
        if (number.startsWith("-") && number.chars().allMatch(ch -> ch == '-' || ch == '0' || ch == '.')) {
            number = number.substring(1); // no "-0.0" for a change that rounds to nothing
        }
        return switch (unit) {
            case COUNT, SCORE -> number;
            case PERCENT -> number + " %";
            case PER_SECOND, BYTES_PER_SECOND -> number + unit.symbol;
            case MILLIS -> number + " ms";
        };
    }

    @Override
    public String toString() {
        return key;
    }
}
