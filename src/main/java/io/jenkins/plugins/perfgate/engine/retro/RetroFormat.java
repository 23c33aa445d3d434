package io.jenkins.plugins.perfgate.engine.retro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.CheckOutcome;
import io.jenkins.plugins.perfgate.engine.history.HistoryReportFormat;
import io.jenkins.plugins.perfgate.engine.history.Note;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Retrospective} as Markdown (for the meeting: headings, tables, the notes), CSV (one row per fact, with a
 * {@code section} column) and JSON. Text people wrote is escaped for each format: Markdown table cells have their
 * pipes and line ends neutralised and HTML-looking text escaped, CSV cells that a spreadsheet would run are quoted.
 */
public final class RetroFormat {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private RetroFormat() {
    }

    /** When a note was written, for people ({@code 2026-11-02 14:05 UTC}). */
    public static String time(long millis) {
        return MINUTE.format(Instant.ofEpochMilli(millis));
    }

    /** A relative change as {@code +12.3 %}; empty when unknown. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "";
        }
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "+∞ %" : "-∞ %";
        }
        return String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
    }

    /** A noise figure as {@code 3.2 %}; {@code -} with too few builds. */
    public static String spread(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    public static String markdown(Retrospective r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Performance retrospective: ").append(md(r.fromTag())).append(" → ").append(md(r.toTag()))
                .append("\n\n");
        if (!r.builds().isEmpty()) {
            BuildRef first = r.builds().get(0).build();
            BuildRef last = r.builds().get(r.builds().size() - 1).build();
            sb.append(r.builds().size()).append(" builds, #").append(first.number()).append(" to #")
                    .append(last.number()).append(", ").append(r.failed().size()).append(" of them not passing every"
                            + " criterion.\n\n");
        }
        sb.append("## Release over release\n\n| label | release | build |");
        for (Metric m : r.metrics()) {
            sb.append(' ').append(m.key()).append(" | change |");
        }
        sb.append("\n|---|---|---|");
        r.metrics().forEach(m -> sb.append("---:|---:|"));
        sb.append('\n');
        for (Retrospective.ReleaseRow row : r.releases()) {
            sb.append("| ").append(md(row.label())).append(" | ").append(md(row.build().releaseTag())).append(" | #")
                    .append(row.build().number()).append(" |");
            for (Metric m : r.metrics()) {
                double v = row.value(m);
                sb.append(' ').append(Double.isNaN(v) ? "-" : m.format(v)).append(" | ")
                        .append(percent(row.relativeChange(m))).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\n## Change points\n\n");
        if (r.changePoints().isEmpty()) {
            sb.append("None found in this range.\n");
        } else {
            sb.append("| build | commit | label | statistic | before | after | change | notes |\n"
                    + "|---|---|---|---|---:|---:|---:|---|\n");
            for (ChangePoint c : r.changePoints()) {
                sb.append("| ").append(md(c.build().display())).append(" | ").append(md(shortCommit(c.build())))
                        .append(" | ").append(md(c.label())).append(" | ").append(c.metric().key()).append(" | ")
                        .append(c.metric().format(c.before())).append(" | ").append(c.metric().format(c.after()))
                        .append(" | ").append(percent(c.relativeShift()))
                        .append(c.regression() ? " regression" : " improvement").append(" | ");
                List<String> texts = r.notesAbout(c).stream().map(n -> n.author() + ": " + n.text()).toList();
                sb.append(md(String.join(" / ", texts))).append(" |\n");
            }
        }
        sb.append("\n## Criteria that failed\n\n");
        if (r.failed().isEmpty()) {
            sb.append("Every build of the range passed its criteria.\n");
        } else {
            sb.append("| build | outcome | criterion | label |\n|---|---|---|---|\n");
            for (Map.Entry<Long, List<CheckOutcome>> e : r.failed().entrySet()) {
                for (CheckOutcome c : e.getValue()) {
                    sb.append("| #").append(e.getKey()).append(" | ").append(md(c.outcome())).append(" | ")
                            .append(md(c.criterion())).append(" | ").append(md(c.label())).append(" |\n");
                }
            }
        }
        sb.append("\n## Measured noise\n\nRelative spread of passing builds around their level (change points "
                + "removed).\n\n| label | statistic | builds | spread |\n|---|---|---:|---:|\n");
        for (Retrospective.NoiseRow n : r.noise()) {
            sb.append("| ").append(md(n.label())).append(" | ").append(n.metric().key()).append(" | ")
                    .append(n.builds()).append(" | ").append(spread(n.relative())).append(" |\n");
        }
        sb.append("\n## Notes\n\n");
        if (r.notes().isEmpty()) {
            sb.append("No notes yet.\n");
        }
        for (Note n : r.notes()) {
            sb.append("- **").append(md(n.subject())).append("** — ").append(md(n.author())).append(", ")
                    .append(time(n.timeMillis())).append(": ").append(md(n.text())).append('\n');
        }
        sb.append("\n## What worked, what failed, what was missed\n\n- worked:\n- failed:\n- missed:\n");
        return sb.toString();
    }

    /**
     * CSV: {@code section,build,tag,commit,label,statistic,value,change,detail}; sections {@code release},
     * {@code changepoint}, {@code failed}, {@code noise}, {@code note}.
     */
    public static String csv(Retrospective r) {
        StringBuilder sb = new StringBuilder("section,build,tag,commit,label,statistic,value,change,detail\n");
        for (Retrospective.ReleaseRow row : r.releases()) {
            for (Metric m : r.metrics()) {
                row(sb, "release", row.build(), row.label(), m.key(), number(row.value(m)),
                        number(row.relativeChange(m)), "");
            }
        }
        for (ChangePoint c : r.changePoints()) {
            row(sb, "changepoint", c.build(), c.label(), c.metric().key(), number(c.after()),
                    number(c.relativeShift()), c.describe());
        }
        for (Map.Entry<Long, List<CheckOutcome>> e : r.failed().entrySet()) {
            BuildRef b = build(r, e.getKey());
            for (CheckOutcome c : e.getValue()) {
                row(sb, "failed", b, c.label(), c.criterion(), c.outcome(), "", c.detail());
            }
        }
        for (Retrospective.NoiseRow n : r.noise()) {
            sb.append("noise,,,,").append(cell(n.label())).append(',').append(n.metric().key()).append(',')
                    .append(number(n.relative())).append(",,").append(n.builds()).append(" builds\n");
        }
        for (Note n : r.notes()) {
            row(sb, "note", build(r, n.build()), n.label(), n.metric().isEmpty() ? n.criterion() : n.metric(),
                    n.author(), time(n.timeMillis()), n.text());
        }
        return sb.toString();
    }

    public static String json(Retrospective r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("from", r.fromTag());
        root.put("to", r.toTag());
        ArrayNode builds = root.putArray("builds");
        r.builds().forEach(e -> build(builds.addObject(), e.build()));
        ArrayNode releases = root.putArray("releases");
        for (Retrospective.ReleaseRow row : r.releases()) {
            ObjectNode o = releases.addObject();
            o.put("label", row.label());
            build(o.putObject("build"), row.build());
            ObjectNode v = o.putObject("values");
            ObjectNode c = o.putObject("change");
            for (Metric m : r.metrics()) {
                put(v, m.key(), row.value(m));
                put(c, m.key(), row.relativeChange(m));
            }
        }
        ArrayNode cps = root.putArray("changePoints");
        for (ChangePoint c : r.changePoints()) {
            ObjectNode o = cps.addObject();
            build(o.putObject("build"), c.build());
            o.put("label", c.label());
            o.put("metric", c.metric().key());
            put(o, "before", c.before());
            put(o, "after", c.after());
            put(o, "relativeShift", c.relativeShift());
            o.put("pValue", c.pValue());
            o.put("regression", c.regression());
        }
        ArrayNode failed = root.putArray("failed");
        for (Map.Entry<Long, List<CheckOutcome>> e : r.failed().entrySet()) {
            for (CheckOutcome c : e.getValue()) {
                ObjectNode o = failed.addObject();
                o.put("build", e.getKey());
                o.put("criterion", c.criterion());
                o.put("label", c.label());
                o.put("outcome", c.outcome());
                o.put("detail", c.detail());
            }
        }
        ArrayNode noise = root.putArray("noise");
        for (Retrospective.NoiseRow n : r.noise()) {
            ObjectNode o = noise.addObject();
            o.put("label", n.label());
            o.put("metric", n.metric().key());
            o.put("builds", n.builds());
            put(o, "relativeSpread", n.relative());
        }
        ArrayNode notes = root.putArray("notes");
        for (Note n : r.notes()) {
            ObjectNode o = notes.addObject();
            o.put("build", n.build());
            o.put("label", n.label());
            o.put("metric", n.metric());
            o.put("criterion", n.criterion());
            o.put("author", n.author());
            o.put("timeMillis", n.timeMillis());
            o.put("text", n.text());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BuildRef build(Retrospective r, long number) {
        return r.builds().stream().map(e -> e.build()).filter(b -> b.number() == number).findFirst()
                .orElse(BuildRef.of(number, 0, io.jenkins.plugins.perfgate.engine.history.BuildResult.UNKNOWN));
    }

    private static void build(ObjectNode o, BuildRef b) {
        o.put("number", b.number());
        o.put("tag", b.releaseTag());
        o.put("commit", b.gitCommit());
        o.put("result", b.result().name());
        o.put("timeMillis", b.timeMillis());
    }

    private static void row(StringBuilder sb, String section, BuildRef b, String label, String statistic,
            String value, String change, String detail) {
        sb.append(section).append(',').append(b.number()).append(',').append(cell(b.releaseTag())).append(',')
                .append(cell(b.gitCommit())).append(',').append(cell(label)).append(',').append(cell(statistic))
                .append(',').append(cell(value)).append(',').append(cell(change)).append(',').append(cell(detail))
                .append('\n');
    }

    private static String cell(String s) {
        return HistoryReportFormat.csvCell(s == null ? "" : s);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    private static String shortCommit(BuildRef b) {
        return b.gitCommit().length() > 12 ? b.gitCommit().substring(0, 12) : b.gitCommit();
    }

    /** Text for a Markdown table cell or list item: no line ends, pipes escaped, HTML-looking text escaped. */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\r", " ").replace("\n", " ").replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;").replace("|", "\\|");
    }
}
