package io.jenkins.plugins.perfgate.engine.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.compare.LabelComparison;
import io.jenkins.plugins.perfgate.engine.compare.StatDelta;
import io.jenkins.plugins.perfgate.engine.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A verdict as JSON for other tools ({@code perfgate gate --json}): result, exit code, run status, baseline, one object
 * per line (numbers in the metric's unit, relative deltas as fractions, NaN and infinities as null) with its
 * significance, notes, and the comparison of every statistic. Version {@value #VERSION} of the document.
 */
public final class VerdictJson {

    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerdictJson() {
    }

    public static String toJson(Verdict v) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("perfgateVerdict", VERSION);
        root.put("result", v.result().name());
        root.put("exitCode", v.exitCode());
        root.put("runStatus", v.runStatus().name());
        root.put("baseline", v.baselineDescription());
        ArrayNode lines = root.putArray("lines");
        for (VerdictLine l : v.lines()) {
            ObjectNode n = lines.addObject();
            n.put("criterion", l.name());
            n.put("label", l.label());
            l.metric().ifPresent(m -> n.put("metric", m.key()));
            l.criterion().ifPresent(c -> n.put("severity", c.severity().name()));
            n.put("status", l.status().name());
            n.put("outcome", l.outcome().name());
            number(n, "value", l.value());
            n.put("threshold", l.threshold());
            number(n, "baselineValue", l.baselineValue());
            number(n, "delta", l.delta());
            number(n, "relativeDelta", l.relativeDelta());
            l.significance().ifPresent(s -> {
                ObjectNode sig = n.putObject("significance");
                sig.put("method", s.method().name());
                number(sig, "pValue", s.pValue());
                number(sig, "intervalLow", s.bandLow());
                number(sig, "intervalHigh", s.bandHigh());
                number(sig, "effectSigmas", s.effectSigmas());
                sig.put("baselineRuns", s.baselineRuns());
                sig.put("candidateRuns", s.candidateRuns());
                sig.put("significant", s.significant());
                sig.put("note", s.note());
            });
            n.put("message", l.message());
        }
        ArrayNode notes = root.putArray("notes");
        v.notes().forEach(notes::add);
        v.comparison().ifPresent(c -> root.set("comparison", comparison(c)));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise verdict", e);
        }
    }

    public static void write(Verdict v, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(v)); // a crash never leaves half a verdict
    }

    private static ObjectNode comparison(Comparison c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("baseline", c.baselineDescription());
        ArrayNode rows = n.putArray("labels");
        rows.add(row(c.overall()));
        c.labels().forEach(l -> rows.add(row(l)));
        return n;
    }

    private static ObjectNode row(LabelComparison l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("label", l.label());
        n.put("presence", l.presence().name());
        ObjectNode stats = n.putObject("statistics");
        for (StatDelta d : l.deltas()) {
            ObjectNode s = stats.putObject(d.metric().key());
            number(s, "baseline", d.baseline());
            number(s, "current", d.current());
            number(s, "delta", d.absolute());
            number(s, "relativeDelta", d.relative());
        }
        return n;
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }
}
