package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.results.GivenFigures;
import io.jenkins.plugins.perfgate.engine.results.JtlFormat;
import io.jenkins.plugins.perfgate.engine.results.ToolAggregates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Figures other tools computed themselves (k6 summary export, Locust CSV), one table per file with only the
 * columns the file gives, absent figures shown as absent, and what the file cannot give. Rendered only when the
 * summary has such files.
 */
final class GivenSection {

    private static final String ABSENT = "—";

    private GivenSection() {
    }

    static void render(ReportInput input, Html h) {
        if (input.summary().toolAggregates().isEmpty()) {
            return;
        }
        h.open("section", "id", "other-tools").element("h2", "Figures other tools computed");
        h.element("p", "As the tools gave them: not built from samples, not merged with the label rows, not judged "
                + "by the criteria.", "class", "note");
        for (ToolAggregates t : input.summary().toolAggregates()) {
            h.open("h3").text(JtlFormat.describe(t.format()) + " ").element("span", t.path(), "class", "label")
                    .close("h3");
            Set<Double> percents = new TreeSet<>();
            t.figures().forEach(f -> percents.addAll(f.percentiles().keySet()));
            h.open("div", "class", "table-wrap").open("table", "class", "given").open("thead").open("tr");
            h.element("th", "Label").element("th", "Requests").element("th", "Errors").element("th", "Min ms")
                    .element("th", "Mean ms");
            for (double p : percents) {
                h.element("th", "p" + BigDecimal.valueOf(p).stripTrailingZeros().toPlainString() + " ms");
            }
            h.element("th", "Max ms").element("th", "Requests/s").close("tr").close("thead").open("tbody");
            for (GivenFigures f : t.figures()) {
                h.open("tr").element("td", f.label().isEmpty() ? "all requests" : f.label(), "class",
                        f.overall() ? "overall" : "label");
                h.element("td", count(f.count())).element("td", count(f.errors())).element("td", ms(f.min()))
                        .element("td", ms(f.mean()));
                for (double p : percents) {
                    Double v = f.percentiles().get(p);
                    h.element("td", v == null ? ABSENT : ms(v));
                }
                h.element("td", ms(f.max())).element("td", Double.isNaN(f.throughput()) ? ABSENT
                        : String.format(Locale.ROOT, "%.2f", f.throughput())).close("tr");
            }
            h.close("tbody").close("table").close("div").newline();
            if (!t.series().isEmpty()) {
                h.element("p", String.format(Locale.ROOT, "%,d points of the tool's series over time are in the "
                        + "summary JSON.", t.series().size()));
            }
            h.element("p", "Not derived: " + t.notDerived() + ".", "class", "note");
        }
        h.close("section").newline();
    }

    private static String count(long n) {
        return n < 0 ? ABSENT : String.format(Locale.ROOT, "%,d", n);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? ABSENT
                : BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
