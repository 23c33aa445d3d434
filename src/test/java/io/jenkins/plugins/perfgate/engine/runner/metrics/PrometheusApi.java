package io.jenkins.plugins.perfgate.engine.runner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Prometheus's HTTP API for the dashboard tests: instant and range queries (from the run's start), series. */
/** Prometheus's HTTP API, over the run's time range. */
record PrometheusApi(URI url, long startSeconds) {

    /** Waits until a query has a result: Prometheus has scraped what it selects. */
    void awaitScrape(String query) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (!instant(new GrafanaDashboard.Query("scrape", "", query)).isEmpty()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Prometheus did not scrape " + query + " within 15 s");
    }

    /** The current value of each series, keyed by its labels' JSON. */
    Map<String, JsonNode> instant(GrafanaDashboard.Query q) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode s : api("/api/v1/query?query=" + enc(q.text()), q).path("data").path("result")) {
            out.put(s.path("metric").toString(), s.path("value").get(1));
        }
        return out;
    }

    double single(GrafanaDashboard.Query q) {
        Map<String, JsonNode> series = instant(q);
        assertEquals(1, series.size(), q + ": " + series);
        return series.values().iterator().next().asDouble();
    }

    /** The largest value over the run of the series with name=value (any series when name is null). */
    double rangeMax(GrafanaDashboard.Query q, String name, String value) {
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode s : range(q)) {
            if (name == null || s.path("metric").path(name).asText().equals(value)) {
                for (JsonNode v : s.path("values")) {
                    max = Math.max(max, v.get(1).asDouble());
                }
            }
        }
        assertTrue(max > Double.NEGATIVE_INFINITY, q + ": no series " + name + "=" + value);
        return max;
    }

    TreeSet<Long> rangeValues(GrafanaDashboard.Query q) {
        TreeSet<Long> values = new TreeSet<>();
        range(q).forEach(s -> s.path("values").forEach(v -> values.add(Math.round(v.get(1).asDouble()))));
        return values;
    }

    private JsonNode range(GrafanaDashboard.Query q) {
        long end = System.currentTimeMillis() / 1000 + 1;
        return api("/api/v1/query_range?query=" + enc(q.text()) + "&start=" + startSeconds + "&end=" + end
                + "&step=1", q).path("data").path("result");
    }

    /** The values of NAME over the series label_values(SELECTOR, NAME) (a substituted variable) selects. */
    Set<String> labelValues(GrafanaDashboard.Query variable) {
        String text = variable.text();
        assertTrue(text.startsWith("label_values(") && text.endsWith(")"), text);
        String inner = text.substring("label_values(".length(), text.length() - 1);
        String selector = inner.substring(0, inner.lastIndexOf(',')).strip();
        String name = inner.substring(inner.lastIndexOf(',') + 1).strip();
        Set<String> values = new TreeSet<>();
        api("/api/v1/series?match[]=" + enc(selector) + "&start=" + startSeconds, variable).path("data")
                .forEach(s -> values.add(s.path(name).asText()));
        return values;
    }

    private JsonNode api(String path, GrafanaDashboard.Query q) {
        try {
            JsonNode r = JSON.readTree(MonitoringServers.get(URI.create(url + path)));
            assertEquals("success", r.path("status").asText(), q + ": " + r);
            return r;
        } catch (Exception e) {
            throw new AssertionError(q + ": " + e, e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
