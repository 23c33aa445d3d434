package io.jenkins.plugins.perfgate.engine.runner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.perfgate.cli.PerfgateCli;
import io.jenkins.plugins.perfgate.engine.runner.demo.DemoTarget;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live metrics into an InfluxDB that requires authentication (the real influxd, auth enabled): JMeter's listener
 * cannot send basic auth, so perfgate relays its writes and adds the credentials from the environment, as a user
 * runs it ({@code PERFGATE_INFLUXDB_USERNAME=... perfgate run plan.yaml}); the password appears in no file.
 */
class LiveInfluxAuthTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void liveMetricsReachAnInfluxDbThatRequiresCredentials() throws Exception {
        TestJMeter.installation();
        Files.createDirectories(dir.resolve("influx"));
        try (MonitoringServers.Server influx = MonitoringServers.influxd(dir.resolve("influx"), true);
                DemoTarget target = DemoTarget.start(0);
                InputStream template = getClass().getResourceAsStream("/perfgate/templates/smoke.jmx")) {
            // the first user of an auth-enabled influxd may be created without credentials
            assertEquals(200, post(influx.url(), "/query", "q=" + enc("CREATE USER \"perf\" WITH PASSWORD "
                    + "'s3cret pw' WITH ALL PRIVILEGES"), null).statusCode());
            assertEquals(401, post(influx.url(), "/write", "db=perfgate_live", null).statusCode(),
                    "writes without credentials are refused");
            Files.copy(template, dir.resolve("smoke.jmx"));
            Files.writeString(dir.resolve("plan.yaml"), """
                    name: shop
                    template: smoke.jmx
                    properties: {threads: 2, iterations: 9, host: 127.0.0.1, port: %d, path: /api/items, path2: /}
                    generators: {count: 1, heap: 256m, options: {jvmArgs: -XX:TieredStopAtLevel=1}}
                    metrics:
                      influxdb: {url: %s, database: perfgate_live, live: true, afterRun: true}
                    """.formatted(target.port(), influx.url()));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    PerfgateCli.class.getName(), "run", dir.resolve("plan.yaml").toString(), "--quiet", "--out",
                    dir.resolve("out").toString(), "--cache", TestJMeter.cacheRoot().toString())
                    .redirectErrorStream(true);
            pb.environment().put("PERFGATE_INFLUXDB_USERNAME", "perf");
            pb.environment().put("PERFGATE_INFLUXDB_PASSWORD", "s3cret pw");
            Process cli = pb.start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS), output);
            assertEquals(0, cli.exitValue(), output);

            // live: JMeter's Backend Listener wrote measurement "jmeter" through the relay
            JsonNode live = query(influx.url(), "SELECT sum(\"count\") FROM \"jmeter\" WHERE \"transaction\" = "
                    + "'GET /api/items' AND \"statut\" = 'all'");
            assertEquals(18, live.at("/results/0/series/0/values/0/1").asLong(), live + "\n" + output);
            // after the run: perfgate's own points, with basic auth directly
            JsonNode after = query(influx.url(), "SELECT \"count\" FROM \"perfgate\" WHERE \"label\" = '_overall'");
            assertEquals(36, after.at("/results/0/series/0/values/0/1").asLong(), after.toString());
            for (Path f : List.of(dir.resolve("out/smoke.jmx"), dir.resolve("out/generators/gen-1/jmeter.log"))) {
                assertTrue(!Files.readString(f).contains("s3cret"), "no password in " + f);
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(URI base, String path, String query, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + "?" + query))
                .POST(HttpRequest.BodyPublishers.ofString("m v=1"));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode query(URI influx, String q) throws Exception {
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("perf:s3cret pw".getBytes(
                StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(influx + "/query?db=perfgate_live&q="
                + enc(q))).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }
}
