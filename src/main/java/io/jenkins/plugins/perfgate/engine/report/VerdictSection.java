package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.gate.Outcome;
import io.jenkins.plugins.perfgate.engine.gate.Playbook;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.gate.VerdictLine;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.Locale;

/** The headline (the decision in one word, why, against which baseline) and the table of criteria results. */
final class VerdictSection {

    private VerdictSection() {
    }

    static void headline(ReportInput input, Html h) {
        RunSummary s = input.summary();
        if (input.verdict().isEmpty()) {
            boolean complete = s.status() == RunStatus.COMPLETE;
            h.open("section", "id", "verdict", "class", "headline " + (complete ? "verdict-none" : "verdict-fail"));
            h.element("p", complete ? "NO GATE" : s.status().name().replace('_', ' '), "class", "verdict-word");
            h.element("p", complete ? "No criteria were checked: this report only describes the run."
                    : "The run is not complete: " + s.statusReason(), "class", "verdict-summary");
            h.close("section").newline();
            return;
        }
        Verdict v = input.verdict().get();
        h.open("section", "id", "verdict", "class", "headline verdict-" + v.result().text());
        h.element("p", v.result().name(), "class", "verdict-word");
        long failed = count(v, Outcome.FAIL);
        long unstable = count(v, Outcome.UNSTABLE);
        long warned = count(v, Outcome.WARN);
        h.element("p", String.format(Locale.ROOT, "%d check%s: %d failed, %d unstable, %d warning%s",
                v.lines().size(), v.lines().size() == 1 ? "" : "s", failed, unstable, warned,
                warned == 1 ? "" : "s"), "class", "verdict-summary");
        h.element("p", "Baseline: " + (v.baselineDescription().isEmpty() ? "none" : v.baselineDescription()),
                "class", "verdict-baseline");
        if (v.runStatus() != RunStatus.COMPLETE) {
            h.element("p", "Run " + v.runStatus().name().replace('_', ' ').toLowerCase(Locale.ROOT) + ": "
                    + s.statusReason(), "class", "verdict-status");
        }
        if (!v.problems().isEmpty()) {
            h.open("ul", "class", "verdict-problems");
            for (VerdictLine l : v.problems()) {
                h.open("li", "class", "outcome-" + l.outcome().text());
                h.element("span", l.outcome().name(), "class", "badge");
                h.text(" " + l.name() + " [" + l.label() + "]: " + l.message());
                playbook(l, h);
                h.close("li");
            }
            h.close("ul");
        }
        h.close("section").newline();
    }

    private static long count(Verdict v, Outcome o) {
        return v.lines().stream().filter(l -> l.outcome() == o).count();
    }

    static void criteria(ReportInput input, Html h) {
        h.open("section", "id", "criteria").element("h2", "Criteria");
        if (input.verdict().isEmpty() || input.verdict().get().lines().isEmpty()) {
            h.element("p", "No criteria were checked.", "class", "empty").close("section").newline();
            return;
        }
        Verdict v = input.verdict().get();
        h.open("table", "class", "criteria sortable");
        h.open("thead").open("tr");
        for (String c : new String[] {"Result", "Criterion", "Label", "Value", "Bound", "Baseline", "Change",
            "Noise", "Details"}) {
            boolean numeric = c.equals("Value") || c.equals("Baseline") || c.equals("Change");
            h.element("th", c, "data-type", numeric ? "number" : "text");
        }
        h.close("tr").close("thead").open("tbody");
        for (VerdictLine l : v.lines()) {
            h.open("tr", "class", "outcome-" + l.outcome().text());
            h.open("td").element("span", l.outcome().name(), "class", "badge").close("td");
            h.element("td", l.name(), "class", "code");
            h.element("td", l.label(), "class", "label");
            h.element("td", value(l, l.value()), "class", "num", "data-sort", sortKey(l.value()));
            h.element("td", l.threshold());
            h.element("td", value(l, l.baselineValue()), "class", "num", "data-sort", sortKey(l.baselineValue()));
            h.element("td", Double.isNaN(l.relativeDelta()) ? ""
                    : String.format(Locale.ROOT, "%+.1f %%", l.relativeDelta() * 100), "class", "num",
                    "data-sort", sortKey(l.relativeDelta()));
            h.element("td", l.significance().map(x -> x.describe()).orElse(""));
            h.open("td").text(l.message());
            playbook(l, h);
            h.close("td");
            h.close("tr").newline();
        }
        h.close("tbody").close("table");
        if (!v.notes().isEmpty()) {
            h.open("ul", "class", "notes");
            v.notes().forEach(n -> h.element("li", n));
            h.close("ul");
        }
        h.close("section").newline();
    }

    /** The link to what to check first, after a line that failed or made the run unstable. */
    private static void playbook(VerdictLine l, Html h) {
        if (l.outcome() != Outcome.FAIL && l.outcome() != Outcome.UNSTABLE) {
            return;
        }
        Playbook.forLine(l).ifPresent(p -> h.text(" ")
                .element("a", "Playbook: " + p.title(), "class", "playbook", "href", p.url()));
    }

    /** A value in the line's metric unit; empty when not applicable (NaN). */
    static String value(VerdictLine l, double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return l.metric().map(m -> m.format(v)).orElse(String.format(Locale.ROOT, "%.4g", v));
    }

    static String sortKey(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
