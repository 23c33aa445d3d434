package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perfgate run} of a Concurrency Thread Group plan: without the plugin the plan does not run and the message
 * names the plan key that fixes it; with {@code jmeterPlugins: [kg.apc:jmeter-plugins-casutg:2.10]} (resolved from
 * Maven Central with its dependencies into the cache) real JMeter runs it against a real server on 127.0.0.1.
 */
class JMeterPluginRunTest {

    @TempDir
    Path dir;

    @Test
    void aConcurrencyThreadGroupRunsWithThePluginNamedInThePlan() throws Exception {
        TestJMeter.resource(getClass(), "needs-plugin-concurrency.jmx", dir);
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        server.createContext("/hello", x -> {
            served.incrementAndGet();
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            String common = """
                    template: needs-plugin-concurrency.jmx
                    properties: {port: "%d"}
                    generators: {count: 1, heap: 256m, options: {jvmArgs: -XX:TieredStopAtLevel=1}}
                    """.formatted(server.getAddress().getPort());
            Path without = dir.resolve("without.yaml");
            Files.writeString(without, "name: without\n" + common);
            CliRun missing = CliRun.of("run", without.toString(), "--out", dir.resolve("out0").toString(),
                    "--cache", TestJMeter.cacheRoot().toString());
            assertEquals(PerfgateCli.EXIT_INVALID_INPUT, missing.exit(), missing.out());
            assertTrue(missing.err().contains("'concurrent users' (concurrency > concurrent users) needs "
                    + "com.blazemeter.jmeter.threads.concurrency.ConcurrencyThreadGroup"), missing.err());
            assertTrue(missing.err().contains("jmeterPlugins: [kg.apc:jmeter-plugins-casutg:2.10]"), missing.err());
            assertEquals(0, served.get(), "nothing ran");

            Path with = dir.resolve("with.yaml");
            Files.writeString(with, "name: with\njmeterPlugins: [kg.apc:jmeter-plugins-casutg:2.10]\n" + common);
            CliRun r = CliRun.of("run", with.toString(), "--out", dir.resolve("out").toString(),
                    "--cache", TestJMeter.cacheRoot().toString());
            RunSummary s = SummaryJson.read(dir.resolve("out/summary.json"));
            LabelStats hello = s.label("hello").orElseThrow(() -> new AssertionError(r.out() + r.err()));
            assertTrue(hello.count() >= 2, "2 concurrent users held 2 s: " + r.out());
            assertEquals(served.get(), hello.count(), "every request the server saw is in the summary");
            assertEquals(0, hello.errors());
            assertTrue(Files.exists(dir.resolve("out/summary.json")));
            Path cached = Files.list(TestJMeter.cacheRoot()).filter(p -> p.getFileName().toString()
                    .matches("addons-[0-9a-f]{16}")).findFirst().orElseThrow();
            assertTrue(Files.exists(cached.resolve("plugins/jmeter-plugins-casutg-2.10.jar")), cached.toString());
            assertTrue(Files.exists(cached.resolve("lib/jmeter-plugins-cmn-jmeter-0.6.jar")),
                    "the plugin's dependency came along");
        } finally {
            server.stop(0);
        }
    }
}
