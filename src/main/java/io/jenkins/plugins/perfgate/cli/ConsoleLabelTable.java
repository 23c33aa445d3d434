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
        long[] p = l.percentiles(50, 90, 95, 99);
        return new String[] {label, Long.toString(l.count()), fixed(l.errorPercent(), 2), fixed(l.throughput(), 1),
            fixed(l.mean(), 1), Long.toString(p[0]), Long.toString(p[1]), Long.toString(p[2]), Long.toString(p[3]),
            Long.toString(l.max()), fixed(l.apdex(), 3)};
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            int pad = width[i] - cells[i].length();
            if (i == 0) {
                sb.append(cells[i]);
                if (i != cells.length - 1) {
                    spaces(sb, pad);
                }
            } else {
                spaces(sb, pad);
                sb.append(cells[i]);
            }
        }
        sb.append('\n');
    }

    /** Padding appended in place (a String per cell made a 2,000-row table allocate megabytes). */
    private static void spaces(StringBuilder sb, int n) {
        for (int k = 0; k < n; k++) {
            sb.append(' ');
        }
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

    private static final double[] POWERS = {1, 10, 100, 1000};
    /** Scaled values below this are rounded here: their error as a double is far below {@link #TIE_MARGIN}. */
    private static final double FAST_LIMIT = 1e9;
    private static final double TIE_MARGIN = 1e-6;

    /**
     * {@code v} with {@code decimals} (0 to 3) digits after the point, the same text as
     * {@code String.format(Locale.ROOT, "%.<decimals>f", v)}: that call, four times a row, was most of the time a
     * cold process spent printing a 2,000-label table. Formatter rounds the decimal digits half up; a scaled value
     * whose fraction is clearly away from one half rounds the same way here, and the rest (ties within the
     * margin, negative values, -0.0, large or non-finite ones) still go to String.format.
     */
    static String fixed(double v, int decimals) {
        double scaled = v * POWERS[decimals];
        if (scaled < FAST_LIMIT && Double.doubleToRawLongBits(v) >= 0) {
            double floor = Math.floor(scaled);
            double fraction = scaled - floor;
            if (Math.abs(fraction - 0.5) > TIE_MARGIN) {
                return withPoint((long) floor + (fraction > 0.5 ? 1 : 0), decimals);
            }
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A count of 10^-decimals units as text: 5 units with 2 decimals is "0.05". */
    private static String withPoint(long units, int decimals) {
        String digits = Long.toString(units);
        if (decimals == 0) {
            return digits;
        }
        StringBuilder sb = new StringBuilder(digits.length() + decimals + 2);
        for (int k = digits.length(); k <= decimals; k++) {
            sb.append('0');
        }
        sb.append(digits);
        sb.insert(sb.length() - decimals, '.');
        return sb.toString();
    }
}
