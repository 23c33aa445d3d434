package io.jenkins.plugins.perfgate.engine.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A comparison as a text table for people: per label (overall first) and statistic the baseline value, the current
 * value, the absolute and the relative change; labels added or removed are listed as such.
 */
public final class ComparisonTable {

    /** The statistics shown unless others are asked for. */
    public static final List<Metric> DEFAULT_METRICS = List.of(Metric.MEAN, Metric.P50, Metric.P95, Metric.P99,
            Metric.ERROR_PERCENT, Metric.THROUGHPUT);

    private ComparisonTable() {
    }

    public static String format(Comparison c, List<Metric> metrics) {
        StringBuilder sb = new StringBuilder();
        sb.append("comparison with ").append(c.baselineDescription()).append('\n');
        sb.append(String.format(Locale.ROOT, "  %-28s %-14s %14s %14s %14s %10s%n", "label", "statistic", "baseline",
                "current", "change", "relative"));
        List<LabelComparison> rows = new ArrayList<>();
        rows.add(c.overall());
        rows.addAll(c.labels());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (LabelComparison l : rows) {
            switch (l.presence()) {
                case ADDED -> added.add(l.label());
                case REMOVED -> removed.add(l.label());
                case BOTH -> {
                    for (Metric m : metrics) {
                        StatDelta d = l.delta(m).orElseThrow();
                        sb.append(String.format(Locale.ROOT, "  %-28s %-14s %14s %14s %14s %10s%n",
                                truncate(l.label(), 28), m.key(), m.format(d.baseline()), m.format(d.current()),
                                signed(m, d.absolute()), relative(d)));
                    }
                }
            }
        }
        if (!added.isEmpty()) {
            sb.append("  added (not in the baseline): ").append(String.join(", ", added)).append('\n');
        }
        if (!removed.isEmpty()) {
            sb.append("  removed (only in the baseline): ").append(String.join(", ", removed)).append('\n');
        }
        return sb.toString();
    }

    /** The absolute change as the table shows it ({@code +190 ms}, {@code n/a}). */
    public static String signed(Metric m, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String text = m.format(v);
        return v > 0 && !text.equals(m.format(0)) ? "+" + text : text;
    }

    /** The relative change as the table shows it ({@code +49.5 %}, {@code new}). */
    public static String relative(StatDelta d) {
        double r = d.relative();
        if (Double.isNaN(r)) {
            return d.current() == d.baseline() ? "0.0 %" : "new";
        }
        return Math.abs(r) < 0.0005 ? "0.0 %" : String.format(Locale.ROOT, "%+.1f %%", r * 100);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
