package io.jenkins.plugins.perfgate.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every label's key figures of one build and of its baseline ({@code label-figures.json} in the build's perfgate
 * folder): what the build record leaves out when a run has many labels. Pages, the REST API and the Pipeline result
 * read it (through {@link SummaryCache}) instead of decoding the run summary's histograms, and it is the only place
 * the baseline's figures of those labels are kept. A few hundred bytes per label; versioned by
 * {@link #VERSION}, a file of another version is refused.
 */
final class LabelFiguresFile {

    /** Name of the file in the build's perfgate folder. */
    static final String NAME = "label-figures.json";
    static final int VERSION = 1;

    /** Field names are not interned: the file sits in a folder that a build's own code could have written. */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build());

    /**
     * The figures read back: this run's labels in the order they were written, the baseline's by label.
     *
     * @param labels   this run's rows
     * @param baseline the baseline's rows by label (labels without a baseline are absent)
     */
    record Stored(List<LabelFigures> labels, Map<String, LabelFigures> baseline) {
        Stored {
            labels = List.copyOf(labels);
            baseline = Collections.unmodifiableMap(new LinkedHashMap<>(baseline));
        }
    }

    private LabelFiguresFile() {
    }

    /** Writes the key figures of every label (replacing the file at once, never leaving half of it). */
    static void write(File file, List<LabelFigures> labels, List<LabelFigures> baseline) throws IOException {
        File tmp = new File(file.getParentFile(), file.getName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp.toPath());
                JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("perfgateLabelFigures", VERSION);
            rows(g, "labels", labels);
            rows(g, "baseline", baseline);
            g.writeEndObject();
        }
        Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void rows(JsonGenerator g, String name, List<LabelFigures> rows) throws IOException {
        g.writeArrayFieldStart(name);
        for (LabelFigures f : rows) {
            g.writeStartObject();
            g.writeStringField("label", f.label());
            for (Metric m : Metric.values()) {
                double v = f.get(m);
                if (m.isKeyFigure() && Double.isFinite(v)) {
                    g.writeNumberField(m.key(), v);
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Reads a file {@link #write} wrote.
     *
     * @throws IOException when it cannot be read, is not JSON or not this version, naming the file and the field
     */
    static Stored read(File file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file);
        } catch (IOException e) {
            throw new IOException(file + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (root == null || root.path("perfgateLabelFigures").asInt(-1) != VERSION) {
            throw new IOException(file + ": not a perfgate label figures file of version " + VERSION);
        }
        List<LabelFigures> labels = rows(root.path("labels"), file, "labels");
        Map<String, LabelFigures> baseline = new LinkedHashMap<>();
        for (LabelFigures f : rows(root.path("baseline"), file, "baseline")) {
            baseline.put(f.label(), f);
        }
        return new Stored(labels, baseline);
    }

    private static List<LabelFigures> rows(JsonNode array, File file, String field) throws IOException {
        List<LabelFigures> out = new ArrayList<>(array.size());
        int i = 0;
        for (JsonNode n : array) {
            JsonNode label = n.get("label");
            if (label == null || !label.isTextual()) {
                throw new IOException(file + ": " + field + "[" + i + "] has no label");
            }
            EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                JsonNode v = n.get(m.key());
                if (v != null && !v.isNumber()) {
                    throw new IOException(file + ": " + field + "[" + i + "]." + m.key() + " is not a number");
                }
                if (m.isKeyFigure()) {
                    values.put(m, v == null ? Double.NaN : v.asDouble());
                }
            }
            out.add(new LabelFigures(label.asText(), values));
            i++;
        }
        return out;
    }
}
