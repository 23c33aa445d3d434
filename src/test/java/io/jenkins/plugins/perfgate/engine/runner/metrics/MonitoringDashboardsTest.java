package io.jenkins.plugins.perfgate.engine.runner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.runner.PlanRunner;
import io.jenkins.plugins.perfgate.engine.runner.RunOutcome;
import io.jenkins.plugins.perfgate.engine.runner.demo.DemoTarget;
import io.jenkins.plugins.perfgate.engine.runner.generators.BuiltInGenerators;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Grafana dashboards against real data: one short perfgate run (2 local JMeter generators against the
 * demo target on 127.0.0.1, one label failing) streams live to a real InfluxDB (JMeter's Backend Listener) and a
 * real Pushgateway scraped by a real Prometheus every second, then writes its after-run figures to both. Every
 * query of both dashboards (panels, variables, annotations) is taken from the JSON, substituted as Grafana would,
 * run, and its series compared with the run's summary. A panel without a check here fails the test.
 */
class MonitoringDashboardsTest {

    private static final String JOB = "monitor-test";
    private static final String BUILD = "7";
    private static final String OK_LABEL = "GET /api/items";
    private static final String FAILING_LABEL = "GET /status/503";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyPanelOfBothDashboardsShowsTheRunsFigures() throws Exception {
        for (String d : List.of("influx", "push", "prometheus")) {
            Files.createDirectories(dir.resolve(d));
        }
        try (MonitoringServers.Server influx = MonitoringServers.influxd(dir.resolve("influx"));
                MonitoringServers.Server push = MonitoringServers.pushgateway(dir.resolve("push"));
                MonitoringServers.Server prometheus = MonitoringServers.prometheus(dir.resolve("prometheus"),
                        push.url());
                DemoTarget target = DemoTarget.start(0);
                InputStream template = getClass().getResourceAsStream("/perfgate/templates/load.jmx")) {
            Files.copy(template, dir.resolve("load.jmx"));
            Files.writeString(dir.resolve("plan.yaml"), """
                    name: monitor
                    template: load.jmx
                    properties: {threads: 2, rampUp: 0, duration: 4, thinkTime: 20, host: 127.0.0.1, port: %d,
                                 path: /api/items, path2: /status/503}
                    generators: {count: 2, heap: 256m, options: {jvmArgs: -XX:TieredStopAtLevel=1}}
                    sampling: {progressInterval: 1s}
                    metrics:
                      job: %s
                      build: "%s"
                      influxdb: {url: %s, database: perfgate, live: true, afterRun: true}
                      pushgateway: {url: %s}
                    """.formatted(target.port(), JOB, BUILD, influx.url(), push.url()));
            List<String> lines = new CopyOnWriteArrayList<>();
            long start = System.currentTimeMillis() / 1000;
            RunOutcome outcome = new PlanRunner(RunPlanReader.read(dir.resolve("plan.yaml")),
                    BuiltInGenerators.providers(), TestJMeter.installation(), dir.resolve("out"), lines::add, true)
                    .run();
            assertEquals(RunStatus.COMPLETE, outcome.status(), String.join("\n", lines));
            RunSummary summary = outcome.summary();
            assertTrue(summary.label(FAILING_LABEL).orElseThrow().errors() > 0, "the failing label failed");
            assertEquals(0, summary.label(OK_LABEL).orElseThrow().errors(), "the other one did not");
            assertFalse(String.join("\n", lines).contains("warning"), String.join("\n", lines));

            PrometheusApi prom = new PrometheusApi(prometheus.url(), start);
            prom.awaitScrape("perfgate_run_complete{job=\"" + JOB + "\", status=\"COMPLETE\"}");
            checkPrometheusDashboard(prom, summary);
            checkInfluxDashboard(new Influx(influx.url()), summary);
        }
    }

    // ---------------------------------------------------------------- Prometheus

    private static void checkPrometheusDashboard(PrometheusApi prom, RunSummary summary) throws Exception {
        GrafanaDashboard dashboard = GrafanaDashboard.read("perfgate-prometheus.json");
        Map<String, Consumer<List<GrafanaDashboard.Query>>> checks = Map.of(
                "Throughput per label (req/s)", q -> {
                    // A: the live rate; some interval of each label had samples
                    for (String label : labels(summary)) {
                        assertTrue(prom.rangeMax(q.get(0), "label", label) > 0, q.get(0) + " " + label);
                    }
                    // B: the whole run's throughput, as the summary has it
                    assertClose(overall(summary).get(Metric.THROUGHPUT), prom.single(q.get(1)), q.get(1));
                },
                "p95 per label (ms)", q -> perLabel(prom, q.get(0), summary, Metric.P95),
                "p99 per label (ms)", q -> perLabel(prom, q.get(0), summary, Metric.P99),
                "Errors per label", q -> {
                    perLabel(prom, q.get(0), summary, Metric.ERRORS);
                    assertClose(overall(summary).get(Metric.ERROR_PERCENT), prom.single(q.get(1)), q.get(1));
                },
                "Active threads", q -> {
                    // live only: 1 thread on each of the 2 generators while the test ran, gone after the run
                    assertEquals(2, prom.rangeMax(q.get(0), null, null), q.get(0).toString());
                    assertTrue(prom.instant(q.get(0)).isEmpty(), "no active threads after the run");
                },
                "Samples per generator", q -> {
                    assertEquals(Set.of("gen-1", "gen-2"), summary.generators().keySet());
                    summary.generators().forEach((id, stats) -> assertEquals(stats.count(),
                            find(prom.instant(q.get(0)), "generator", id), id));
                },
                "Run status", q -> {
                    Map<String, JsonNode> now = prom.instant(q.get(0));
                    assertEquals(1, find(now, "status", "COMPLETE"), now.toString());
                    // live pushes came first: the RUNNING series, with the samples rising while it ran
                    assertEquals(0, prom.rangeMax(q.get(0), "status", "RUNNING"), q.get(0).toString());
                });
        Map<String, List<GrafanaDashboard.Query>> panels = dashboard.panelQueries();
        assertEquals(checks.keySet(), panels.keySet(), "every panel has a check");
        panels.forEach((title, queries) -> {
            queries.forEach(query -> assertEquals("perfgate-prometheus", query.datasourceUid(), query.where()));
            checks.get(title).accept(queries.stream().map(q -> prometheusQuery(q)).toList());
        });
        TreeSet<Long> overallCounts = prom.rangeValues(prometheusQuery(new GrafanaDashboard.Query("live samples",
                "", "perfgate_samples{job=\"$job\", build=\"$build\", label=\"_overall\"}")));
        // a live count below the final one was scraped while the run went on (how many depends on scrape timing)
        assertTrue(overallCounts.size() >= 2, "live pushes during the run: " + overallCounts);
        assertEquals(overall(summary).count(), overallCounts.last());

        // variables: label_values(SELECTOR, NAME) is Grafana's; the same series selection, through the API
        Map<String, GrafanaDashboard.Query> variables = dashboard.variableQueries();
        assertTrue(prom.labelValues(prometheusQuery(variables.get("job"))).contains(JOB));
        assertTrue(prom.labelValues(prometheusQuery(variables.get("build"))).contains(BUILD));
        Set<String> labels = new TreeSet<>(labels(summary));
        labels.add(OverallRow.METRICS_LABEL);
        assertEquals(labels, prom.labelValues(prometheusQuery(variables.get("label"))));
        // the build annotation: the build's run, while it ran
        GrafanaDashboard.Query builds = prometheusQuery(dashboard.annotationQueries().get("Builds"));
        assertEquals(0, prom.rangeMax(builds, "build", BUILD), builds.toString());
    }

    private static GrafanaDashboard.Query prometheusQuery(GrafanaDashboard.Query q) {
        return new GrafanaDashboard.Query(q.where(), q.datasourceUid(),
                GrafanaDashboard.substitute(q.text(), JOB, BUILD, ".*"));
    }

    private static void perLabel(PrometheusApi prom, GrafanaDashboard.Query q, RunSummary summary, Metric metric) {
        Map<String, JsonNode> series = prom.instant(q);
        assertEquals(labels(summary).size(), series.size(), q + ": " + series);
        for (LabelStats s : summary.labels()) {
            assertEquals(LabelFigures.of(s).get(metric), find(series, "label", s.label()),
                    q + " " + s.label());
        }
    }

    /** The value of the one series whose labels include name=value, in a map keyed by the series' label JSON. */
    private static double find(Map<String, JsonNode> series, String name, String value) {
        String pair = "\"" + name + "\":\"" + value + "\"";
        List<JsonNode> found = series.entrySet().stream().filter(e -> e.getKey().contains(pair))
                .map(Map.Entry::getValue).toList();
        assertEquals(1, found.size(), name + "=" + value + " in " + series);
        return found.get(0).asDouble();
    }

    // ---------------------------------------------------------------- InfluxDB

    private static void checkInfluxDashboard(Influx influx, RunSummary summary) throws Exception {
        GrafanaDashboard dashboard = GrafanaDashboard.read("perfgate-influxdb.json");
        Map<String, Consumer<JsonNode>> checks = Map.of(
                // per 5 s interval, divided by 5: the intervals add up to every sample
                "Throughput per label (req/s)", r -> perTag(r, "transaction", labels(summary),
                        (label, values) -> assertEquals(count(summary, label), Math.round(sum(values) * 5), label)),
                "p95 per label (ms)", r -> perTag(r, "transaction", labels(summary), (label, values) ->
                        assertTrue(max(values) > 0 && max(values) <= maxOf(summary, label), label + " " + values)),
                "p99 per label (ms)", r -> perTag(r, "transaction", labels(summary), (label, values) ->
                        assertTrue(max(values) > 0 && max(values) <= maxOf(summary, label), label + " " + values)),
                // only labels with errors have series (JMeter writes "ko" rows for failures only)
                "Errors per label", r -> perTag(r, "transaction", Set.of(FAILING_LABEL), (label, values) ->
                        assertEquals(summary.label(label).orElseThrow().errors(), Math.round(sum(values)), label)),
                "Active threads per generator", r -> perTag(r, "generator", Set.of("gen-1", "gen-2"),
                        (gen, values) -> assertEquals(1, max(values), gen)),
                "Samples per generator", r -> perTag(r, "generator", Set.of("gen-1", "gen-2"),
                        (gen, values) -> assertEquals(summary.generators().get(gen).count(), Math.round(sum(values)),
                                gen)),
                "Summary per label (after the run)", r -> {
                    Set<String> seen = new TreeSet<>();
                    for (JsonNode s : r.path("series")) {
                        String label = s.path("tags").path("label").asText();
                        seen.add(label);
                        LabelFigures f = label.equals(OverallRow.METRICS_LABEL) ? overall(summary)
                                : LabelFigures.of(summary.label(label).orElseThrow());
                        JsonNode row = s.path("values").get(0);
                        assertEquals(List.of("time", "samples", "errors", "p95", "p99", "throughput"),
                                JSON.convertValue(s.path("columns"), List.class));
                        assertEquals(f.count(), row.get(1).asLong(), label);
                        assertEquals(f.whole(Metric.ERRORS), row.get(2).asLong(), label);
                        assertEquals(f.whole(Metric.P95), row.get(3).asLong(), label);
                        assertEquals(f.whole(Metric.P99), row.get(4).asLong(), label);
                        assertClose(f.get(Metric.THROUGHPUT), row.get(5).asDouble(), label);
                    }
                    Set<String> expected = new TreeSet<>(labels(summary));
                    expected.add(OverallRow.METRICS_LABEL);
                    assertEquals(expected, seen);
                });
        Map<String, List<GrafanaDashboard.Query>> panels = dashboard.panelQueries();
        assertEquals(checks.keySet(), panels.keySet(), "every panel has a check");
        panels.forEach((title, queries) -> {
            assertEquals(1, queries.size(), title);
            assertEquals("perfgate-influxdb", queries.get(0).datasourceUid(), title);
            checks.get(title).accept(influx.query(queries.get(0)));
        });
        Map<String, GrafanaDashboard.Query> variables = dashboard.variableQueries();
        assertEquals(Set.of(JOB), influx.tagValues(variables.get("job")));
        assertEquals(Set.of(BUILD), influx.tagValues(variables.get("build")));
        assertEquals(new TreeSet<>(labels(summary)), influx.tagValues(variables.get("label")));
        JsonNode builds = influx.query(dashboard.annotationQueries().get("Builds"));
        JsonNode row = builds.path("series").get(0).path("values").get(0);
        assertEquals(overall(summary).count(), row.get(1).asLong(), builds.toString());
        assertEquals(BUILD, row.get(2).asText());
        assertEquals("COMPLETE", row.get(3).asText());
    }

    private interface TagCheck {
        void check(String tag, List<Double> values);
    }

    /** Checks the non-null values of each series of a GROUP BY tag result; exactly the expected tags appear. */
    private static void perTag(JsonNode result, String tag, Set<String> expected, TagCheck check) {
        Set<String> seen = new TreeSet<>();
        for (JsonNode s : result.path("series")) {
            String value = s.path("tags").path(tag).asText();
            seen.add(value);
            List<Double> values = new java.util.ArrayList<>();
            s.path("values").forEach(v -> {
                if (!v.get(1).isNull()) {
                    values.add(v.get(1).asDouble());
                }
            });
            check.check(value, values);
        }
        assertEquals(new TreeSet<>(expected), seen, result.toString());
    }

    // ---------------------------------------------------------------- summary figures

    private static Set<String> labels(RunSummary summary) {
        Set<String> labels = new TreeSet<>();
        summary.labels().forEach(s -> labels.add(s.label()));
        assertEquals(Set.of(OK_LABEL, FAILING_LABEL), labels);
        return labels;
    }

    private static LabelFigures overall(RunSummary summary) {
        return LabelFigures.of(OverallRow.METRICS_LABEL, summary.overall());
    }

    private static long count(RunSummary summary, String label) {
        return summary.label(label).orElseThrow().count();
    }

    private static long maxOf(RunSummary summary, String label) {
        return summary.label(label).orElseThrow().max();
    }

    private static double sum(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static void assertClose(double expected, double actual, Object what) {
        assertEquals(expected, actual, Math.max(1e-6, Math.abs(expected) * 1e-5), String.valueOf(what));
    }

    // ---------------------------------------------------------------- clients

    /** InfluxDB's query API on the perfgate database. */
    private record Influx(URI url) {

        /** The one statement's result, after Grafana's substitution; an InfluxQL error fails. */
        JsonNode query(GrafanaDashboard.Query q) {
            String text = GrafanaDashboard.substitute(q.text(), JOB, BUILD, ".*");
            try {
                JsonNode r = JSON.readTree(MonitoringServers.get(URI.create(url + "/query?db=perfgate&epoch=ms&q="
                        + enc(text))));
                JsonNode result = r.path("results").get(0);
                assertFalse(result.has("error"), q.where() + ": " + text + ": " + result);
                assertTrue(result.has("series"), q.where() + ": no series for " + text);
                return result;
            } catch (Exception e) {
                throw new AssertionError(q.where() + ": " + e, e);
            }
        }

        Set<String> tagValues(GrafanaDashboard.Query q) {
            Set<String> values = new TreeSet<>();
            query(q).path("series").forEach(s -> s.path("values").forEach(v -> values.add(v.get(1).asText())));
            return values;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
