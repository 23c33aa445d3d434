package io.jenkins.plugins.perfgate.engine.compare;

import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The key figures of one label of one run: every {@link Metric} as a number, NaN when not recorded. The one type for
 * them: comparisons, gates, trends, history indexes, metrics exports and Jenkins build records all use it; it is small
 * enough to index a build history without decoding histograms. Immutable.
 *
 * <p>A plain final class rather than a record because Jenkins persists it with XStream in every build record, and
 * XStream cannot restore records. The eleven figures a build page shows are fields with the names build records have
 * always used ({@code label}, {@code count}, ..., {@code apdex}); the other metrics sit in one primitive array
 * ({@code more}), absent from build records (they keep the key figures only). Records that kept them in a map
 * ({@code others}) still read.
 */
public final class LabelFigures implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String label;
    private final double count;
    private final double errors;
    private final double errorPercent;
    private final double throughput;
    private final double mean;
    private final double p50;
    private final double p90;
    private final double p95;
    private final double p99;
    private final double max;
    private final double apdex;
    /**
     * Every other metric's value by its position in {@link #OTHERS} (NaN when not recorded); null when none has a
     * value (build records keep the key figures only). A primitive array: a history of 10,000 builds holds one per
     * label and build, where a map of boxed values cost three times as much.
     */
    private final double[] more;
    /** Build records of an earlier version kept the other metrics in a map; read into {@link #more}, never written. */
    private EnumMap<Metric, Double> others;

    /** The metrics that are not {@link Metric#isKeyFigure() key figures}, in declaration order. */
    private static final Metric[] OTHERS = java.util.Arrays.stream(Metric.values()).filter(m -> !m.isKeyFigure())
            .toArray(Metric[]::new);
    /** Position of each metric in {@link #OTHERS} by ordinal; -1 for key figures. */
    private static final int[] OTHER_INDEX = new int[Metric.values().length];

    static {
        java.util.Arrays.fill(OTHER_INDEX, -1);
        for (int i = 0; i < OTHERS.length; i++) {
            OTHER_INDEX[OTHERS[i].ordinal()] = i;
        }
    }

    /**
     * @param label  the label ({@link io.jenkins.plugins.perfgate.engine.stats.OverallRow#LABEL} for the overall row)
     * @param values a value per metric; missing metrics are NaN
     */
    public LabelFigures(String label, Map<Metric, Double> values) {
        this.label = Objects.requireNonNull(label);
        this.count = valueOf(values, Metric.COUNT);
        this.errors = valueOf(values, Metric.ERRORS);
        this.errorPercent = valueOf(values, Metric.ERROR_PERCENT);
        this.throughput = valueOf(values, Metric.THROUGHPUT);
        this.mean = valueOf(values, Metric.MEAN);
        this.p50 = valueOf(values, Metric.P50);
        this.p90 = valueOf(values, Metric.P90);
        this.p95 = valueOf(values, Metric.P95);
        this.p99 = valueOf(values, Metric.P99);
        this.max = valueOf(values, Metric.MAX);
        this.apdex = valueOf(values, Metric.APDEX);
        this.more = others(values::get);
    }

    /**
     * The figures of a label from values by {@link Metric#ordinal()} (NaN where not recorded): what index readers
     * build without a map per row.
     *
     * @param label  the label
     * @param values one value per metric, in {@link Metric#values()} order; not kept
     */
    public static LabelFigures ofOrdinals(String label, double[] values) {
        if (values.length != Metric.values().length) {
            throw new IllegalArgumentException("expected " + Metric.values().length + " values, got " + values.length);
        }
        return new LabelFigures(label, values);
    }

    private LabelFigures(String label, double[] byOrdinal) {
        this.label = Objects.requireNonNull(label);
        this.count = byOrdinal[Metric.COUNT.ordinal()];
        this.errors = byOrdinal[Metric.ERRORS.ordinal()];
        this.errorPercent = byOrdinal[Metric.ERROR_PERCENT.ordinal()];
        this.throughput = byOrdinal[Metric.THROUGHPUT.ordinal()];
        this.mean = byOrdinal[Metric.MEAN.ordinal()];
        this.p50 = byOrdinal[Metric.P50.ordinal()];
        this.p90 = byOrdinal[Metric.P90.ordinal()];
        this.p95 = byOrdinal[Metric.P95.ordinal()];
        this.p99 = byOrdinal[Metric.P99.ordinal()];
        this.max = byOrdinal[Metric.MAX.ordinal()];
        this.apdex = byOrdinal[Metric.APDEX.ordinal()];
        this.more = others(m -> byOrdinal[m.ordinal()]);
    }

    /** The other metrics' values, or null when none has one. */
    private static double[] others(java.util.function.Function<Metric, Double> value) {
        double[] rest = null;
        for (int i = 0; i < OTHERS.length; i++) {
            Double v = value.apply(OTHERS[i]);
            if (v != null && !Double.isNaN(v)) {
                if (rest == null) {
                    rest = new double[OTHERS.length];
                    java.util.Arrays.fill(rest, Double.NaN);
                }
                rest[i] = v;
            }
        }
        return rest;
    }

    /** A build record of an earlier version, with its other metrics in a map: read into the array. */
    private Object readResolve() {
        return others == null ? this : new LabelFigures(label, values(this, others));
    }

    private static Map<Metric, Double> values(LabelFigures keyFigures, Map<Metric, Double> others) {
        EnumMap<Metric, Double> all = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            if (m.isKeyFigure()) {
                all.put(m, keyFigures.get(m));
            } else {
                all.put(m, others.getOrDefault(m, Double.NaN));
            }
        }
        return all;
    }

    private static double valueOf(Map<Metric, Double> values, Metric m) {
        Double v = values.get(m);
        return v == null ? Double.NaN : v;
    }

    public static LabelFigures of(LabelStats stats) {
        return of(stats.label(), stats);
    }

    public static LabelFigures of(String label, LabelStats stats) {
        EnumMap<Metric, Double> v = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            v.put(m, m.of(stats));
        }
        return new LabelFigures(label, v);
    }

    public String label() {
        return label;
    }

    /** The value of a metric (NaN when it was not recorded, e.g. a newer metric in an older index). */
    public double get(Metric metric) {
        return switch (metric) {
            case COUNT -> count;
            case ERRORS -> errors;
            case ERROR_PERCENT -> errorPercent;
            case THROUGHPUT -> throughput;
            case MEAN -> mean;
            case P50 -> p50;
            case P90 -> p90;
            case P95 -> p95;
            case P99 -> p99;
            case MAX -> max;
            case APDEX -> apdex;
            default -> more == null ? Double.NaN : more[OTHER_INDEX[metric.ordinal()]];
        };
    }

    /** Every metric's value, NaN where none was recorded. */
    public Map<Metric, Double> values() {
        EnumMap<Metric, Double> all = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            all.put(m, get(m));
        }
        return Collections.unmodifiableMap(all);
    }

    /** Number of samples behind these figures. */
    public long count() {
        return whole(Metric.COUNT);
    }

    public LabelFigures withLabel(String newLabel) {
        return new LabelFigures(newLabel, values());
    }

    /** Only the figures a build record keeps (the fields), so that build records stay small. */
    public LabelFigures keyFiguresOnly() {
        EnumMap<Metric, Double> key = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            if (m.isKeyFigure()) {
                key.put(m, get(m));
            }
        }
        return new LabelFigures(label, key);
    }

    /** A figure by its metric name or alias ({@code p95}, {@code rps}, {@code error%}, ...), NaN when unknown. */
    public double value(String metric) {
        return Metric.byName(metric).map(this::get).orElse(Double.NaN);
    }

    /** A whole-number figure (counts, milliseconds of percentiles), 0 when not recorded. */
    public long whole(Metric metric) {
        double v = get(metric);
        return Double.isNaN(v) ? 0 : (long) v;
    }

    /** For the Pipeline result map: plain numbers under stable keys. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", getCount());
        m.put("errors", getErrors());
        m.put("errorPercent", errorPercent);
        m.put("throughput", throughput);
        m.put("mean", mean);
        m.put("p50", getP50());
        m.put("p90", getP90());
        m.put("p95", getP95());
        m.put("p99", getP99());
        m.put("max", getMax());
        m.put("apdex", apdex);
        return m;
    }

    // Bean getters for Jelly pages; whole-number figures as build records have always shown them.

    public String getLabel() {
        return label;
    }

    public long getCount() {
        return whole(Metric.COUNT);
    }

    public long getErrors() {
        return whole(Metric.ERRORS);
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
        return whole(Metric.P50);
    }

    public long getP90() {
        return whole(Metric.P90);
    }

    public long getP95() {
        return whole(Metric.P95);
    }

    public long getP99() {
        return whole(Metric.P99);
    }

    public long getMax() {
        return whole(Metric.MAX);
    }

    public double getApdex() {
        return apdex;
    }

    /** Formatting for pages. */
    public String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, v >= 100 || v == Math.rint(v) ? "%.0f" : "%.2f", v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelFigures f && label.equals(f.label) && values().equals(f.values());
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, values());
    }

    @Override
    public String toString() {
        return "LabelFigures[label=" + label + ", values=" + values() + "]";
    }
}
