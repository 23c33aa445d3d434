package io.jenkins.plugins.perfgate.engine.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;

/**
 * The key-figures index of one build ({@code figures.json} beside the build's summary, a line of a Jenkins job's
 * {@code history.jsonl}): the build, its run's figures and its repetitions' figures, a few kilobytes that let a
 * history of a thousand builds be read without decoding a single histogram.
 *
 * <p>Versioned by {@code perfgateFigures}, its first field. Version 2 ({@link #SCHEMA_VERSION}, written) names the
 * metrics once ({@code metrics}, before the runs) and writes each row as an array ({@link CompactRuns}); its label
 * rows are decoded only when looked up. Version 1 (read) wrote each row as an object with every metric under its
 * {@link Metric#key()}. An entry of another version is refused (and skipped by the stores with a warning). A metric
 * missing from an entry reads as NaN, a metric this version does not know is ignored; NaN is written as null.
 */
public final class HistoryJson {

    /** Version of the index document written; bump on incompatible changes. */
    public static final int SCHEMA_VERSION = 2;
    /** The first version, still read: one object per row with every metric's key. */
    static final int VERSION_1 = 1;

    /**
     * Field names are not canonicalized (interned in a table shared by every parse): entries come from files anyone
     * with Item/Configure or agent access may have shaped, and fuzzing made Jackson's shared table fail
     * ({@code ArrayIndexOutOfBoundsException} in {@code CharsToNameCanonicalizer}) after a long run of hostile names.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build());

    private HistoryJson() {
    }

    public static String toJson(HistoryEntry entry) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("perfgateFigures", SCHEMA_VERSION);
            g.writeObjectFieldStart("build");
            BuildRef build = entry.build();
            g.writeNumberField("number", build.number());
            g.writeStringField("id", build.id());
            g.writeNumberField("timeMillis", build.timeMillis());
            g.writeStringField("result", build.result().name());
            g.writeStringField("releaseTag", build.releaseTag());
            g.writeStringField("gitCommit", build.gitCommit());
            g.writeEndObject();
            g.writeArrayFieldStart("metrics");
            for (String key : CompactRuns.writtenMetrics()) {
                g.writeString(key);
            }
            g.writeEndArray();
            g.writeFieldName("run");
            CompactRuns.write(g, entry.figures());
            g.writeArrayFieldStart("repeats");
            for (RunFigures r : entry.repeats()) {
                CompactRuns.write(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise history entry", e);
        }
        return out.toString();
    }

    /** Version 1's form of an entry (for tests of the reader of older indexes). */
    static String toJsonVersion1(HistoryEntry entry) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("perfgateFigures", VERSION_1);
        ObjectNode b = root.putObject("build");
        BuildRef build = entry.build();
        b.put("number", build.number());
        b.put("id", build.id());
        b.put("timeMillis", build.timeMillis());
        b.put("result", build.result().name());
        b.put("releaseTag", build.releaseTag());
        b.put("gitCommit", build.gitCommit());
        root.set("run", runTree(entry.figures()));
        ArrayNode repeats = root.putArray("repeats");
        entry.repeats().forEach(r -> repeats.add(runTree(r)));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise history entry", e);
        }
    }

    public static HistoryEntry fromJson(String json, String source) throws HistoryFormatException {
        if (json.startsWith("{\"perfgateFigures\":" + SCHEMA_VERSION + ",")) {
            return fromCompactJson(json, source);
        }
        return fromTree(json, source);
    }

    /** Version 2, streamed: the label rows are checked, not decoded. */
    private static HistoryEntry fromCompactJson(String json, String source) throws HistoryFormatException {
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            p.nextToken();
            BuildRef build = null;
            int[] columns = null;
            RunFigures run = null;
            List<RunFigures> repeats = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "build" -> build = build(MAPPER.readTree(p), source);
                    case "metrics" -> columns = columns(MAPPER.readTree(p), source);
                    case "run" -> run = CompactRuns.read(p, json, needColumns(columns, source), MAPPER.getFactory(),
                            source);
                    case "repeats" -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw new HistoryFormatException(source + ": 'repeats' is not an array");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            repeats.add(CompactRuns.read(p, json, needColumns(columns, source), MAPPER.getFactory(),
                                    source + " repeat " + (repeats.size() + 1)));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (build == null) {
                throw new HistoryFormatException(source + ": missing field 'build'");
            }
            if (run == null) {
                throw new HistoryFormatException(source + ": missing field 'run'");
            }
            return new HistoryEntry(build, run, repeats);
        } catch (HistoryFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new HistoryFormatException(source + ": not JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static int[] needColumns(int[] columns, String source) throws HistoryFormatException {
        if (columns == null) {
            throw new HistoryFormatException(source + ": 'metrics' must come before the runs");
        }
        return columns;
    }

    /** For each position of a row's values, the metric's ordinal, or -1 for a metric this version does not know. */
    private static int[] columns(JsonNode metrics, String source) throws HistoryFormatException {
        if (!metrics.isArray()) {
            throw new HistoryFormatException(source + ": 'metrics' is not an array");
        }
        int[] columns = new int[metrics.size()];
        for (int i = 0; i < columns.length; i++) {
            String key = metrics.get(i).asText();
            columns[i] = java.util.Arrays.stream(Metric.values()).filter(m -> m.key().equals(key)).findFirst()
                    .map(Metric::ordinal).orElse(-1);
        }
        return columns;
    }

    private static HistoryEntry fromTree(String json, String source) throws HistoryFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new HistoryFormatException(source + ": not JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject() || !root.has("perfgateFigures")) {
            throw new HistoryFormatException(source + ": not a perfgate history entry (no perfgateFigures)");
        }
        int version = root.path("perfgateFigures").asInt(-1);
        if (version == SCHEMA_VERSION) {
            throw new HistoryFormatException(source + ": a version " + SCHEMA_VERSION
                    + " entry must start with its version ({\"perfgateFigures\":" + SCHEMA_VERSION + ",...)");
        }
        if (version != VERSION_1) {
            throw new HistoryFormatException(source + ": unknown history schema version "
                    + root.path("perfgateFigures").asText() + " (this perfgate reads " + VERSION_1 + " and "
                    + SCHEMA_VERSION + ")");
        }
        BuildRef build = build(required(root, "build", source), source);
        RunFigures run = runFrom(required(root, "run", source), source);
        List<RunFigures> repeats = new ArrayList<>();
        for (JsonNode r : root.path("repeats")) {
            repeats.add(runFrom(r, source + " repeat " + (repeats.size() + 1)));
        }
        return new HistoryEntry(build, run, repeats);
    }

    private static BuildRef build(JsonNode b, String source) throws HistoryFormatException {
        if (b == null || !b.isObject()) {
            throw new HistoryFormatException(source + ": 'build' is not an object");
        }
        try {
            return new BuildRef(required(b, "number", source).asLong(), b.path("id").asText(),
                    b.path("timeMillis").asLong(), BuildResult.valueOf(b.path("result").asText("UNKNOWN")),
                    b.path("releaseTag").asText(), b.path("gitCommit").asText());
        } catch (IllegalArgumentException e) {
            throw new HistoryFormatException(source + ": bad build record (" + e.getMessage() + ")");
        }
    }

    private static ObjectNode runTree(RunFigures run) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("status", run.status().name());
        n.put("statusReason", run.statusReason());
        n.set("overall", rowTree(run.overall()));
        ArrayNode labels = n.putArray("labels");
        run.labels().forEach(l -> labels.add(rowTree(l)));
        return n;
    }

    private static ObjectNode rowTree(LabelFigures row) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("label", row.label());
        for (Metric m : Metric.values()) {
            double v = row.get(m);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                n.putNull(m.key());
            } else {
                n.put(m.key(), v);
            }
        }
        return n;
    }

    private static RunFigures runFrom(JsonNode n, String source) throws HistoryFormatException {
        RunStatus status;
        try {
            status = RunStatus.valueOf(required(n, "status", source).asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HistoryFormatException(source + ": unknown run status " + n.path("status").asText());
        }
        LabelFigures overall = rowFrom(required(n, "overall", source), source);
        List<LabelFigures> labels = new ArrayList<>();
        for (JsonNode l : n.path("labels")) {
            labels.add(rowFrom(l, source));
        }
        return new RunFigures(status, n.path("statusReason").asText(), overall, labels);
    }

    private static LabelFigures rowFrom(JsonNode n, String source) throws HistoryFormatException {
        String label = required(n, "label", source).asText();
        EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            JsonNode v = n.get(m.key());
            if (v != null && !v.isNull() && !v.isNumber()) {
                throw new HistoryFormatException(source + " label " + label + ": " + m.key() + " is not a number");
            }
            values.put(m, v == null || v.isNull() ? Double.NaN : v.asDouble());
        }
        return new LabelFigures(label, values);
    }

    private static JsonNode required(JsonNode parent, String field, String source) throws HistoryFormatException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw new HistoryFormatException(source + ": missing field '" + field + "'");
        }
        return n;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
