package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integrity of the JMeter cache, on a three-artifact slice of the real manifest (launcher, configuration, jorphan)
 * served by a Maven repository layout over HTTP on 127.0.0.1 and by a local repository folder.
 */
class JMeterProvisionerTest {

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> served = new CopyOnWriteArrayList<>();
    private HttpServer repository;
    private Path repositoryRoot;
    private JMeterManifest slice;

    @BeforeEach
    void serveARepository() throws IOException {
        slice = slice("org.apache.jmeter:ApacheJMeter:", "org.apache.jmeter:ApacheJMeter_config:",
                "org.apache.jmeter:jorphan:");
        // a Maven repository holding the slice's real jars (copied from the provisioned test home's sources)
        repositoryRoot = dir.resolve("remote");
        ArtifactFetcher real = ArtifactFetcher.standard(log::add);
        for (JMeterArtifact a : slice.artifacts()) {
            real.fetch(a, repositoryRoot.resolve(a.repositoryPath()));
        }
        log.clear();
        repository = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        repository.createContext("/", exchange -> {
            Path file = repositoryRoot.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            served.add(exchange.getRequestURI().getPath());
            if (!file.startsWith(repositoryRoot) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, Files.size(file));
                Files.copy(file, exchange.getResponseBody());
            }
            exchange.close();
        });
        repository.start();
    }

    @AfterEach
    void stop() {
        repository.stop(0);
    }

    private URI remote() {
        return URI.create("http://127.0.0.1:" + repository.getAddress().getPort() + "/");
    }

    private JMeterProvisioner provisioner(Optional<Path> localRepo, Optional<URI> remote) {
        return new JMeterProvisioner(dir.resolve("cache"), slice, new ArtifactFetcher(localRepo, remote, log::add),
                log::add);
    }

    @Test
    void downloadsVerifiesAndReusesTheHome() throws IOException {
        JMeterProvisioner provisioner = provisioner(Optional.empty(), Optional.of(remote()));
        JMeterInstallation jmeter = provisioner.provision();
        Path home = jmeter.home();
        assertTrue(Files.isRegularFile(home.resolve("bin/ApacheJMeter.jar")));
        assertTrue(Files.isRegularFile(home.resolve("lib/jorphan.jar")));
        assertTrue(Files.readString(home.resolve("bin/jmeter.properties")).contains("remote_hosts"));
        assertTrue(Files.isRegularFile(home.resolve(JMeterProvisioner.MARKER)));
        assertEquals(3, served.size(), "each artifact downloaded once: " + served);
        assertFalse(Files.exists(home.resolveSibling(home.getFileName() + ".partial")));

        served.clear();
        log.clear();
        assertEquals(home, provisioner.provision().home());
        assertTrue(served.isEmpty(), "a verified home is reused: " + served);
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void homesOfTwoManifestsOfOneVersionAreApart() throws IOException {
        JMeterProvisioner provisioner = provisioner(Optional.empty(), Optional.of(remote()));
        Path home = provisioner.provision().home();
        assertTrue(home.getFileName().toString().matches("jmeter-5\\.6\\.3-[0-9a-f]{16}"), home.toString());
        JMeterManifest smaller = slice("org.apache.jmeter:ApacheJMeter:", "org.apache.jmeter:jorphan:");
        JMeterProvisioner other = new JMeterProvisioner(dir.resolve("cache"), smaller,
                new ArtifactFetcher(Optional.empty(), Optional.of(remote()), log::add), log::add);
        Path otherHome = other.provision().home();
        assertFalse(otherHome.equals(home), "another manifest, another home");
        assertTrue(provisioner.verify(home).isEmpty(), "the first home still verifies");
        assertTrue(other.verify(otherHome).isEmpty());
    }

    @Test
    void aTamperedFileIsDetectedAndTheHomeRebuilt() throws IOException {
        JMeterProvisioner provisioner = provisioner(Optional.empty(), Optional.of(remote()));
        Path home = provisioner.provision().home();
        Path properties = home.resolve("bin/jmeter.properties");
        String original = Files.readString(properties);
        Files.writeString(properties, original.replace("remote_hosts", "remote_hostz"));

        assertEquals(Optional.of("SHA-256 of bin/jmeter.properties changed"), provisioner.verify(home));
        provisioner.provision();
        assertEquals(original, Files.readString(properties));
        assertTrue(log.stream().anyMatch(l -> l.contains("SHA-256 of bin/jmeter.properties changed")), log.toString());
    }

    @Test
    void aHalfUnpackedHomeWithoutMarkerAndALeftOverPartialFolderAreRebuilt() throws IOException {
        JMeterProvisioner provisioner = provisioner(Optional.empty(), Optional.of(remote()));
        Path home = provisioner.home();
        // as a crash mid-copy would leave them: a home without marker and a staging folder
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/jorphan.jar"), "half");
        Path partial = home.resolveSibling(home.getFileName() + ".partial");
        Files.createDirectories(partial.resolve("lib"));
        Files.writeString(partial.resolve("lib/stale.jar"), "stale");

        assertEquals(Optional.of("no completion marker " + JMeterProvisioner.MARKER), provisioner.verify(home));
        provisioner.provision();
        assertEquals(Optional.empty(), provisioner.verify(home));
        assertEquals(slice.artifacts().stream().filter(a -> a.artifactId().equals("jorphan")).findFirst().get().sha256(),
                Checksums.sha256(home.resolve("lib/jorphan.jar")));
        assertFalse(Files.exists(partial));

        Files.delete(home.resolve("lib/jorphan.jar"));
        assertEquals(Optional.of("missing file lib/jorphan.jar"), provisioner.verify(home));
    }

    @Test
    void aCorruptLocalRepositoryCopyIsIgnoredAndDownloadedInstead() throws IOException {
        Path local = dir.resolve("local");
        JMeterArtifact jorphan = slice.artifacts().stream().filter(a -> a.artifactId().equals("jorphan"))
                .findFirst().orElseThrow();
        Path corrupt = local.resolve(jorphan.repositoryPath());
        Files.createDirectories(corrupt.getParent());
        Files.write(corrupt, new byte[(int) jorphan.size()]);

        provisioner(Optional.of(local), Optional.of(remote())).provision();
        assertTrue(log.stream().anyMatch(l -> l.startsWith("ignoring " + corrupt)), log.toString());
        assertTrue(served.stream().anyMatch(p -> p.endsWith(jorphan.fileName())), served.toString());
    }

    @Test
    void offlineWithoutTheArtifactFailsNamingIt() {
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> provisioner(Optional.of(dir.resolve("empty")), Optional.empty()).provision());
        assertTrue(e.getMessage().contains("is not in the local Maven repository"), e.getMessage());
        assertFalse(Files.exists(provisioner(Optional.empty(), Optional.empty()).home()),
                "nothing half-built is left as a home");
    }

    @Test
    void aDownloadWithAWrongChecksumIsRejected() throws IOException {
        JMeterArtifact launcher = slice.artifacts().get(0);
        Files.write(repositoryRoot.resolve(launcher.repositoryPath()), new byte[(int) launcher.size()]);
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> provisioner(Optional.empty(), Optional.of(remote())).provision());
        assertTrue(e.getMessage().contains("checksum mismatch for " + remote() + launcher.repositoryPath()),
                e.getMessage());
        assertFalse(Files.exists(provisioner(Optional.empty(), Optional.empty()).home()));
    }

    @Test
    void aMissingRemoteArtifactNamesTheUrlAndStatus() throws IOException {
        JMeterArtifact launcher = slice.artifacts().get(0);
        Files.delete(repositoryRoot.resolve(launcher.repositoryPath()));
        ProvisioningException e = assertThrows(ProvisioningException.class,
                () -> provisioner(Optional.empty(), Optional.of(remote())).provision());
        assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
    }

    @Test
    void downloadsFromMavenCentral() throws IOException {
        // the one test that reaches the network: the launcher jar (14 kB) from Maven Central itself
        JMeterArtifact launcher = slice.artifacts().get(0);
        Path out = dir.resolve("launcher.jar");
        new ArtifactFetcher(Optional.empty(), Optional.of(ArtifactFetcher.MAVEN_CENTRAL), log::add)
                .fetch(launcher, out);
        assertEquals(launcher.sha256(), Checksums.sha256(out));
    }

    @Test
    void manifestErrorsNameTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JMeterManifest.parse("1",
                "m", "# comment\na:b:1 " + "0".repeat(64) + " 10 lib/x.jar\na:b:1 lib/y.jar\n"));
        assertEquals("m:3: expected 'coordinates sha256 size target', got 'a:b:1 lib/y.jar'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> JMeterManifest.parse("1", "m", "a:b:1 " + "0".repeat(64) + " 10 ../x.jar\n"));
        assertEquals("m:1: invalid target '../x.jar'", e.getMessage());
        // a SHA-1 pin (40 hex digits) is refused: only SHA-256 identifies a jar that cannot be forged
        e = assertThrows(IllegalArgumentException.class,
                () -> JMeterManifest.parse("1", "m", "a:b:1 " + "0".repeat(40) + " 10 lib/x.jar\n"));
        assertTrue(e.getMessage().contains("invalid SHA-256"), e.getMessage());
        assertEquals(161, JMeterManifest.bundled().artifacts().size());
    }

    @Test
    void theBundledManifestHasEveryModuleOfTheOfficialArchive() {
        // lib/ext of apache-jmeter-5.6.3.tgz
        assertEquals(List.of("ApacheJMeter_bolt", "ApacheJMeter_components", "ApacheJMeter_core", "ApacheJMeter_ftp",
                "ApacheJMeter_functions", "ApacheJMeter_http", "ApacheJMeter_java", "ApacheJMeter_jdbc",
                "ApacheJMeter_jms", "ApacheJMeter_junit", "ApacheJMeter_ldap", "ApacheJMeter_mail",
                "ApacheJMeter_mongodb", "ApacheJMeter_native", "ApacheJMeter_tcp"),
                JMeterManifest.bundled().artifacts().stream().map(JMeterArtifact::artifactId)
                        .filter(a -> a.startsWith("ApacheJMeter_") && !a.equals("ApacheJMeter_config")).sorted()
                        .toList());
    }

    private static JMeterManifest slice(String... prefixes) throws IOException {
        String text;
        try (InputStream in = JMeterManifest.class.getResourceAsStream("jmeter-5.6.3.manifest")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> keep = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (String p : prefixes) {
                if (line.startsWith(p)) {
                    keep.add(line);
                }
            }
        }
        return JMeterManifest.parse("5.6.3", "slice", keep.stream().collect(Collectors.joining("\n")));
    }
}
