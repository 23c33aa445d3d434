package io.jenkins.plugins.perfgate.engine.runner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.perfgate.cli.PerfgateCli;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics credentials perfgate gets in its environment stay with perfgate: a hostile template (a JSR223 sample
 * that writes {@code System.getenv()} to a file) sees none of them, and credentials bound to the administrator's
 * URL ({@code PERFGATE_INFLUXDB_URL}) are not sent to the InfluxDB a plan names instead.
 */
class SecretEnvironmentTest {

    private static final String PASSWORD = "env-s3cret-pw";

    @TempDir
    Path dir;

    @Test
    void jmeterSeesNoCredentialsAndAPlanUrlGetsNone() throws Exception {
        TestJMeter.installation();
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer plansInflux = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        plansInflux.createContext("/", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " auth="
                    + ex.getRequestHeaders().getFirst("Authorization"));
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        plansInflux.start();
        try {
            try (java.io.InputStream jmx = getClass().getResourceAsStream("../dump-environment.jmx")) {
                Files.copy(jmx, dir.resolve("dump.jmx"));
            }
            Path dump = dir.resolve("dump.txt");
            String planUrl = "http://127.0.0.1:" + plansInflux.getAddress().getPort();
            Files.writeString(dir.resolve("plan.yaml"), """
                    template: dump.jmx
                    properties: {dumpFile: '%s'}
                    generators: {count: 1, heap: 256m, options: {jvmArgs: -XX:TieredStopAtLevel=1}}
                    metrics:
                      influxdb: {url: '%s', database: perfgate, live: true, afterRun: true}
                    """.formatted(dump, planUrl));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    PerfgateCli.class.getName(), "run", dir.resolve("plan.yaml").toString(), "--quiet", "--out",
                    dir.resolve("out").toString(), "--cache", TestJMeter.cacheRoot().toString())
                    .redirectErrorStream(true);
            pb.environment().put("PERFGATE_INFLUXDB_USERNAME", "perf");
            pb.environment().put("PERFGATE_INFLUXDB_PASSWORD", PASSWORD);
            // the administrator's InfluxDB, not the plan's
            pb.environment().put("PERFGATE_INFLUXDB_URL", "http://influx.example.org:8086");
            pb.environment().put("PERFGATE_PUSHGATEWAY_PASSWORD", PASSWORD);
            pb.environment().put("PERFGATE_SECRET_PROPERTIES", "{\"token\":\"" + PASSWORD + "\"}");
            pb.environment().put("SOME_BUILD_VARIABLE", "visible");
            Process cli = pb.start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS), output);
            Path log = dir.resolve("out/generators/gen-1/jmeter.log");
            assertEquals(0, cli.exitValue(), output + (Files.exists(log) ? Files.readString(log) : ""));

            String dumped = Files.readString(dump);
            assertTrue(dumped.contains("env SOME_BUILD_VARIABLE=visible"), "the dump works: " + dumped);
            assertFalse(dumped.contains(PASSWORD), "a template read a secret: " + dumped);
            assertFalse(dumped.contains("PERFGATE_INFLUXDB") || dumped.contains("PERFGATE_PUSHGATEWAY"), dumped);

            assertTrue(seen.stream().anyMatch(s -> s.startsWith("POST /write")), "the plan's InfluxDB got the "
                    + "figures: " + seen + "\n" + output);
            assertTrue(seen.stream().allMatch(s -> s.endsWith("auth=null")), "credentials went to a URL the "
                    + "administrator did not configure: " + seen);
        } finally {
            plansInflux.stop(0);
        }
    }
}
