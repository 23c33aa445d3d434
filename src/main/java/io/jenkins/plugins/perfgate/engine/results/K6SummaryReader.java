package io.jenkins.plugins.perfgate.engine.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads k6's {@code --summary-export} JSON (and the {@code data} object a {@code handleSummary} function writes
 * with {@code JSON.stringify}, whose metrics hold their figures under {@code values}) into {@link ToolAggregates}.
 * Of the metrics it takes {@code http_req_duration} (avg, min, med, max and every {@code p(N)} given, in ms),
 * {@code http_reqs} (count, rate) and {@code http_req_failed} (whose {@code passes} are the failed requests: a rate
 * metric counts its true values); a sub-metric tagged {@code {name:X}} gives label X, the untagged metric all
 * requests. The file is one JSON document, so a broken one is refused whole, naming its line and column.
 */
final class K6SummaryReader {

    /** A summary export is a few kilobytes; anything this big is not one. */
    static final long MAX_BYTES = 16L << 20;

    static final String NOT_DERIVED = "a k6 --summary-export file holds k6's end-of-test aggregates, not "
            + "requests: percentiles other than those exported (p(90) and p(95) unless --summary-trend-stats "
            + "says otherwise) are absent, not estimated; requests and errors per label only where the script "
            + "has thresholds on tagged sub-metrics (http_reqs{name:...}); no series over time, response codes, "
            + "errors by message, Apdex, bytes, latency or connect times; the figures are not merged with other "
            + "files' and gates on label rows do not see them. For all of that give perfgate the samples of the "
            + "same run (k6 run --out csv=... or --out json=...)";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final ProblemLog log;

    K6SummaryReader(String name, ProblemLog log) {
        this.name = name;
        this.log = log;
    }

    /** One label's figures as they are found. */
    private static final class Figures {
        final String label;
        final boolean overall;
        long count = -1;
        long errors = -1;
        double min = Double.NaN;
        double mean = Double.NaN;
        double max = Double.NaN;
        double rate = Double.NaN;
        final Map<Double, Double> percentiles = new TreeMap<>();

        Figures(String label, boolean overall) {
            this.label = label;
            this.overall = overall;
        }

        GivenFigures given() {
            return new GivenFigures(label, overall, count, errors, min, mean, max, percentiles, rate);
        }
    }

    ToolAggregates read(InputStream in) throws IOException, ResultsReadException {
        JsonNode root;
        try {
            byte[] all = in.readNBytes((int) MAX_BYTES + 1);
            if (all.length > MAX_BYTES) {
                throw new ResultsReadException(name + ": a k6 summary export larger than " + (MAX_BYTES >> 20)
                        + " MiB: not one (k6 writes a few kilobytes)");
            }
            root = MAPPER.readTree(all);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ResultsReadException(name + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not a valid k6 summary export (JSON): " + e.getOriginalMessage());
        }
        JsonNode metrics = root == null ? null : root.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            throw new ResultsReadException(name + ": expected a k6 summary export with an object \"metrics\"");
        }
        Map<String, Figures> byLabel = new LinkedHashMap<>();
        byLabel.put("", new Figures("", true));
        Iterator<Map.Entry<String, JsonNode>> it = metrics.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            int brace = key.indexOf('{');
            String metric = brace < 0 ? key : key.substring(0, brace);
            if (!metric.equals(K6Samples.DURATION) && !metric.equals("http_reqs") && !metric.equals("http_req_failed")) {
                continue;
            }
            String tags = brace < 0 ? "" : key.substring(brace + 1, key.endsWith("}") ? key.length() - 1 : key.length());
            String label = tags.startsWith("name:") && !tags.contains(",") ? tags.substring(5) : tags.isEmpty() ? ""
                    : "{" + tags + "}";
            Figures f = byLabel.computeIfAbsent(label, l -> new Figures(l, false));
            JsonNode node = e.getValue();
            JsonNode values = node.has("values") && node.get("values").isObject() ? node.get("values") : node;
            figures(metric, key, values, f);
        }
        List<GivenFigures> out = new ArrayList<>();
        for (Figures f : byLabel.values()) {
            if (f.count >= 0 || f.errors >= 0 || !Double.isNaN(f.mean) || !f.percentiles.isEmpty()) {
                out.add(f.given());
            }
        }
        if (out.isEmpty()) {
            throw new ResultsReadException(name + ": a k6 summary export without http_req_duration, http_reqs "
                    + "or http_req_failed: the test made no HTTP requests");
        }
        return new ToolAggregates(name, JtlFormat.K6_SUMMARY.id(), out, List.of(), NOT_DERIVED);
    }

    private void figures(String metric, String key, JsonNode values, Figures f) {
        Iterator<Map.Entry<String, JsonNode>> it = values.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String stat = e.getKey();
            JsonNode v = e.getValue();
            if (!v.isNumber()) {
                if (!v.isContainerNode() && !v.isBoolean()) { // thresholds are objects of booleans
                    log.malformed(0, "metrics." + key + "." + stat, "expected a number, found " + shown(v));
                }
                continue;
            }
            double x = v.asDouble();
            if (!(x >= 0) || Double.isInfinite(x)) {
                log.malformed(0, "metrics." + key + "." + stat, "expected a non-negative number, found " + x);
                continue;
            }
            switch (metric) {
                case K6Samples.DURATION -> duration(stat, x, f);
                case "http_reqs" -> {
                    if (stat.equals("count")) {
                        f.count = (long) x;
                    } else if (stat.equals("rate")) {
                        f.rate = x;
                    }
                }
                default -> {
                    if (stat.equals("passes")) {
                        f.errors = (long) x;
                    }
                }
            }
        }
    }

    private static void duration(String stat, double x, Figures f) {
        switch (stat) {
            case "avg" -> f.mean = x;
            case "min" -> f.min = x;
            case "max" -> f.max = x;
            case "med" -> f.percentiles.put(50.0, x);
            default -> {
                if (stat.startsWith("p(") && stat.endsWith(")")) {
                    try {
                        double p = Double.parseDouble(stat.substring(2, stat.length() - 1));
                        if (p > 0 && p <= 100) {
                            f.percentiles.put(p, x);
                        }
                    } catch (NumberFormatException ignored) {
                        // not a percentile k6 writes: left out
                    }
                }
            }
        }
    }

    private static String shown(JsonNode v) {
        String s = v.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
