package io.jenkins.plugins.perfgate.engine.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.perfgate.engine.files.AtomicFiles;
import io.jenkins.plugins.perfgate.engine.results.ReadProblem;
import io.jenkins.plugins.perfgate.engine.results.SourceFile;
import io.jenkins.plugins.perfgate.engine.stats.CountTable;
import io.jenkins.plugins.perfgate.engine.stats.IntervalSeries;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.LogBinSketch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Writes and reads the run summary JSON (schema in docs/summary-schema.md). Each label carries its derived figures
 * for people and other tools, and the raw sums and compressed histograms from which perfgate recomputes and merges
 * them; only the raw part is read back.
 */
public final class SummaryJson {

    /** Field names are not canonicalized in a table shared by every parse (as in {@code HistoryJson}). */
    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
            .enable(SerializationFeature.INDENT_OUTPUT);
    /**
     * The same without indentation, for summaries of many labels: the generator's pretty printer alone is not
     * enough, since writing a tree through an indenting mapper sets one again.
     */
    private static final ObjectMapper COMPACT = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);
    private static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};
    private static final String[] PERCENTILE_KEYS = {"p50", "p90", "p95", "p99", "p999"};

    private SummaryJson() {
    }

    /** Summaries with more labels than this are written without indentation (a quarter smaller). */
    static final int INDENTED_LABELS = 100;

    public static String toJson(RunSummary summary) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            writeTo(summary, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise summary", e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes the summary through a temporary file and an atomic rename: a crash leaves the old file or the new. */
    public static void write(RunSummary summary, Path file) throws IOException {
        AtomicFiles.write(file, out -> writeTo(summary, out));
    }

    /**
     * Writes the document label by label: the tree of one label at a time is in memory, never the whole
     * document's (with thousands of labels that tree would take more heap than the summary itself).
     */
    private static void writeTo(RunSummary summary, java.io.OutputStream out) throws IOException {
        ObjectNode head = headTree(summary);
        ObjectMapper mapper = summary.labels().size() > INDENTED_LABELS ? COMPACT : MAPPER;
        try (com.fasterxml.jackson.core.JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = head.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("labels")) {
                    g.writeArrayFieldStart("labels");
                    for (LabelStats l : summary.labels()) {
                        g.writeTree(labelTree(l));
                    }
                    g.writeEndArray();
                } else {
                    g.writeFieldName(field.getKey());
                    g.writeTree(field.getValue());
                }
            }
            g.writeEndObject();
        }
    }

    public static RunSummary read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return fromTree(MAPPER.readTree(in), file.toString());
        }
    }

    public static RunSummary fromJson(String json) throws IOException {
        return fromTree(MAPPER.readTree(json), "(json)");
    }

    /** The document as a tree, but for its "labels" array, left empty ({@link #writeTo} streams the labels). */
    private static ObjectNode headTree(RunSummary s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", RunSummary.SCHEMA_VERSION);
        root.put("status", s.status().name());
        root.put("statusReason", s.statusReason());
        ObjectNode env = root.putObject("environment");
        env.put("startMillis", s.startMillis());
        env.put("endMillis", s.endMillis());
        env.put("sampleCount", s.sampleCount());
        ArrayNode sources = env.putArray("sources");
        for (SourceFile f : s.sources()) {
            ObjectNode n = sources.addObject();
            n.put("path", f.path());
            n.put("format", f.format());
            n.put("generator", f.generator());
            n.put("samples", f.samples());
            n.put("malformedLines", f.malformedLines());
            n.put("truncatedTail", f.truncatedTail());
        }
        ArrayNode gens = env.putArray("generators");
        s.generators().keySet().forEach(gens::add);
        ObjectNode attrs = env.putObject("attributes");
        s.attributes().forEach(attrs::put);
        ObjectNode options = root.putObject("options");
        options.put("apdexTMillis", s.apdexTMillis());
        options.put("intervalMillis", s.intervalMillis());
        options.put("maxIntervals", s.maxIntervals());
        options.put("topN", s.topN());
        ObjectNode problems = root.putObject("problems");
        problems.put("malformedLines", s.malformedLines());
        ArrayNode first = problems.putArray("first");
        for (ReadProblem p : s.problems()) {
            ObjectNode n = first.addObject();
            n.put("file", p.file());
            n.put("line", p.line());
            n.put("field", p.field());
            n.put("reason", p.reason());
        }
        root.set("overall", labelTree(s.overall()));
        root.putArray("labels");
        ObjectNode perGenerator = root.putObject("generators");
        s.generators().forEach((k, v) -> perGenerator.set(k, labelTree(v)));
        if (!s.toolAggregates().isEmpty()) {
            root.set("toolAggregates", GivenJson.toTree(MAPPER, s.toolAggregates()));
        }
        return root;
    }

    private static ObjectNode labelTree(LabelStats l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("label", l.label());
        n.put("transactionController", l.transactionController());
        n.put("count", l.count());
        n.put("errors", l.errors());
        n.put("errorPercent", l.errorPercent());
        n.put("throughput", l.throughput());
        n.put("min", l.min());
        n.put("mean", l.mean());
        n.put("max", l.max());
        n.put("stddev", l.standardDeviation());
        // each histogram's percentiles found in one scan of its counts, not one scan each
        long[] elapsed = l.percentiles(PERCENTILES);
        long[] latency = l.latencyPercentiles(PERCENTILES);
        long[] connect = l.connectPercentiles(PERCENTILES);
        for (int i = 0; i < PERCENTILES.length; i++) {
            n.put(PERCENTILE_KEYS[i], elapsed[i]);
        }
        ObjectNode lat = n.putObject("latency");
        ObjectNode con = n.putObject("connect");
        for (int i = 0; i < PERCENTILES.length; i++) {
            lat.put(PERCENTILE_KEYS[i], latency[i]);
            con.put(PERCENTILE_KEYS[i], connect[i]);
        }
        n.put("receivedBytesPerSec", l.receivedBytesPerSecond());
        n.put("sentBytesPerSec", l.sentBytesPerSecond());
        ObjectNode apdex = n.putObject("apdex");
        apdex.put("tMillis", l.apdexTMillis());
        apdex.put("satisfied", l.apdexSatisfied());
        apdex.put("tolerating", l.apdexTolerating());
        apdex.put("score", l.apdex());
        n.set("responseCodes", countTree(l.responseCodes()));
        n.set("failureMessages", countTree(l.failureMessages()));
        ObjectNode raw = n.putObject("raw");
        raw.put("firstStart", l.firstStart());
        raw.put("lastEnd", l.lastEnd());
        raw.put("sumElapsed", l.sumElapsed());
        raw.put("sumSquaresElapsed", l.sumSquaresElapsed());
        raw.put("bytesReceived", l.bytesReceived());
        raw.put("bytesSent", l.bytesSent());
        ObjectNode hist = n.putObject("histograms");
        // encoded in place: a copy of a packed histogram walks every bucket of its range
        hist.put("elapsed", Base64.getEncoder().encodeToString(l.elapsedEncoded()));
        hist.put("latency", Base64.getEncoder().encodeToString(l.latencyEncoded()));
        hist.put("connect", Base64.getEncoder().encodeToString(l.connectEncoded()));
        ObjectNode series = n.putObject("series");
        series.put("bucketMillis", l.series().bucketMillis());
        series.put("columns", "startMillis,count,errors,maxThreads,p95,sketch");
        ArrayNode rows = series.putArray("intervals");
        for (IntervalSeries.Interval in : l.series().intervals()) {
            ArrayNode row = rows.addArray();
            row.add(in.startMillis()).add(in.count()).add(in.errors()).add(in.maxThreads()).add(in.p95())
                    .add(in.sketch().encode());
        }
        return n;
    }

    private static ObjectNode countTree(CountTable t) {
        ObjectNode n = MAPPER.createObjectNode();
        ObjectNode entries = n.putObject("top");
        t.entries().forEach(entries::put);
        n.put("others", t.others());
        return n;
    }

    private static Histogram decode(String text, String where) throws SummaryFormatException {
        try {
            // flat, as decoded: the LabelStats made of it keeps a compact copy (a second, packed-to-packed copy
            // walked every bucket of the range once more, for each of a label's three histograms)
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new SummaryFormatException(where + ": unreadable histogram (" + e.getMessage() + ")");
        }
    }

    static RunSummary fromTree(JsonNode root, String source) throws SummaryFormatException {
        try {
            return summaryFrom(root, source);
        } catch (IllegalArgumentException e) {
            // the value types check their figures (a negative interval, counts that do not add up...): a file that
            // breaks them is a bad summary, reported as one (found by fuzzing: bucketMillis -1000)
            throw new SummaryFormatException(source + ": invalid summary (" + e.getMessage() + ")");
        }
    }

    private static RunSummary summaryFrom(JsonNode root, String source) throws SummaryFormatException {
        if (root == null || !root.isObject()) {
            throw new SummaryFormatException(source + ": not a perfgate run summary (no JSON object)");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new SummaryFormatException(source + ": not a perfgate run summary (no schemaVersion)");
        }
        if (version.asInt() != RunSummary.SCHEMA_VERSION) {
            throw new SummaryFormatException(source + ": unsupported summary schemaVersion " + version.asInt()
                    + " (this perfgate reads " + RunSummary.SCHEMA_VERSION + ")");
        }
        RunStatus status;
        try {
            status = RunStatus.valueOf(text(root, "status", source));
        } catch (IllegalArgumentException e) {
            throw new SummaryFormatException(source + ": unknown status " + root.path("status").asText());
        }
        JsonNode env = required(root, "environment", source);
        List<SourceFile> sources = new ArrayList<>();
        for (JsonNode n : env.path("sources")) {
            sources.add(new SourceFile(n.path("path").asText(), n.path("format").asText(),
                    n.path("generator").asText(), n.path("samples").asLong(), n.path("malformedLines").asLong(),
                    n.path("truncatedTail").asBoolean()));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        env.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        JsonNode options = required(root, "options", source);
        long apdexT = options.path("apdexTMillis").asLong(500);
        List<ReadProblem> problems = new ArrayList<>();
        for (JsonNode p : root.path("problems").path("first")) {
            problems.add(new ReadProblem(p.path("file").asText(), p.path("line").asLong(), p.path("field").asText(),
                    p.path("reason").asText()));
        }
        LabelStats overall = labelFrom(required(root, "overall", source), apdexT, source + " overall");
        List<LabelStats> labels = new ArrayList<>();
        for (JsonNode n : root.path("labels")) {
            labels.add(labelFrom(n, apdexT, source + " label " + n.path("label").asText()));
        }
        Map<String, LabelStats> generators = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("generators").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            generators.put(e.getKey(), labelFrom(e.getValue(), apdexT, source + " generator " + e.getKey()));
        }
        return new RunSummary(status, root.path("statusReason").asText(), sources, attributes, apdexT,
                options.path("intervalMillis").asLong(1000), options.path("maxIntervals").asInt(240),
                options.path("topN").asInt(10), root.path("problems").path("malformedLines").asLong(), problems,
                overall, labels, generators, GivenJson.fromTree(root.path("toolAggregates")));
    }

    private static LabelStats labelFrom(JsonNode n, long apdexT, String where) throws SummaryFormatException {
        JsonNode raw = required(n, "raw", where);
        JsonNode hist = required(n, "histograms", where);
        JsonNode series = n.path("series");
        long bucket = series.path("bucketMillis").asLong(1000);
        List<IntervalSeries.Interval> intervals = new ArrayList<>();
        for (JsonNode row : series.path("intervals")) {
            try {
                intervals.add(new IntervalSeries.Interval(row.get(0).asLong(), row.get(1).asLong(),
                        row.get(2).asLong(), row.get(3).asInt(), LogBinSketch.decode(row.get(5).asText())));
            } catch (RuntimeException e) {
                throw new SummaryFormatException(where + ": unreadable series interval " + row);
            }
        }
        return new LabelStats(new LabelStats.Raw(text(n, "label", where), n.path("transactionController").asBoolean(),
                n.path("count").asLong(), n.path("errors").asLong(), raw.path("firstStart").asLong(),
                raw.path("lastEnd").asLong(), raw.path("sumElapsed").asLong(), raw.path("sumSquaresElapsed").asDouble(),
                n.path("min").asLong(), n.path("max").asLong(), raw.path("bytesReceived").asLong(),
                raw.path("bytesSent").asLong(), n.path("apdex").path("tMillis").asLong(apdexT),
                n.path("apdex").path("satisfied").asLong(), n.path("apdex").path("tolerating").asLong(),
                decode(text(hist, "elapsed", where), where), decode(text(hist, "latency", where), where),
                decode(text(hist, "connect", where), where), countsFrom(n.path("responseCodes")),
                countsFrom(n.path("failureMessages")), new IntervalSeries(bucket, intervals)));
    }

    private static CountTable countsFrom(JsonNode n) {
        Map<String, Long> entries = new LinkedHashMap<>();
        n.path("top").fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue().asLong()));
        return new CountTable(entries, n.path("others").asLong());
    }

    private static JsonNode required(JsonNode parent, String field, String where) throws SummaryFormatException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw new SummaryFormatException(where + ": missing field '" + field + "'");
        }
        return n;
    }

    private static String text(JsonNode parent, String field, String where) throws SummaryFormatException {
        return required(parent, field, where).asText();
    }
}
