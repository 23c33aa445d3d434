package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.stats.CountTable;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Errors per label, most failing first: top response codes and failure messages with their counts. */
final class ErrorsSection {

    /** Failing labels shown in detail; the label table has the error % of all. */
    static final int MAX_LABELS = 50;

    private ErrorsSection() {
    }

    static void render(ReportInput input, Html h) {
        h.open("section", "id", "errors").element("h2", "Errors");
        List<LabelStats> failing = new ArrayList<>(input.summary().labels().stream()
                .filter(s -> s.errors() > 0)
                .sorted(Comparator.comparingLong(LabelStats::errors).reversed().thenComparing(LabelStats::label))
                .toList());
        if (failing.isEmpty()) {
            h.element("p", "No failed samples.", "class", "empty").close("section").newline();
            return;
        }
        LabelStats overall = input.summary().overall();
        h.element("p", String.format(Locale.ROOT, "%,d failed samples of %,d (%.2f %%) in %d label%s.",
                overall.errors(), overall.count(), overall.errorPercent(), failing.size(),
                failing.size() == 1 ? "" : "s"));
        if (failing.size() > MAX_LABELS) {
            h.element("p", String.format(Locale.ROOT, "The %d labels with most failures are shown; %d more labels "
                    + "had failures (see their error %% in the label table).", MAX_LABELS,
                    failing.size() - MAX_LABELS), "class", "note");
        }
        for (LabelStats s : failing.subList(0, Math.min(MAX_LABELS, failing.size()))) {
            h.open("div", "class", "error-label");
            h.open("h3").element("span", s.label(), "class", "label").text(String.format(Locale.ROOT,
                    " — %,d of %,d failed (%.2f %%)", s.errors(), s.count(), s.errorPercent())).close("h3");
            h.open("div", "class", "error-tables");
            counts(h, "Response codes", "Code", s.responseCodes(), s.count());
            counts(h, "Failure messages", "Message", s.failureMessages(), s.errors());
            h.close("div").close("div").newline();
        }
        h.close("section").newline();
    }

    private static void counts(Html h, String caption, String what, CountTable table, long total) {
        h.open("table", "class", "counts").element("caption", caption);
        h.open("thead").open("tr").element("th", what).element("th", "Count").element("th", "Share")
                .close("tr").close("thead").open("tbody");
        for (Map.Entry<String, Long> e : table.entries().entrySet()) {
            line(h, e.getKey().isEmpty() ? "(empty)" : e.getKey(), e.getValue(), total, false);
        }
        if (table.others() > 0) {
            line(h, "(others)", table.others(), total, true);
        }
        h.close("tbody").close("table");
    }

    private static void line(Html h, String text, long count, long total, boolean others) {
        h.open("tr", "class", others ? "others" : null).element("td", text, "class", "text")
                .element("td", String.format(Locale.ROOT, "%,d", count), "class", "num")
                .element("td", total == 0 ? "" : String.format(Locale.ROOT, "%.1f %%", 100.0 * count / total),
                        "class", "num")
                .close("tr");
    }
}
