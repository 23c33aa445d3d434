package io.jenkins.plugins.perfgate.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders a {@link HistoryReport}: a text table for people, CSV for spreadsheets, JSON for tools. */
public final class HistoryReportFormat {

    private HistoryReportFormat() {
    }

    /**
     * The table for people: per label one row per build (only tagged builds when {@code tagsOnly}, though change
     * points are found over all builds), change points marked with {@code *} and described below the label.
     */
    public static String table(HistoryReport report, boolean tagsOnly) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            table(report, tagsOnly, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * The same table written line by line: a history of 10,000 builds makes a table of tens of megabytes, which
     * {@code perfgate history} prints without ever holding it whole.
     */
    public static void table(HistoryReport report, boolean tagsOnly, java.io.Writer out) throws java.io.IOException {
        List<Metric> metrics = report.metrics();
        List<LabelTrend> labels = report.labels();
        StringBuilder sb = new StringBuilder();
        for (LabelTrend t : labels) {
            sb.setLength(0);
            sb.append("label ").append(t.label()).append(" (").append(t.points().size()).append(" builds, ")
                    .append(t.changePoints().size()).append(" change point")
                    .append(t.changePoints().size() == 1 ? "" : "s").append(")\n");
            sb.append(String.format(Locale.ROOT, "  %-2s%-8s %-16s", "", "build", "tag"));
            for (Metric m : metrics) {
                sb.append(String.format(Locale.ROOT, " %14s", m.key() + (m.unit() == Metric.Unit.MILLIS ? " ms"
                        : "")));
            }
            sb.append('\n');
            out.append(sb);
            for (LabelTrend.Point p : t.points()) {
                if (tagsOnly && p.build().tag().isEmpty() && t.changesAt(p.build().number()).isEmpty()) {
                    continue;
                }
                List<ChangePoint> here = t.changesAt(p.build().number());
                sb.setLength(0);
                sb.append(String.format(Locale.ROOT, "  %-2s%-8s %-16s", here.isEmpty() ? "" : "*",
                        "#" + p.build().number(), truncate(p.build().releaseTag(), 16)));
                for (Metric m : metrics) {
                    // ▲ / ▼: this statistic moved up / down to a new level at this build
                    String mark = here.stream().filter(c -> c.metric() == m).findFirst()
                            .map(c -> c.after() > c.before() ? "▲" : "▼").orElse(" ");
                    sb.append(String.format(Locale.ROOT, " %13s%s", number(m, p.get(m)), mark));
                }
                sb.append('\n');
                out.append(sb);
            }
            sb.setLength(0);
            for (ChangePoint c : t.changePoints()) {
                sb.append("  * ").append(c.describe()).append('\n');
            }
            sb.append('\n');
            out.append(sb);
        }
    }

    /** CSV: label, build, id, time, result, tag, commit, each metric, and the change points marked per metric. */
    public static String csv(HistoryReport report) {
        List<Metric> metrics = report.metrics();
        List<LabelTrend> labels = report.labels();
        StringBuilder sb = new StringBuilder("label,build,id,timeMillis,result,tag,commit");
        for (Metric m : metrics) {
            sb.append(',').append(csv(m.key()));
        }
        for (Metric m : metrics) {
            sb.append(',').append(csv("change " + m.key()));
        }
        sb.append('\n');
        for (LabelTrend t : labels) {
            for (LabelTrend.Point p : t.points()) {
                BuildRef b = p.build();
                sb.append(csv(t.label())).append(',').append(b.number()).append(',').append(csv(b.id())).append(',')
                        .append(b.timeMillis()).append(',').append(b.result()).append(',').append(csv(b.releaseTag()))
                        .append(',').append(csv(b.gitCommit()));
                for (Metric m : metrics) {
                    double v = p.get(m);
                    sb.append(',').append(Double.isNaN(v) ? "" : plain(v));
                }
                for (Metric m : metrics) {
                    Optional<ChangePoint> c = t.changesAt(b.number()).stream().filter(x -> x.metric() == m)
                            .findFirst();
                    sb.append(',').append(c.map(x -> Double.isInfinite(x.relativeShift()) ? "inf"
                            : plain(x.relativeShift())).orElse(""));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    public static String json(HistoryReport report) {
        List<Metric> metrics = report.metrics();
        List<LabelTrend> labels = report.labels();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode ms = root.putArray("metrics");
        metrics.forEach(m -> ms.add(m.key()));
        ArrayNode ls = root.putArray("labels");
        for (LabelTrend t : labels) {
            ObjectNode l = ls.addObject();
            l.put("label", t.label());
            ArrayNode builds = l.putArray("builds");
            for (LabelTrend.Point p : t.points()) {
                ObjectNode b = builds.addObject();
                b.put("number", p.build().number());
                b.put("id", p.build().id());
                b.put("timeMillis", p.build().timeMillis());
                b.put("result", p.build().result().name());
                b.put("tag", p.build().releaseTag());
                b.put("commit", p.build().gitCommit());
                for (Metric m : metrics) {
                    putNumber(b, m.key(), p.get(m));
                }
            }
            ArrayNode cps = l.putArray("changePoints");
            for (ChangePoint c : t.changePoints()) {
                ObjectNode n = cps.addObject();
                n.put("metric", c.metric().key());
                n.put("build", c.build().number());
                n.put("tag", c.build().releaseTag());
                putNumber(n, "before", c.before());
                putNumber(n, "after", c.after());
                putNumber(n, "shift", c.shift());
                putNumber(n, "relativeShift", c.relativeShift());
                n.put("pValue", c.pValue());
                n.put("regression", c.regression());
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putNumber(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    private static String number(Metric m, double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return switch (m.unit()) {
            case PERCENT -> String.format(Locale.ROOT, "%.2f", v);
            case SCORE -> String.format(Locale.ROOT, "%.3f", v);
            case COUNT -> String.format(Locale.ROOT, "%.0f", v);
            default -> Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                    : String.format(Locale.ROOT, "%.1f", v);
        };
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** One CSV cell, quoted as {@link #csv(HistoryReport)} quotes its cells (for other CSV exports). */
    public static String csvCell(String s) {
        return csv(s);
    }

    /** RFC 4180 quoting; cells starting with = + - @ get a leading quote so spreadsheets do not run them. */
    static String csv(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
