package io.jenkins.plugins.perfgate.engine.runner.metrics;

import io.jenkins.plugins.perfgate.engine.runner.generators.BuiltInGenerators;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.perfgate.engine.runner.PlanRunner;
import io.jenkins.plugins.perfgate.engine.runner.RunOutcome;
import io.jenkins.plugins.perfgate.engine.runner.demo.DemoTarget;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real run exporting to a real InfluxDB (live through JMeter's Backend Listener, and the key figures after the
 * run) and a real Pushgateway; the numbers are queried back and compared with the run's summary.
 */
class MetricsExportTest {

    @TempDir
    Path dir;

    @Test
    void liveAndAfterRunFiguresArriveInInfluxDbAndThePushgateway() throws Exception {
        Files.createDirectories(dir.resolve("influx"));
        Files.createDirectories(dir.resolve("push"));
        try (MonitoringServers.Server influx = MonitoringServers.influxd(dir.resolve("influx"));
                MonitoringServers.Server push = MonitoringServers.pushgateway(dir.resolve("push"));
                DemoTarget target = DemoTarget.start(0);
                InputStream template = getClass().getResourceAsStream("/perfgate/templates/smoke.jmx")) {
            Files.copy(template, dir.resolve("smoke.jmx"));
            Files.writeString(dir.resolve("plan.yaml"), """
                    name: shop
                    template: smoke.jmx
                    properties: {threads: 2, iterations: 7, host: 127.0.0.1, port: %d, path: /api/items,
                                 path2: /status/503}
                    generators: {count: 1, heap: 256m, options: {jvmArgs: -XX:TieredStopAtLevel=1}}
                    metrics:
                      job: shop-checkout
                      build: "42"
                      result: api
                      influxdb: {url: %s, database: perfgate_test, live: true, afterRun: true}
                      pushgateway: {url: %s}
                    """.formatted(target.port(), influx.url(), push.url()));
            RunPlan plan = RunPlanReader.read(dir.resolve("plan.yaml"));
            List<String> lines = new CopyOnWriteArrayList<>();
            RunOutcome outcome = new PlanRunner(plan, BuiltInGenerators.providers(), TestJMeter.installation(),
                    dir.resolve("out"), lines::add, true)
                    .run();
            System.out.println(String.join("\n", lines));
            assertEquals(RunStatus.COMPLETE, outcome.status(), String.join("\n", lines));
            RunSummary summary = outcome.summary();
            LabelStats items = summary.label("GET /api/items").orElseThrow();
            LabelStats failing = summary.label("GET /status/503").orElseThrow();
            assertEquals(14, items.count());
            assertEquals(14, failing.errors());

            // live: JMeter's Backend Listener wrote measurement "jmeter" while the test ran
            JsonNode live = query(influx.url(), "SELECT sum(\"count\") FROM \"jmeter\" WHERE \"transaction\" = "
                    + "'GET /api/items' AND \"statut\" = 'all' AND \"result\" = 'api'");
            assertEquals(14, live.at("/results/0/series/0/values/0/1").asLong(), live.toString());
            JsonNode liveErrors = query(influx.url(), "SELECT sum(\"count\") FROM \"jmeter\" WHERE "
                    + "\"transaction\" = 'GET /status/503' AND \"statut\" = 'ko'");
            assertEquals(14, liveErrors.at("/results/0/series/0/values/0/1").asLong(), liveErrors.toString());

            // after the run: one point per label with the summary's figures and the job/build/template tags
            JsonNode after = query(influx.url(), "SELECT \"count\", \"errors\", \"p95\", \"max\" FROM \"perfgate\" "
                    + "WHERE \"label\" = 'GET /api/items' AND \"job\" = 'shop-checkout' AND \"build\" = '42' "
                    + "AND \"template\" = 'smoke.jmx' AND \"result\" = 'api'");
            JsonNode row = after.at("/results/0/series/0/values/0");
            assertEquals(items.count(), row.get(1).asLong(), after.toString());
            assertEquals(0, row.get(2).asLong());
            assertEquals(items.percentile(95), row.get(3).asLong());
            assertEquals(items.max(), row.get(4).asLong());
            JsonNode overall = query(influx.url(), "SELECT \"count\", \"errors\" FROM \"perfgate\" WHERE \"label\" = "
                    + "'_overall'");
            assertEquals(28, overall.at("/results/0/series/0/values/0/1").asLong(), overall.toString());
            assertEquals(14, overall.at("/results/0/series/0/values/0/2").asLong());

            // Pushgateway: grouped by job/build/template/result, one series per label
            String metrics = MonitoringServers.get(push.url().resolve("/metrics"));
            assertTrue(metrics.contains("result=\"api\""), "the result id is part of the grouping key: " + metrics);
            assertEquals(items.count(), value(metrics, "perfgate_samples", "GET /api/items", ""), metrics);
            assertEquals(14, value(metrics, "perfgate_errors", "GET /status/503", ""));
            assertEquals(1.0, value(metrics, "perfgate_error_ratio", "GET /status/503", ""));
            assertEquals(items.percentile(95), value(metrics, "perfgate_response_time_ms", "GET /api/items",
                    "quantile=\"0.95\""));
        }
    }

    private static JsonNode query(URI influx, String q) throws Exception {
        String body = MonitoringServers.get(URI.create(influx + "/query?db=perfgate_test&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        return new ObjectMapper().readTree(body);
    }

    /** The value of the series with this label (and extra label text) pushed for job shop-checkout, build 42. */
    private static double value(String metrics, String name, String label, String extra) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && line.contains("label=\"" + label + "\"")
                    && line.contains("job=\"shop-checkout\"") && line.contains("build=\"42\"")
                    && line.contains("template=\"smoke.jmx\"") && line.contains(extra)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no " + name + " for " + label + " in:\n" + metrics);
    }
}
