package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisions real JMeter 5.6.3 and runs a tiny plan against an HTTP server on 127.0.0.1. */
class JMeterInstallationTest {

    @TempDir
    Path dir;

    @Test
    void anExistingHomeIsCheckedForItsLayout() throws Exception {
        Path home = TestJMeter.installation().home();
        JMeterInstallation existing = JMeterInstallation.existing(home);
        assertEquals(home, existing.home());
        assertEquals(home.resolve("bin/ApacheJMeter.jar"), existing.launcher());
        ProvisioningException e = org.junit.jupiter.api.Assertions.assertThrows(ProvisioningException.class,
                () -> JMeterInstallation.existing(dir));
        assertEquals(dir.toAbsolutePath() + " is not a JMeter home: bin/ApacheJMeter.jar is missing", e.getMessage());
        List<String> server = existing.command().heap("256m").server("127.0.0.2", 1099, 0);
        assertTrue(server.contains("-Djava.rmi.server.hostname=127.0.0.2") && server.contains("-s")
                && server.contains("-Jserver_port=1099") && server.contains("-Jserver.rmi.localport=0"), server.toString());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> existing.command().heap("lots"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> existing.command().property("a=b", "c"));
    }

    @Test
    void provisionedJMeterRunsAPlanAndWritesTheExpectedSamples() throws Exception {
        JMeterInstallation jmeter = TestJMeter.installation();
        assertEquals("5.6.3", jmeter.version());
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            int code = exchange.getRequestURI().getPath().equals("/hello") ? 200 : 404;
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Path plan = TestJMeter.resource(JMeterInstallationTest.class, "tiny-plan.jmx", dir);
            Path jtl = dir.resolve("results.jtl");
            List<String> cmd = jmeter.command().plan(plan).results(jtl).log(dir.resolve("jmeter.log"))
                    .property("threads", "3").property("loops", "4").property("host", "127.0.0.1")
                    .property("port", Integer.toString(server.getAddress().getPort())).nonGui();
            Process process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "JMeter did not finish in 60 s");
            String out = Files.readString(dir.resolve("stdout.txt"));
            assertEquals(0, process.exitValue(), out);

            List<String> lines = Files.readAllLines(jtl);
            assertTrue(lines.get(0).startsWith("timeStamp,elapsed,label,responseCode"), lines.get(0));
            List<String> rows = lines.subList(1, lines.size());
            assertEquals(24, rows.size(), "3 threads x 4 loops x 2 samplers");
            assertEquals(12, rows.stream().filter(r -> r.contains(",hello,200,")).count());
            assertEquals(12, rows.stream().filter(r -> r.contains(",missing,404,")).count());
            assertEquals(24, hits.get(), "the server saw every request");
        } finally {
            server.stop(0);
        }
    }
}
