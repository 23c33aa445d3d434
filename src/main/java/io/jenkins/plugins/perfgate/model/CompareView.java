package io.jenkins.plugins.perfgate.model;

import hudson.model.Job;
import io.jenkins.plugins.perfgate.engine.compare.ComparisonTable;
import io.jenkins.plugins.perfgate.engine.compare.LabelComparison;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.StatDelta;
import io.jenkins.plugins.perfgate.engine.gate.BuildComparison;
import io.jenkins.plugins.perfgate.engine.gate.Significance;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the compare page shows of a {@link BuildComparison}: one block per label (overall first), one row per
 * statistic with the figures formatted exactly as {@code perfgate compare} prints them. Immutable.
 */
public final class CompareView {

    private final Job<?, ?> job;
    private final String urlName;
    private final BuildComparison comparison;

    CompareView(Job<?, ?> job, String urlName, BuildComparison comparison) {
        this.job = job;
        this.urlName = urlName;
        this.comparison = comparison;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** {@code perfgate} or {@code perfgate-ID}: the URL segment of this result id in builds and jobs. */
    public String getUrlName() {
        return urlName;
    }

    public long getA() {
        return comparison.baseline().number();
    }

    public long getB() {
        return comparison.current().number();
    }

    /** For the heading: {@code #41 (v1.0, SUCCESS)}. */
    public String describe(long number) {
        HistoryEntry e = number == getA() ? comparison.baseline() : comparison.current();
        return e.build().display() + " (" + e.build().result() + ", run " + e.figures().status() + ")";
    }

    /** Labels in both builds, overall first. */
    public List<Block> getBlocks() {
        List<Block> out = new ArrayList<>();
        List<LabelComparison> rows = new ArrayList<>();
        rows.add(comparison.comparison().overall());
        rows.addAll(comparison.comparison().labels());
        for (LabelComparison l : rows) {
            if (l.presence() != LabelComparison.Presence.BOTH) {
                continue;
            }
            List<Row> stats = new ArrayList<>();
            for (Metric m : Metric.values()) {
                StatDelta d = l.delta(m).orElseThrow();
                String sig = comparison.significance(l.label(), m).map(CompareView::significance).orElse("");
                // "not assessed" counts as significant for the gate (the threshold decides), not as a finding here
                boolean significant = comparison.significance(l.label(), m)
                        .filter(x -> x.method() != Significance.Method.NOT_ASSESSED).map(Significance::significant)
                        .orElse(false);
                stats.add(new Row(m.key(), m.format(d.baseline()), m.format(d.current()),
                        ComparisonTable.signed(m, d.absolute()), ComparisonTable.relative(d),
                        !ComparisonTable.relative(d).equals("0.0 %") && d.worse(), significant, sig));
            }
            out.add(new Block(l.label(), stats));
        }
        return out;
    }

    /** Labels only in build B. */
    public String getAdded() {
        return String.join(", ", comparison.comparison().added().stream().map(LabelComparison::label).toList());
    }

    /** Labels only in build A. */
    public String getRemoved() {
        return String.join(", ", comparison.comparison().removed().stream().map(LabelComparison::label).toList());
    }

    /** The significance column's text: {@code not assessed (1 baseline run)}, {@code within noise, ... p=0.21}. */
    static String significance(Significance s) {
        if (s.method() == Significance.Method.NOT_ASSESSED) {
            int runs = s.baselineRuns();
            return "not assessed (" + runs + (runs == 1 ? " baseline run)" : " baseline runs)");
        }
        return (s.significant() ? "significant" : "within noise")
                + String.format(Locale.ROOT, ", %s p=%.3g", s.method().title(), s.pValue());
    }

    /** One label's statistics. */
    public static final class Block {
        private final String label;
        private final List<Row> rows;

        Block(String label, List<Row> rows) {
            this.label = label;
            this.rows = List.copyOf(rows);
        }

        public String getLabel() {
            return label;
        }

        public List<Row> getRows() {
            return rows;
        }
    }

    /** One statistic of a label: A, B, change, relative change, significance. */
    public record Row(String metric, String baseline, String current, String change, String relative, boolean worse,
            boolean significant, String significance) {
    }
}
