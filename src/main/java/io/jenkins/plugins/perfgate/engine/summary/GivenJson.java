package io.jenkins.plugins.perfgate.engine.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.perfgate.engine.results.GivenFigures;
import io.jenkins.plugins.perfgate.engine.results.GivenInterval;
import io.jenkins.plugins.perfgate.engine.results.ToolAggregates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code toolAggregates} part of the summary JSON (docs/summary-schema.md): other tools' own figures, as given.
 * A figure the tool did not give is left out of the JSON (and read back as absent: NaN, or -1 for counts).
 */
final class GivenJson {

    static final String SERIES_COLUMNS = "timeMillis,label,overall,users,requestsPerSecond,failuresPerSecond,"
            + "totalCount,totalErrors,percentiles";

    private GivenJson() {
    }

    static ArrayNode toTree(ObjectMapper mapper, List<ToolAggregates> all) {
        ArrayNode out = mapper.createArrayNode();
        for (ToolAggregates t : all) {
            ObjectNode n = out.addObject();
            n.put("path", t.path());
            n.put("format", t.format());
            n.put("notDerived", t.notDerived());
            ArrayNode figures = n.putArray("figures");
            for (GivenFigures f : t.figures()) {
                ObjectNode o = figures.addObject();
                o.put("label", f.label());
                o.put("overall", f.overall());
                count(o, "count", f.count());
                count(o, "errors", f.errors());
                number(o, "min", f.min());
                number(o, "mean", f.mean());
                number(o, "max", f.max());
                number(o, "throughput", f.throughput());
                o.set("percentiles", percentiles(mapper, f.percentiles()));
            }
            if (!t.series().isEmpty()) {
                ObjectNode series = n.putObject("series");
                series.put("columns", SERIES_COLUMNS);
                ArrayNode points = series.putArray("points");
                for (GivenInterval p : t.series()) {
                    ArrayNode row = points.addArray();
                    row.add(p.timeMillis()).add(p.label()).add(p.overall()).add(p.users());
                    add(row, p.requestsPerSecond());
                    add(row, p.failuresPerSecond());
                    row.add(p.totalCount()).add(p.totalErrors());
                    row.add(percentiles(mapper, p.percentiles()));
                }
            }
        }
        return out;
    }

    static List<ToolAggregates> fromTree(JsonNode array) {
        List<ToolAggregates> out = new ArrayList<>();
        for (JsonNode n : array) {
            List<GivenFigures> figures = new ArrayList<>();
            for (JsonNode o : n.path("figures")) {
                figures.add(new GivenFigures(o.path("label").asText(), o.path("overall").asBoolean(),
                        o.path("count").asLong(-1), o.path("errors").asLong(-1), number(o.get("min")),
                        number(o.get("mean")), number(o.get("max")), percentiles(o.path("percentiles")),
                        number(o.get("throughput"))));
            }
            List<GivenInterval> series = new ArrayList<>();
            for (JsonNode row : n.path("series").path("points")) {
                series.add(new GivenInterval(row.path(0).asLong(), row.path(1).asText(), row.path(2).asBoolean(),
                        row.path(3).asInt(-1), number(row.get(4)), number(row.get(5)), percentiles(row.path(8)),
                        row.path(6).asLong(-1), row.path(7).asLong(-1)));
            }
            out.add(new ToolAggregates(n.path("path").asText(), n.path("format").asText(), figures, series,
                    n.path("notDerived").asText()));
        }
        return out;
    }

    private static ObjectNode percentiles(ObjectMapper mapper, Map<Double, Double> given) {
        ObjectNode o = mapper.createObjectNode();
        given.forEach((p, v) -> o.put(BigDecimal.valueOf(p).stripTrailingZeros().toPlainString(), v));
        return o;
    }

    private static Map<Double, Double> percentiles(JsonNode o) {
        Map<Double, Double> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(Double.parseDouble(e.getKey()), e.getValue().asDouble());
        }
        return out;
    }

    private static void count(ObjectNode o, String field, long v) {
        if (v >= 0) {
            o.put(field, v);
        }
    }

    private static void number(ObjectNode o, String field, double v) {
        if (!Double.isNaN(v)) {
            o.put(field, v);
        }
    }

    private static void add(ArrayNode row, double v) {
        if (Double.isNaN(v)) {
            row.addNull();
        } else {
            row.add(v);
        }
    }

    private static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }
}
