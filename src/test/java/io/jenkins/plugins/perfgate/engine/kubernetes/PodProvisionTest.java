package io.jenkins.plugins.perfgate.engine.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.ArtifactFetcher;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterArtifact;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterInstallation;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterManifest;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The init container's program, {@code Provision.java}, run here by Java's source launcher as the pod runs it:
 * it assembles the JMeter home from a Maven repository (this machine's provisioned JMeter, served over HTTP in
 * repository layout), checking every jar's SHA-256, and refuses a jar whose content differs.
 */
class PodProvisionTest {

    @TempDir
    Path dir;

    @Test
    void assemblesTheSameJMeterHomeAsPerfgatesCacheAndRefusesATamperedJar() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path cached = TestJMeter.installation().home();
        // lay the cached home's jars out as a Maven repository, by the pod's download list; a jar the home holds
        // unpacked (ApacheJMeter_config) is fetched as perfgate fetches it: from the local Maven repository when it
        // has it (checked), else from Maven Central (a fresh machine's ~/.m2 does not)
        String list = PodFiles.jmeterList("http://127.0.0.1:PORT");
        ArtifactFetcher fetcher = ArtifactFetcher.standard(line -> { });
        for (JMeterArtifact a : JMeterManifest.bundled().artifacts()) {
            Path target = repo.resolve(a.repositoryPath());
            Files.createDirectories(target.getParent());
            if (a.unpacked()) {
                fetcher.fetch(a, target);
            } else {
                Files.copy(cached.resolve(a.target()), target);
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = repo.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(repo) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, Files.size(file));
                Files.copy(file, exchange.getResponseBody());
            }
            exchange.close();
        });
        server.start();
        try {
            Path listFile = dir.resolve("jmeter.list");
            Files.writeString(listFile, list.replace("PORT", Integer.toString(server.getAddress().getPort())));
            Path source = dir.resolve(PodFiles.PROVISION);
            Files.write(source, PodFiles.resource("Provision.java.txt"));

            Path home = dir.resolve("jmeter");
            Process ok = provision(source, listFile, home);
            assertEquals(0, ok.exitValue(), new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            JMeterInstallation.existing(home); // the layout perfgate checks
            assertEquals(count(cached.resolve("lib")), count(home.resolve("lib")));
            assertEquals(Files.readString(cached.resolve("bin/jmeter.properties")),
                    Files.readString(home.resolve("bin/jmeter.properties")));

            Path tampered = repo.resolve(list.split("\n")[0].split(" ")[0].substring("http://127.0.0.1:PORT/"
                    .length()));
            Files.write(tampered, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            Process bad = provision(source, listFile, dir.resolve("jmeter2"));
            String out = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, bad.exitValue(), out);
            assertTrue(out.contains("checksum mismatch for"), out);
        } finally {
            server.stop(0);
        }
    }

    private static Process provision(Path source, Path list, Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, source.toString(), list.toString(), home.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "Provision.java did not end");
        return p;
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
