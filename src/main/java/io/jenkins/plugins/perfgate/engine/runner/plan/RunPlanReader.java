package io.jenkins.plugins.perfgate.engine.runner.plan;

import io.jenkins.plugins.perfgate.engine.runner.jmeter.MavenCoordinate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a run plan from YAML ({@code .yaml}/{@code .yml}) or JSON, resolving paths against the plan's folder and
 * checking every field; errors name the file and the field ({@code plan.yaml: generators.count: ...}). Unknown
 * fields are errors, so a typo never silently changes a run.
 */
public final class RunPlanReader {

    private static final Set<String> TOP = Set.of("name", "template", "properties", "split", "generators", "duration",
            "timeLimit", "dataFiles", "sampling", "abort", "criteria", "baseline", "metrics", "jmeter", "repeat",
            "jmeterPlugins", "libraries",
            "baselineTarget");
    private static final int MAX_GENERATORS = 64;
    /** More threads than this in one JVM is a typo, not a load test (JMeter would exhaust memory first). */
    private static final long MAX_SHARE = 50_000;

    private RunPlanReader() {
    }

    public static RunPlan read(Path file) throws PlanException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PlanException(file + ": cannot read the plan: " + e.getMessage(), e);
        }
        Path absolute = file.toAbsolutePath().normalize();
        String name = Objects.requireNonNull(absolute.getFileName(), "a plan file has a name").toString();
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
        return parse(text, json, absolute.getParent(), name);
    }

    /** Parses plan text; {@code baseDir} resolves relative paths, {@code source} names the plan in errors. */
    public static RunPlan parse(String text, boolean json, Path baseDir, String source) throws PlanException {
        JsonNode root;
        try {
            ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new PlanException(source + ": " + where + "not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage(), e);
        }
        try {
            return new Fields(source, baseDir).plan(root);
        } catch (IllegalArgumentException e) {
            throw new PlanException(source + ": " + e.getMessage(), e);
        }
    }

    /** Field-by-field conversion; IllegalArgumentException messages start with the field path. */
    private record Fields(String source, Path baseDir) {

        RunPlan plan(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("the plan must be a mapping of fields");
            }
            unknown(root, TOP, "");
            Path template = existingFile(required(root, "template"), "template");
            String name = text(root.get("name"), "name",
                    Objects.requireNonNull(template.getFileName()).toString().replaceFirst("\\.jmx$", ""));
            Map<String, String> properties = stringMap(root.get("properties"), "properties");
            properties.keySet().forEach(k -> propertyName(k, "properties." + k));
            List<String> split = root.has("split") ? stringList(root.get("split"), "split") : List.of("threads");
            GeneratorSpec generators = generators(root.get("generators"));
            for (String p : split) {
                String v = properties.get(p);
                if (v == null) {
                    continue;
                }
                long total = longValue(v, "properties." + p);
                if (total < generators.size()) {
                    throw new IllegalArgumentException("properties." + p + ": " + total
                            + " cannot be split over " + generators.size() + " generators");
                }
                if ((total + generators.size() - 1) / generators.size() > MAX_SHARE) {
                    throw new IllegalArgumentException("properties." + p + ": " + total + " is more than "
                            + MAX_SHARE + " per generator over " + generators.size() + " generator(s); add generators");
                }
            }
            Duration duration = root.has("duration") ? duration(root.get("duration"), "duration") : Duration.ZERO;
            Optional<Duration> timeLimit = root.has("timeLimit")
                    ? Optional.of(duration(root.get("timeLimit"), "timeLimit")) : Optional.empty();
            List<DataFile> dataFiles = dataFiles(root.get("dataFiles"));
            SamplingOptions sampling = sampling(root.get("sampling"));
            List<AbortCriterion> abort = new ArrayList<>();
            List<String> abortTexts = root.has("abort") ? stringList(root.get("abort"), "abort") : List.of();
            for (int i = 0; i < abortTexts.size(); i++) {
                try {
                    abort.add(AbortCriterion.parse(abortTexts.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("abort[" + i + "]: " + e.getMessage(), e);
                }
            }
            List<String> criteria = root.has("criteria") ? stringList(root.get("criteria"), "criteria") : List.of();
            Map<String, String> baseline = stringMap(root.get("baseline"), "baseline");
            MetricsExport metrics = metrics(root.get("metrics"), name);
            Optional<Path> home = Optional.empty();
            JsonNode jm = root.get("jmeter");
            if (jm != null) {
                unknown(jm, Set.of("home"), "jmeter.");
                if (jm.has("home")) {
                    home = Optional.of(baseDir.resolve(text(jm.get("home"), "jmeter.home", "")).normalize());
                }
            }
            int repeat = root.has("repeat") ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
                    longValue(text(root.get("repeat"), "repeat", ""), "repeat"))) : 1;
            if (repeat < 1 || repeat > RunPlan.MAX_REPEAT) {
                throw new IllegalArgumentException("repeat: " + repeat + " is not between 1 and "
                        + RunPlan.MAX_REPEAT);
            }
            if (baseline.containsKey("alpha")) {
                alpha(baseline.get("alpha"));
            }
            Map<String, String> baselineTarget = baselineTarget(root.get("baselineTarget"));
            return new RunPlan(name, template, properties, split, generators, duration, timeLimit, dataFiles,
                    sampling, abort, criteria, baseline, metrics, home, repeat, baselineTarget,
                    coordinates(root.get("jmeterPlugins"), "jmeterPlugins"),
                    coordinates(root.get("libraries"), "libraries"));
        }

        /** A list of group:artifact:version, the field and index named when one is malformed. */
        static List<MavenCoordinate> coordinates(JsonNode node, String field) {
            if (node == null) {
                return List.of();
            }
            List<String> texts = stringList(node, field);
            List<MavenCoordinate> out = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                try {
                    out.add(MavenCoordinate.parse(texts.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(field + "[" + i + "]: " + e.getMessage(), e);
                }
            }
            return out;
        }

        static double alpha(String text) {
            try {
                double a = Double.parseDouble(text.strip());
                if (a > 0 && a < 0.5) {
                    return a;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("baseline.alpha: '" + text + "' is not a number between 0 and 0.5");
        }

        /** The baseline version's properties; at least one, since an empty override would compare A with A. */
        static Map<String, String> baselineTarget(JsonNode node) {
            if (node == null || node.isNull()) {
                return Map.of();
            }
            unknown(node, Set.of("properties"), "baselineTarget.");
            Map<String, String> props = stringMap(node.get("properties"), "baselineTarget.properties");
            if (props.isEmpty()) {
                throw new IllegalArgumentException("baselineTarget.properties: missing or empty (name the "
                        + "properties that reach the baseline version, e.g. {host: prod.example, port: 8080})");
            }
            props.keySet().forEach(k -> propertyName(k, "baselineTarget.properties." + k));
            return props;
        }

        GeneratorSpec generators(JsonNode node) {
            if (node == null) {
                return GeneratorSpec.local(1);
            }
            unknown(node, Set.of("type", "count", "servers", "heap", "sampleSenderMode", "options"), "generators.");
            String type = text(node.get("type"), "generators.type", "local");
            List<String> servers = node.has("servers") ? stringList(node.get("servers"), "generators.servers")
                    : List.of();
            for (String s : servers) {
                if (!s.matches("[A-Za-z0-9._-]+:[0-9]{1,5}")) {
                    throw new IllegalArgumentException("generators.servers: '" + s + "' is not host:port");
                }
            }
            if (!servers.isEmpty() && !type.equals("jmeter-servers")) {
                throw new IllegalArgumentException("generators.servers: only for type jmeter-servers");
            }
            int count = node.has("count") ? (int) longValue(text(node.get("count"), "generators.count", ""),
                    "generators.count") : servers.isEmpty() ? 1 : servers.size();
            if (count < 1 || count > MAX_GENERATORS) {
                throw new IllegalArgumentException("generators.count: " + count + " is not between 1 and "
                        + MAX_GENERATORS);
            }
            if (!servers.isEmpty() && node.has("count") && count != servers.size()) {
                throw new IllegalArgumentException("generators.count: " + count + " but " + servers.size()
                        + " servers are listed");
            }
            String heap = text(node.get("heap"), "generators.heap", "512m");
            if (!heap.matches("[0-9]+[kKmMgG]")) {
                throw new IllegalArgumentException("generators.heap: '" + heap + "' is not like 512m or 2g");
            }
            String mode = text(node.get("sampleSenderMode"), "generators.sampleSenderMode", "StrippedBatch");
            Map<String, String> options = stringMap(node.get("options"), "generators.options");
            return new GeneratorSpec(type, count, servers, heap, mode, options);
        }

        List<DataFile> dataFiles(JsonNode node) {
            List<DataFile> files = new ArrayList<>();
            if (node == null) {
                return files;
            }
            if (!node.isArray()) {
                throw new IllegalArgumentException("dataFiles: must be a list");
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode f = node.get(i);
                String at = "dataFiles[" + i + "].";
                unknown(f, Set.of("path", "property", "split", "header"), at);
                Path path = existingFile(required(f, "path", at), at + "path");
                String property = propertyName(text(required(f, "property", at), at + "property", ""),
                        at + "property");
                files.add(new DataFile(path, property, bool(f.get("split"), at + "split", false),
                        bool(f.get("header"), at + "header", true)));
            }
            return files;
        }

        SamplingOptions sampling(JsonNode node) {
            if (node == null) {
                return SamplingOptions.defaults();
            }
            unknown(node, Set.of("progressInterval", "flushEachSample", "jmeterProperties"), "sampling.");
            Duration interval = node.has("progressInterval")
                    ? duration(node.get("progressInterval"), "sampling.progressInterval") : Duration.ofSeconds(5);
            if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofSeconds(5)) > 0) {
                throw new IllegalArgumentException("sampling.progressInterval: must be between 1s and 5s");
            }
            Map<String, String> props = stringMap(node.get("jmeterProperties"), "sampling.jmeterProperties");
            props.keySet().forEach(k -> propertyName(k, "sampling.jmeterProperties." + k));
            return new SamplingOptions(interval, bool(node.get("flushEachSample"), "sampling.flushEachSample", false),
                    props);
        }

        MetricsExport metrics(JsonNode node, String planName) {
            String build = Optional.ofNullable(System.getenv("BUILD_NUMBER")).orElse("local");
            if (node == null) {
                return new MetricsExport(Optional.empty(), Optional.empty(), planName, build);
            }
            unknown(node, Set.of("job", "build", "result", "influxdb", "pushgateway"), "metrics.");
            Optional<MetricsExport.Influx> influx = Optional.empty();
            JsonNode i = node.get("influxdb");
            if (i != null) {
                unknown(i, Set.of("url", "database", "live", "afterRun", "measurement"), "metrics.influxdb.");
                influx = Optional.of(new MetricsExport.Influx(url(required(i, "url", "metrics.influxdb."),
                        "metrics.influxdb.url"), text(i.get("database"), "metrics.influxdb.database",
                        MetricsExport.Influx.DEFAULT_DATABASE),
                        bool(i.get("live"), "metrics.influxdb.live", false),
                        bool(i.get("afterRun"), "metrics.influxdb.afterRun", true),
                        text(i.get("measurement"), "metrics.influxdb.measurement",
                                MetricsExport.Influx.DEFAULT_MEASUREMENT)));
            }
            Optional<MetricsExport.Pushgateway> push = Optional.empty();
            JsonNode p = node.get("pushgateway");
            if (p != null) {
                unknown(p, Set.of("url", "live"), "metrics.pushgateway.");
                push = Optional.of(new MetricsExport.Pushgateway(url(required(p, "url", "metrics.pushgateway."),
                        "metrics.pushgateway.url"), bool(p.get("live"), "metrics.pushgateway.live", true)));
            }
            return new MetricsExport(influx, push, text(node.get("job"), "metrics.job", planName),
                    text(node.get("build"), "metrics.build", build), text(node.get("result"), "metrics.result", ""));
        }

        URI url(JsonNode node, String field) {
            String s = text(node, field, "");
            if (!s.matches("https?://[^\\s/]+(/\\S*)?")) {
                throw new IllegalArgumentException(field + ": '" + s + "' is not an http(s) URL");
            }
            return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        }

        Path existingFile(JsonNode node, String field) {
            Path path = baseDir.resolve(text(node, field, "")).normalize();
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(field + ": file " + path + " does not exist");
            }
            return path;
        }

        static JsonNode required(JsonNode node, String name) {
            return required(node, name, "");
        }

        static JsonNode required(JsonNode node, String name, String prefix) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw new IllegalArgumentException(prefix + name + ": missing");
            }
            return v;
        }

        static void unknown(JsonNode node, Set<String> known, String prefix) {
            if (!node.isObject()) {
                throw new IllegalArgumentException((prefix.isEmpty() ? "plan" : prefix.substring(0,
                        prefix.length() - 1)) + ": must be a mapping");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!known.contains(f)) {
                    throw new IllegalArgumentException(prefix + f + ": unknown field (known: "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
        }

        static String text(JsonNode node, String field, String fallback) {
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isValueNode()) {
                throw new IllegalArgumentException(field + ": must be a single value");
            }
            return node.asText();
        }

        static boolean bool(JsonNode node, String field, boolean fallback) {
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isBoolean()) {
                throw new IllegalArgumentException(field + ": must be true or false");
            }
            return node.asBoolean();
        }

        static long longValue(String text, String field) {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": '" + text + "' is not a whole number", e);
            }
        }

        static Duration duration(JsonNode node, String field) {
            try {
                return Durations.parse(text(node, field, ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
            }
        }

        static Map<String, String> stringMap(JsonNode node, String field) {
            Map<String, String> map = new LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return map;
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException(field + ": must be a mapping");
            }
            node.fields().forEachRemaining(e -> map.put(e.getKey(), text(e.getValue(), field + "." + e.getKey(), "")));
            return map;
        }

        static List<String> stringList(JsonNode node, String field) {
            List<String> list = new ArrayList<>();
            if (!node.isArray()) {
                throw new IllegalArgumentException(field + ": must be a list");
            }
            for (int i = 0; i < node.size(); i++) {
                list.add(text(node.get(i), field + "[" + i + "]", ""));
            }
            return list;
        }

        static String propertyName(String name, String field) {
            if (!name.matches("[A-Za-z0-9_.\\-]+")) {
                throw new IllegalArgumentException(field + ": '" + name
                        + "' is not a property name (letters, digits, _ . -)");
            }
            return name;
        }
    }
}
