package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Locust's {@code --csv} statistics into {@link ToolAggregates}, columns found by name: the {@code _stats.csv}
 * (one row per request type and name, then the {@code Aggregated} row: counts, failures, min, average, max,
 * requests/s and the percentile columns {@code 50%} ... {@code 100%}) and the {@code _stats_history.csv} (a row per
 * write, for the {@code Aggregated} row and with {@code --csv-full-history} for every name: the time, the users,
 * requests and failures per second and percentiles over Locust's recent window, the running totals). A history
 * file's figures per label are its last row's totals. {@code N/A} is an absent figure. A row that cannot be read
 * is reported with its line number and column and skipped. Not thread-safe: one per file.
 */
final class LocustCsvReader {

    /** Points of a history file kept (a long run with full history writes a row per label every 1-2 s). */
    static final int MAX_POINTS = 5000;

    private static final String COMMON = "Locust computes its percentiles from response times it rounded (to "
            + "10 ms from 100 ms, to 100 ms from 1 s, to 1 s from 10 s), so they are Locust's; no response "
            + "codes, errors by message (those are in _failures.csv, not read), Apdex, latency or connect times; "
            + "the figures are not merged with other files' and gates on label rows do not see them";

    static final String STATS_NOT_DERIVED = "a Locust _stats.csv holds Locust's aggregates of the whole run, not "
            + "requests: only the percentiles of its columns (50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100 % by "
            + "default) exist, others are absent, not estimated; no series over time (give the _stats_history.csv "
            + "too); " + COMMON + ". Locust writes no file of individual requests";

    static final String HISTORY_NOT_DERIVED = "a Locust _stats_history.csv holds Locust's rates and percentiles "
            + "over its last 10 seconds at each write, not requests: the series is Locust's (its window, its "
            + "interval), not perfgate's per-interval counts; figures per label are the last row's totals (count, "
            + "failures, median, average, min, max; no other percentile, no throughput over the run), and per "
            + "name only with --csv-full-history; " + COMMON;

    private final String name;
    private final ProblemLog log;
    private final boolean history;
    private List<String> header;
    private final Map<Double, Integer> percentColumns = new TreeMap<>();

    LocustCsvReader(String name, ProblemLog log, boolean history) {
        this.name = name;
        this.log = log;
        this.history = history;
    }

    /** A field of a row that is not what Locust writes. */
    private static final class BadField extends Exception {
        private static final long serialVersionUID = 1L;
        final String column;

        BadField(String column, String why) {
            super(why, null, false, false);
            this.column = column;
        }
    }

    ToolAggregates read(InputStream in) throws IOException {
        NumberedLines lines = new NumberedLines(in);
        header = QuotedCsv.split(lines.first());
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h.endsWith("%")) {
                try {
                    percentColumns.put(Double.parseDouble(h.substring(0, h.length() - 1)), i);
                } catch (NumberFormatException e) {
                    // not a percentile column
                }
            }
        }
        Map<String, GivenFigures> figures = new LinkedHashMap<>();
        List<GivenInterval> series = new ArrayList<>();
        long points = 0;
        while (lines.advance()) {
            String line = lines.line();
            if (line.isBlank()) {
                continue;
            }
            List<String> f = QuotedCsv.split(line);
            try {
                if (f == null || f.size() != header.size()) {
                    throw new BadField("", f == null ? "a quoted field is not closed"
                            : "expected " + header.size() + " fields as in the header, found " + f.size());
                }
                if (history) {
                    GivenInterval p = point(f);
                    figures.put(p.label(), lastTotals(p, f));
                    if (++points <= MAX_POINTS) {
                        series.add(p);
                    }
                } else {
                    GivenFigures g = stats(f);
                    figures.put(g.label(), g);
                }
            } catch (BadField e) {
                lines.problem(log, e.column, e.getMessage());
            }
        }
        if (points > MAX_POINTS) {
            log.note(0, "", "the first " + MAX_POINTS + " of " + points + " history rows are kept as the series");
        }
        return new ToolAggregates(name, (history ? JtlFormat.LOCUST_HISTORY : JtlFormat.LOCUST_STATS).id(),
                List.copyOf(figures.values()), series, history ? HISTORY_NOT_DERIVED : STATS_NOT_DERIVED);
    }

    private GivenFigures stats(List<String> f) throws BadField {
        String type = text(f, "Type");
        String label = text(f, "Name");
        boolean overall = type.isEmpty() && label.equals("Aggregated");
        Map<Double, Double> percentiles = percentiles(f);
        double median = number(f, "Median Response Time");
        if (!percentiles.containsKey(50.0) && !Double.isNaN(median)) {
            percentiles.put(50.0, median);
        }
        return times(new GivenFigures(type.isEmpty() ? label : type + " " + label, overall,
                count(f, "Request Count"), count(f, "Failure Count"), number(f, "Min Response Time"),
                number(f, "Average Response Time"), number(f, "Max Response Time"), percentiles,
                number(f, "Requests/s")));
    }

    /** Locust writes 0 for the times of a name without requests: no response times, so none are given. */
    private static GivenFigures times(GivenFigures g) {
        return g.count() != 0 ? g : new GivenFigures(g.label(), g.overall(), 0, g.errors(), Double.NaN, Double.NaN,
                Double.NaN, Map.of(), g.throughput());
    }

    private GivenInterval point(List<String> f) throws BadField {
        double time = number(f, "Timestamp");
        if (Double.isNaN(time)) {
            throw new BadField("Timestamp", "expected a Unix time in seconds, found '" + text(f, "Timestamp") + "'");
        }
        String type = text(f, "Type");
        String label = text(f, "Name");
        long users = count(f, "User Count");
        return new GivenInterval(Math.round(time * 1000), type.isEmpty() ? label : type + " " + label,
                type.isEmpty() && label.equals("Aggregated"), (int) Math.min(Integer.MAX_VALUE, users),
                number(f, "Requests/s"), number(f, "Failures/s"), percentiles(f), count(f, "Total Request Count"),
                count(f, "Total Failure Count"));
    }

    private GivenFigures lastTotals(GivenInterval p, List<String> f) throws BadField {
        Map<Double, Double> median = new TreeMap<>();
        double m = number(f, "Total Median Response Time");
        if (!Double.isNaN(m)) {
            median.put(50.0, m);
        }
        return times(new GivenFigures(p.label(), p.overall(), p.totalCount(), p.totalErrors(),
                number(f, "Total Min Response Time"), number(f, "Total Average Response Time"),
                number(f, "Total Max Response Time"), median, Double.NaN));
    }

    private Map<Double, Double> percentiles(List<String> f) throws BadField {
        Map<Double, Double> out = new TreeMap<>();
        for (Map.Entry<Double, Integer> e : percentColumns.entrySet()) {
            double v = parse(header.get(e.getValue()), f.get(e.getValue()));
            if (!Double.isNaN(v)) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    private String text(List<String> f, String column) {
        int i = header.indexOf(column);
        return i < 0 ? "" : f.get(i).strip();
    }

    /** The column's number, NaN when the file has no such column or the row says N/A. */
    private double number(List<String> f, String column) throws BadField {
        int i = header.indexOf(column);
        return i < 0 ? Double.NaN : parse(column, f.get(i));
    }

    private long count(List<String> f, String column) throws BadField {
        double v = number(f, column);
        return Double.isNaN(v) ? -1 : (long) v;
    }

    private static double parse(String column, String text) throws BadField {
        String t = text.strip();
        if (t.isEmpty() || t.equals("N/A")) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new BadField(column, "expected a non-negative number or N/A, found '"
                    + (t.length() <= 60 ? t : t.substring(0, 57) + "...") + "'");
        }
        return v;
    }
}
