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
 * URL ({@code PERFGATE_INFLUXDB_URL}) are not sent to the InfluxDB a plan names instead. Secret template properties
 * ({@code PERFGATE_SECRET_PROPERTIES}) reach the template as JMeter properties and no file of the run.
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
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            ProcessBuilder pb = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp",
                    System.getProperty("java.class.path"),
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
            assertTrue(dumped.lines().filter(l -> l.startsWith("env ")).noneMatch(l -> l.contains(PASSWORD)),
                    "a template read a secret from the environment: " + dumped);
            // the secret property arrived as a JMeter property, through a private file deleted after the run
            assertTrue(dumped.contains("prop token=" + PASSWORD), dumped);
            try (java.util.stream.Stream<Path> left = Files.list(tmp)) {
                assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("perfgate-secrets"))
                        .toList(), "the secret properties file is deleted");
            }
            try (java.util.stream.Stream<Path> stored = Files.walk(dir.resolve("out"))) {
                for (Path f : stored.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(PASSWORD),
                            "the secret is in " + f);
                }
            }
            assertTrue(Files.readString(dir.resolve("out/summary.json")).contains("\"property.token\" : \"****\""),
                    "the summary records the name only");
            assertFalse(output.contains(PASSWORD), output);
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
