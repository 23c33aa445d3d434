package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.compare.LabelComparison;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-label table: one row per label after the overall row, key statistics with their change from the baseline
 * coloured by significance ({@link DeltaJudge}). Every numeric cell carries its raw value in {@code data-sort}
 * so the optional script can sort; without the script the table is ordered by label.
 */
final class LabelTable {

    /** Columns after the label, in order. */
    static final List<Metric> COLUMNS = List.of(Metric.COUNT, Metric.ERROR_PERCENT, Metric.MEAN, Metric.P50,
            Metric.P90, Metric.P95, Metric.P99, Metric.MAX, Metric.THROUGHPUT, Metric.APDEX);

    private LabelTable() {
    }

    /** Up to this many labels the table is in label order; with more, busiest first. */
    static final int BY_LABEL_UP_TO = 50;

    static void render(ReportInput input, Html h) {
        DeltaJudge judge = new DeltaJudge(input);
        h.open("section", "id", "labels").element("h2", "Labels");
        if (judge.hasBaseline()) {
            h.open("p", "class", "legend").text("Changes against " + judge.baselineDescription() + ": ")
                    .element("span", "significantly worse", "class", "delta delta-worse").text(" ")
                    .element("span", "significantly better", "class", "delta delta-better").text(" ")
                    .element("span", "within noise", "class", "delta delta-noise").text(" ")
                    .element("span", "not judged (too little history)", "class", "delta delta-unjudged")
                    .close("p");
        } else {
            h.element("p", "No baseline: changes are not shown.", "class", "legend");
        }
        if (input.summary().labels().size() > BY_LABEL_UP_TO) {
            h.element("p", input.summary().labels().size() + " labels, the busiest first (by samples).", "class",
                    "legend");
        }
        h.open("div", "class", "table-wrap").open("table", "id", "label-table", "class", "labels sortable");
        h.open("thead").open("tr").element("th", "Label", "data-type", "text");
        for (Metric m : COLUMNS) {
            h.element("th", header(m), "data-type", "number");
        }
        h.close("tr").close("thead").newline().open("tbody");
        List<LabelStats> rows = new ArrayList<>();
        rows.add(input.summary().overall().withLabel(OverallRow.LABEL));
        List<LabelStats> labels = new ArrayList<>(input.summary().labels());
        if (labels.size() > BY_LABEL_UP_TO) {
            // with hundreds or thousands of labels the ones that carry the load come first, without any script
            labels.sort(java.util.Comparator.comparingLong(LabelStats::count).reversed()
                    .thenComparing(LabelStats::label));
        }
        rows.addAll(labels);
        for (int i = 0; i < rows.size(); i++) {
            row(rows.get(i), i == 0, input, judge, h);
        }
        h.close("tbody").close("table").close("div").newline();
        removedLabels(input, h);
        h.close("section").newline();
    }

    private static String header(Metric m) {
        return switch (m) {
            case COUNT -> "Samples";
            case ERROR_PERCENT -> "Errors";
            case THROUGHPUT -> "Throughput";
            case APDEX -> "Apdex";
            default -> m.key();
        };
    }

    private static void row(LabelStats s, boolean overall, ReportInput input, DeltaJudge judge, Html h) {
        h.open("tr", "class", overall ? "overall" : null);
        h.open("th", "scope", "row", "class", "label", "data-sort", overall ? "" : s.label());
        h.text(overall ? "All samples" : s.label());
        if (s.transactionController()) {
            h.text(" ").element("span", "transaction", "class", "tag");
        }
        Optional<LabelComparison> cmp = judge.row(s.label());
        if (!overall && cmp.map(c -> c.presence() == LabelComparison.Presence.ADDED).orElse(false)) {
            h.text(" ").element("span", "new", "class", "tag", "title", "not in the baseline");
        }
        h.close("th");
        for (Metric m : COLUMNS) {
            double v = m.of(s);
            h.open("td", "class", "num", "data-sort", Double.toString(v));
            h.element("span", m == Metric.COUNT ? String.format(Locale.ROOT, "%,d", s.count()) : m.format(v),
                    "class", "value");
            if (m != Metric.COUNT) {
                judge.judge(s.label(), m).ifPresent(d -> h.raw(" ").element("span", d.text(),
                        "class", "delta " + d.judgement().cssClass(), "title", d.title()));
            }
            h.close("td");
        }
        h.close("tr").newline();
    }

    private static void removedLabels(ReportInput input, Html h) {
        var removed = input.comparison().map(c -> c.removed()).orElse(List.of());
        if (removed.isEmpty()) {
            return;
        }
        h.open("p", "class", "removed").text("Only in the baseline (not run this time): ");
        for (int i = 0; i < removed.size(); i++) {
            h.text(i == 0 ? "" : ", ").element("span", removed.get(i).label(), "class", "label");
        }
        h.close("p");
    }
}
