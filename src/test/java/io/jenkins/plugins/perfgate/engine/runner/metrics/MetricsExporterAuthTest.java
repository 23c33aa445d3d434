package io.jenkins.plugins.perfgate.engine.runner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.perfgate.engine.runner.plan.MetricsExport;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials from the environment become HTTP basic authentication on every request to their endpoint, and only
 * there; a local JDK HTTP server records what arrives and answers 401 to requests without the expected header.
 */
class MetricsExporterAuthTest {

    private HttpServer server;
    /** Request path (without query) → the Authorization header it carried ("" when none). */
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private URI url;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String auth = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")).orElse("");
            seen.put(ex.getRequestURI().getPath().startsWith("/metrics/") ? "/metrics" : ex.getRequestURI().getPath(),
                    auth);
            ex.getRequestBody().readAllBytes();
            int code = auth.equals(expected("perf", "s3cret:pw")) || auth.equals(expected("push", "p")) ? 204 : 401;
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String expected(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static RunSummary empty() {
        return RunSummary.of(new RunAggregator(AggregationOptions.defaults()).aggregate(),
                AggregationOptions.defaults(), List.of(), List.of(), Map.of());
    }

    private MetricsExport both() {
        return new MetricsExport(Optional.of(MetricsExport.Influx.afterRunOnly(url)),
                Optional.of(new MetricsExport.Pushgateway(url)), "job", "7");
    }

    @Test
    void eachEndpointGetsItsOwnCredentials() {
        Map<String, String> env = Map.of("PERFGATE_INFLUXDB_USERNAME", "perf", "PERFGATE_INFLUXDB_PASSWORD",
                "s3cret:pw", "PERFGATE_PUSHGATEWAY_USERNAME", "push", "PERFGATE_PUSHGATEWAY_PASSWORD", "p");
        List<String> out = new CopyOnWriteArrayList<>();
        MetricsExporter exporter = new MetricsExporter(both(), "t.jmx", env, out::add);
        exporter.prepareInflux(both().influxdb().orElseThrow());
        List<String> problems = exporter.afterRun(empty());
        assertEquals(List.of(), problems);
        assertEquals(expected("perf", "s3cret:pw"), seen.get("/query"));
        assertEquals(expected("perf", "s3cret:pw"), seen.get("/write"));
        assertEquals(expected("push", "p"), seen.get("/metrics"));
        assertFalse(String.join("\n", out).contains("s3cret"), "the password is never printed: " + out);
    }

    @Test
    void withoutCredentialsNoHeaderIsSentAndTheRefusalIsReported() {
        List<String> problems = new MetricsExporter(both(), "t.jmx", Map.of(), s -> { }).afterRun(empty());
        assertEquals("", seen.get("/write"));
        assertEquals("", seen.get("/metrics"));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.contains("HTTP 401")), problems.toString());
    }

    @Test
    void credentialsComeFromTheEnvironmentOnlyWithAUsername() {
        assertEquals(Optional.empty(), BasicAuth.fromEnvironment(Map.of("PERFGATE_INFLUXDB_PASSWORD", "x"),
                BasicAuth.INFLUXDB));
        BasicAuth a = BasicAuth.fromEnvironment(Map.of("PERFGATE_PUSHGATEWAY_USERNAME", "u"), BasicAuth.PUSHGATEWAY)
                .orElseThrow();
        assertEquals(expected("u", ""), a.header());
        assertFalse(new BasicAuth("u", "hidden-pw").toString().contains("hidden-pw"));
        assertThrows(IllegalArgumentException.class, () -> new BasicAuth("", "c"));
    }
}
