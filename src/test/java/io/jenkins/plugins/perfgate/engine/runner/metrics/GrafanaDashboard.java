package io.jenkins.plugins.perfgate.engine.runner.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the Grafana dashboards shipped in examples/monitoring/grafana/dashboards, read as Grafana reads it, with
 * every query it runs (panel targets, template variables, annotations) and Grafana's variable substitution for one
 * job, build and label selection.
 */
record GrafanaDashboard(Path file, JsonNode json) {

    static final Path DIR = Path.of("examples/monitoring/grafana/dashboards");

    /** One query Grafana runs, with where it comes from. */
    record Query(String where, String datasourceUid, String text) {
    }

    static GrafanaDashboard read(String name) throws IOException {
        Path file = DIR.resolve(name);
        return new GrafanaDashboard(file, new ObjectMapper().readTree(file.toFile()));
    }

    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        json.path("panels").forEach(panels::add);
        return panels;
    }

    /** The panel targets' queries by panel title (PromQL {@code expr} or InfluxQL {@code query}). */
    Map<String, List<Query>> panelQueries() {
        Map<String, List<Query>> out = new LinkedHashMap<>();
        for (JsonNode panel : panels()) {
            List<Query> queries = new ArrayList<>();
            for (JsonNode t : panel.path("targets")) {
                queries.add(new Query(panel.path("title").asText() + " " + t.path("refId").asText(),
                        t.path("datasource").path("uid").asText(), text(t)));
            }
            out.put(panel.path("title").asText(), queries);
        }
        return out;
    }

    /** The template variables' queries by variable name. */
    Map<String, Query> variableQueries() {
        Map<String, Query> out = new LinkedHashMap<>();
        for (JsonNode v : json.path("templating").path("list")) {
            JsonNode q = v.path("query");
            out.put(v.path("name").asText(), new Query("variable " + v.path("name").asText(),
                    v.path("datasource").path("uid").asText(), q.isObject() ? q.path("query").asText() : q.asText()));
        }
        return out;
    }

    /** The annotations that query a data source (not Grafana's own), by name. */
    Map<String, Query> annotationQueries() {
        Map<String, Query> out = new LinkedHashMap<>();
        for (JsonNode a : json.path("annotations").path("list")) {
            String uid = a.path("datasource").path("uid").asText();
            if (!uid.startsWith("-- ")) {
                out.put(a.path("name").asText(), new Query("annotation " + a.path("name").asText(), uid, text(a)));
            }
        }
        return out;
    }

    private static String text(JsonNode target) {
        return target.has("expr") ? target.path("expr").asText() : target.path("query").asText();
    }

    /**
     * Grafana's substitution: the dashboard variables (single values, as Grafana formats them for a regex match),
     * and its global variables ({@code $timeFilter}: the last 10 minutes; intervals: fixed).
     */
    static String substitute(String query, String job, String build, String label) {
        return query.replace("$__rate_interval", "4s").replace("$__interval", "1s")
                .replace("$timeFilter", "time > now() - 10m")
                .replace("$job", job).replace("$build", build).replace("$label", label);
    }
}
