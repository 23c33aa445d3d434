package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import java.io.File;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line, {@code target/perfgate-cli.jar} (verify phase, after {@code package}): self-contained
 * (it starts with {@code java -jar} and holds every library a command needs) and small, since every entry of the jar
 * costs each start of the CLI (the JVM reads the jar's whole central directory; docs/performance.md): without the
 * libraries only the Jenkins plugins bring, and with the Kubernetes client nested ({@code perfgate/kubernetes.jar},
 * loaded by a run with pods, which a run against a mock API server checks).
 */
class CliJarIT {

    static final File JAR = new File("target/perfgate-cli.jar");

    /** Entries of the jar of 83ee7da less bouncycastle, ASM, commons-lang3/text and what is nested (3,339). */
    private static final int MOST_ENTRIES = 4_000;

    @TempDir
    Path dir;

    @Test
    void holdsWhatTheCommandsNeedAndNothingOnlyJenkinsBrings() throws Exception {
        assertTrue(JAR.isFile(), "run mvn package first: " + JAR);
        try (JarFile jar = new JarFile(JAR)) {
            assertEquals(PerfgateCli.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
            for (String needed : List.of("io/jenkins/plugins/perfgate/cli/PerfgateCli.class",
                    "io/jenkins/plugins/perfgate/engine/runner/generators/KubernetesOnDemand.class",
                    "picocli/CommandLine.class", "org/HdrHistogram/Histogram.class",
                    "com/fasterxml/jackson/databind/ObjectMapper.class", "org/yaml/snakeyaml/Yaml.class",
                    "org/jfree/chart/JFreeChart.class", "org/jfree/svg/SVGGraphics2D.class",
                    "org/slf4j/LoggerFactory.class", "perfgate/kubernetes.jar")) {
                assertNotNull(jar.getEntry(needed), needed + " in " + JAR);
            }
            List<String> nested = new ArrayList<>();
            try (JarInputStream in = new JarInputStream(jar.getInputStream(jar.getEntry("perfgate/kubernetes.jar")))) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null;) {
                    nested.add(e.getName());
                }
            }
            for (String needed : List.of("io/jenkins/plugins/perfgate/engine/kubernetes/KubernetesGenerators.class",
                    "io/jenkins/plugins/perfgate/engine/kubernetes/PodRunner.java.txt",
                    "io/fabric8/kubernetes/client/KubernetesClientBuilder.class",
                    "io/fabric8/kubernetes/client/jdkhttp/JdkHttpClientFactory.class",
                    "META-INF/services/io.fabric8.kubernetes.client.http.HttpClient$Factory",
                    "tools/jackson/databind/ObjectMapper.class", "org/snakeyaml/engine/v2/api/Load.class")) {
                assertTrue(nested.contains(needed), needed + " in perfgate/kubernetes.jar");
            }
            int entries = 0;
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                String n = e.getName();
                entries++;
                // nested: the child class loader would never load them if its parent could
                assertFalse(n.startsWith("io/jenkins/plugins/perfgate/engine/kubernetes/")
                        || n.startsWith("io/fabric8/") || n.startsWith("tools/jackson/")
                        || n.contains("io.fabric8."), n + " belongs in perfgate/kubernetes.jar");
                assertFalse(n.startsWith("org/bouncycastle/") || n.startsWith("org/objectweb/")
                        || n.startsWith("org/apache/commons/lang3/") || n.startsWith("org/apache/commons/text/")
                        || n.startsWith("hudson/") || n.startsWith("jenkins/") || n.startsWith("org/kohsuke/"),
                        n + ": only the Jenkins plugins need it, the command line never loads it");
            }
            assertTrue(entries <= MOST_ENTRIES, entries + " entries in " + JAR + ": each costs every start of the CLI");
        }
    }

    @Test
    void startsOnItsOwn() throws Exception {
        Process p = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(), "-jar",
                JAR.getPath(), "--version").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "perfgate --version ended");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("perfgate "), out);
    }

    @Test
    void aRunWithPodsLoadsTheNestedKubernetesClient() throws Exception {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        try (KubernetesClient client = server.createClient()) {
            Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: mock
                      cluster: {server: 'http://127.0.0.1:PORT'}
                    users:
                    - name: perfgate
                      user: {token: t0ken}
                    contexts:
                    - name: mock
                      context: {cluster: mock, user: perfgate, namespace: default}
                    current-context: mock
                    """.replace("PORT", Integer.toString(server.getPort())));
            try (InputStream in = getClass().getResourceAsStream("/perfgate/templates/smoke.jmx")) {
                Files.copy(in, dir.resolve("smoke.jmx"));
            }
            Path plan = Files.writeString(dir.resolve("plan.yaml"), """
                    name: k8s-cli
                    template: smoke.jmx
                    properties: {host: 127.0.0.1, port: 9, threads: 2, iterations: 1}
                    generators:
                      type: kubernetes
                      count: 2
                      heap: 256m
                      options: {namespace: perf, kubeconfig: 'KUBECONFIG', pendingTimeout: 2s}
                    """.replace("KUBECONFIG", kubeconfig.toString()));
            Path cache = dir.resolve("cache");
            ProcessBuilder pb = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
                    "-Xmx256m", "-jar", JAR.getAbsolutePath(), "run", plan.toString(), "--quiet", "--no-gate",
                    "--jmeter-home", TestJMeter.installation().home().toString(), "--out", dir.resolve("out")
                            .toString()).redirectErrorStream(true);
            pb.environment().put("PERFGATE_CACHE", cache.toString());
            Process p = pb.start();
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "perfgate run ended");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            // the pods were created through the nested client (no mock kubelet starts them), then deleted
            assertTrue(out.contains("still pending after 2 s"), out);
            assertTrue(out.contains("perfgate-"), out);
            assertEquals(0, client.pods().inNamespace("perf").list().getItems().size()
                    + client.secrets().inNamespace("perf").list().getItems().size(), "objects left: " + out);
            try (Stream<Path> files = Files.list(cache)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertEquals(1, names.size(), names.toString());
                assertTrue(names.get(0).matches("kubernetes-[0-9a-f]{16}\\.jar"), names.toString());
            }
        } finally {
            server.destroy();
        }
    }
}
