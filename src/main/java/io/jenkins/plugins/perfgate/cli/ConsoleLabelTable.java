package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The per-label table {@code perfgate report} prints: aligned columns, labels sorted, the overall row last. */
final class ConsoleLabelTable {

    private static final int MAX_LABEL = 60;
    private static final String[] HEADERS = {"Label", "Samples", "Err%", "Thr/s", "Mean", "p50", "p90", "p95",
        "p99", "Max", "Apdex"};

    private ConsoleLabelTable() {
    }

    static String render(RunSummary summary) {
        List<String[]> rows = new ArrayList<>();
        for (LabelStats l : summary.labels()) {
            rows.add(row(shown(l.label()) + (l.transactionController() ? " [TC]" : ""), l));
        }
        String[] total = row(OverallRow.LABEL, summary.overall());
        int[] width = new int[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            width[i] = Math.max(HEADERS[i].length(), total[i].length());
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, HEADERS, width);
        int ruleLength = (HEADERS.length - 1) * 2;
        for (int w : width) {
            ruleLength += w;
        }
        String rule = "-".repeat(ruleLength);
        sb.append(rule).append('\n');
        for (String[] r : rows) {
            line(sb, r, width);
        }
        sb.append(rule).append('\n');
        line(sb, total, width);
        return sb.toString();
    }

    private static String[] row(String label, LabelStats l) {
        return new String[] {label, Long.toString(l.count()), fixed(l.errorPercent(), 2), fixed(l.throughput(), 1),
            fixed(l.mean(), 1), Long.toString(l.percentile(50)), Long.toString(l.percentile(90)),
            Long.toString(l.percentile(95)), Long.toString(l.percentile(99)), Long.toString(l.max()),
            fixed(l.apdex(), 3)};
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            if (i == 0) {
                sb.append(cells[i]).append(i == cells.length - 1 ? "" : pad);
            } else {
                sb.append(pad).append(cells[i]);
            }
        }
        sb.append('\n');
    }

    /** A label as a terminal shows it safely: control characters escaped, long labels shortened. */
    static String shown(String label) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (Character.isISOControl(c)) {
                sb.append('?');
            } else {
                sb.append(c);
            }
        }
        String s = sb.toString().strip();
        return s.length() <= MAX_LABEL ? s : s.substring(0, MAX_LABEL - 3) + "...";
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
