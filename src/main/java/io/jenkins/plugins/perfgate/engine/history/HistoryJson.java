package io.jenkins.plugins.perfgate.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * The key-figures index of one build ({@code figures.json} beside the build's summary): the build, its run's figures
 * and its repetitions' figures, a few kilobytes that let a history of a thousand builds be read without decoding a
 * single histogram. Versioned by {@link #SCHEMA_VERSION}; an entry of another version is refused (and skipped by
 * the stores with a warning). Metrics are written under their {@link Metric#key()}; a metric missing from an older
 * entry reads as NaN. NaN values are written as null.
 */
public final class HistoryJson {

    /** Version of the index document; bump on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

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
        ObjectNode root = MAPPER.createObjectNode();
        root.put("perfgateFigures", SCHEMA_VERSION);
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
        if (version != SCHEMA_VERSION) {
            throw new HistoryFormatException(source + ": unknown history schema version "
                    + root.path("perfgateFigures").asText() + " (this perfgate reads " + SCHEMA_VERSION + ")");
        }
        JsonNode b = required(root, "build", source);
        BuildRef build;
        try {
            build = new BuildRef(required(b, "number", source).asLong(), b.path("id").asText(),
                    b.path("timeMillis").asLong(), BuildResult.valueOf(b.path("result").asText("UNKNOWN")),
                    b.path("releaseTag").asText(), b.path("gitCommit").asText());
        } catch (IllegalArgumentException e) {
            throw new HistoryFormatException(source + ": bad build record (" + e.getMessage() + ")");
        }
        RunFigures run = runFrom(required(root, "run", source), source);
        List<RunFigures> repeats = new ArrayList<>();
        for (JsonNode r : root.path("repeats")) {
            repeats.add(runFrom(r, source + " repeat " + (repeats.size() + 1)));
        }
        return new HistoryEntry(build, run, repeats);
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
