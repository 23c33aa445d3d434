package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AddonProvisioner} against a Maven repository served on 127.0.0.1: runtime dependencies resolved the Maven
 * way (parent properties and managed versions, optional/test/excluded left out, what the JMeter home has skipped),
 * published checksums enforced, the cache reused per set.
 */
class AddonProvisionerTest {

    @TempDir
    Path dir;

    private final Map<String, byte[]> files = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer repository;
    private Path home;

    @BeforeEach
    void serve() throws Exception {
        repository = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        repository.createContext("/", x -> {
            requests.incrementAndGet();
            byte[] body = files.get(x.getRequestURI().getPath().substring(1));
            if (body == null) {
                x.sendResponseHeaders(404, -1);
            } else {
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
            }
            x.close();
        });
        repository.start();
        home = Files.createDirectories(dir.resolve("home/lib/ext")).getParent().getParent();
        Files.write(home.resolve("lib/jorphan.jar"), jar("jorphan"));
        pom("g", "parent", "1", "<properties><dep.version>2</dep.version></properties>"
                + "<dependencyManagement><dependencies>" + dep("g", "managed", "3", "") + "</dependencies>"
                + "</dependencyManagement>", "", "");
        pom("g", "root", "1", "<parent><groupId>g</groupId><artifactId>parent</artifactId><version>1</version>"
                + "</parent>", dep("g", "dep", "${dep.version}", "<exclusions><exclusion><groupId>g</groupId>"
                + "<artifactId>excluded</artifactId></exclusion></exclusions>")
                + dep("g", "managed", "", "") + dep("g", "opt", "1", "<optional>true</optional>")
                + dep("g", "testonly", "1", "<scope>test</scope>") + dep("org.apache.jmeter", "jorphan", "2.13", ""),
                "jar");
        pom("g", "dep", "2", "", dep("g", "excluded", "1", ""), "jar");
        pom("g", "managed", "3", "", "", "jar");
        pom("g", "driver", "1", "", "", "jar");
    }

    @AfterEach
    void stop() {
        repository.stop(0);
    }

    private AddonProvisioner provisioner() {
        ArtifactFetcher fetcher = new ArtifactFetcher(Optional.empty(),
                Optional.of(URI.create("http://127.0.0.1:" + repository.getAddress().getPort() + "/")), l -> { });
        return new AddonProvisioner(dir.resolve("cache"), fetcher, l -> { });
    }

    @Test
    void runtimeDependenciesAreResolvedAndTheSetIsCached() throws Exception {
        List<MavenCoordinate> plugins = List.of(MavenCoordinate.parse("g:root:1"));
        List<MavenCoordinate> libraries = List.of(MavenCoordinate.parse("g:driver:1"));
        JMeterAddons addons = provisioner().provision(home, plugins, libraries);
        assertEquals(List.of("root-1.jar"), names(addons.plugins()));
        assertEquals(List.of("dep-2.jar", "driver-1.jar", "managed-3.jar"), names(addons.libraries()),
                "optional, test, excluded and what the home has are left out");
        assertEquals("g/root/1/root-1.jar", addons.sources().get(addons.plugins().get(0)),
                "where each jar comes from, for generators that fetch it themselves (pods)");
        assertEquals(addons.all().size(), addons.sources().size());
        int served = requests.get();
        assertEquals(addons, provisioner().provision(home, plugins, libraries));
        assertEquals(served, requests.get(), "the cached set is reused without a request");

        Files.write(addons.libraries().get(0), "tampered".getBytes(StandardCharsets.UTF_8));
        JMeterAddons rebuilt = provisioner().provision(home, plugins, libraries);
        assertTrue(requests.get() > served, "a changed jar makes the set be built again");
        assertEquals(names(addons.libraries()), names(rebuilt.libraries()));
    }

    @Test
    void aJarThatDoesNotMatchItsPublishedChecksumIsRefused() throws Exception {
        pom("g", "bad", "1", "", "", "jar");
        files.put("g/bad/1/bad-1.jar", "not what was published".getBytes(StandardCharsets.UTF_8));
        ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner().provision(home,
                List.of(), List.of(MavenCoordinate.parse("g:bad:1"))));
        assertTrue(e.getMessage().startsWith("checksum mismatch for g/bad/1/bad-1.jar: SHA-1 "), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("cache").resolve("addons-" + AddonProvisioner.key(List.of(),
                List.of(MavenCoordinate.parse("g:bad:1")), AddonProvisioner.providedArtifactIds(home)))));
    }

    @Test
    void anUnknownArtifactIsNamed() {
        ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner().provision(home,
                List.of(MavenCoordinate.parse("g:nosuch:9")), List.of()));
        assertEquals("g/nosuch/9/nosuch-9.pom is not on the Maven repository (HTTP 404): check the coordinates",
                e.getMessage());
    }

    @Test
    void malformedCoordinatesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MavenCoordinate.parseList("g:a:1, g:b", "libraries"));
        assertEquals("libraries entry 2: 'g:b' is not group:artifact:version (e.g. kg.apc:jmeter-plugins-casutg:"
                + "2.10)", e.getMessage());
        assertEquals(List.of(MavenCoordinate.parse("g:a:1")), MavenCoordinate.parseList("g:a:1\ng:a:1", "x"));
    }

    private static List<String> names(List<Path> jars) {
        return jars.stream().map(p -> p.getFileName().toString()).toList();
    }

    private void pom(String g, String a, String v, String head, String deps, String packaging) throws Exception {
        String path = g.replace('.', '/') + "/" + a + "/" + v + "/" + a + "-" + v;
        publish(path + ".pom", ("<project><modelVersion>4.0.0</modelVersion>" + head + "<groupId>" + g
                + "</groupId><artifactId>" + a + "</artifactId><version>" + v + "</version>"
                + "<dependencies>" + deps + "</dependencies></project>").getBytes(StandardCharsets.UTF_8));
        if (!packaging.isEmpty()) {
            publish(path + ".jar", jar(a));
        }
    }

    private void publish(String path, byte[] body) throws Exception {
        files.put(path, body);
        files.put(path + ".sha1", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body))
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static String dep(String g, String a, String v, String more) {
        return "<dependency><groupId>" + g + "</groupId><artifactId>" + a + "</artifactId>"
                + (v.isEmpty() ? "" : "<version>" + v + "</version>") + more + "</dependency>";
    }

    private static byte[] jar(String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name + "/Marker.class"));
            zip.write(name.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
