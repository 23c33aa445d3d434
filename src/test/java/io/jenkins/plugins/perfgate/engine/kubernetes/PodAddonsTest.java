package io.jenkins.plugins.perfgate.engine.kubernetes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorProviders;
import io.jenkins.plugins.perfgate.engine.runner.PlanRunner;
import io.jenkins.plugins.perfgate.engine.runner.RunOutcome;
import io.jenkins.plugins.perfgate.engine.runner.demo.DemoTarget;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterAddons;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's {@code jmeterPlugins:} and {@code libraries:} reach Kubernetes pods: against fabric8's mock API server, the
 * pod gets a second init container that fetches the jars the run resolved (same SHA-256) from the plan's
 * {@code mavenRepository} (here a repository served on 127.0.0.1) into an {@code emptyDir}, and JMeter gets them
 * on its class path there. The init container's program and the pod's command run on this machine, as the pod
 * runs them (PodProvisionTest shows that program refusing a jar whose checksum differs).
 */
@EnableKubernetesMockClient(crud = true)
class PodAddonsTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void podsFetchTheRunsPluginsAndLibrariesByChecksumAndJMeterGetsThem() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path plugin = jar(repo.resolve("org/example/probe/1.0/probe-1.0.jar"), "probe");
        Path library = jar(repo.resolve("org/example/util/2.0/util-2.0.jar"), "util");
        // the run's addons as AddonProvisioner hands them over: local copies, with where each comes from
        Path cache = Files.createDirectories(dir.resolve("cache/plugins"));
        Files.createDirectories(dir.resolve("cache/lib"));
        Path localPlugin = Files.copy(plugin, cache.resolve("probe-1.0.jar"));
        Path localLibrary = Files.copy(library, dir.resolve("cache/lib/util-2.0.jar"));
        JMeterAddons addons = new JMeterAddons(List.of(localPlugin), List.of(localLibrary), Map.of(
                localPlugin, "org/example/probe/1.0/probe-1.0.jar", localLibrary, "org/example/util/2.0/util-2.0.jar"));
        HttpServer http = serve(repo);
        try (DemoTarget target = DemoTarget.start(0)) {
            String mirror = "http://127.0.0.1:" + http.getAddress().getPort() + "/maven2";
            try (InputStream in = getClass().getResourceAsStream("/perfgate/templates/smoke.jmx")) {
                Files.copy(in, dir.resolve("smoke.jmx"));
            }
            Files.writeString(dir.resolve("plan.yaml"), """
                    name: k8s-addons
                    template: smoke.jmx
                    properties: {host: 127.0.0.1, port: PORT, threads: 2, iterations: 3, thinkTime: 0}
                    generators:
                      type: kubernetes
                      count: 1
                      heap: 256m
                      options: {namespace: load, pendingTimeout: 60s, mavenRepository: 'MIRROR',
                        jvmArgs: '-XX:TieredStopAtLevel=1'}
                    """.replace("PORT", Integer.toString(target.port())).replace("MIRROR", mirror));
            PlanRunner runner = new PlanRunner(RunPlanReader.read(dir.resolve("plan.yaml")),
                    GeneratorProviders.of(List.of(new KubernetesGenerators(o -> mockClient()))),
                    TestJMeter.installation().withAddons(addons), dir.resolve("out"), l -> { }, false);
            CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.run();
                } catch (java.io.IOException e) {
                    throw new CompletionException(e);
                }
            });
            MockCluster cluster = new MockCluster(server, client);
            Pod pod = cluster.awaitPods(1).get(0);
            Secret secret = client.secrets().inNamespace(MockCluster.NS).list().getItems().get(0);

            // the pod spec: JMeter's init container, then the addons', each into an emptyDir; JMeter is told the paths
            List<Container> init = pod.getSpec().getInitContainers();
            assertEquals(List.of(PodSpecs.INIT, PodSpecs.INIT_ADDONS), init.stream().map(Container::getName).toList());
            assertEquals(List.of("java", "/perfgate/Provision.java", "/perfgate/addons.list", PodSpecs.ADDONS_HOME,
                    "JMeter plugins and libraries"), init.get(1).getCommand());
            assertTrue(pod.getSpec().getVolumes().stream().anyMatch(v -> v.getName().equals("addons")
                    && v.getEmptyDir() != null));
            Container main = pod.getSpec().getContainers().get(0);
            VolumeMount mount = main.getVolumeMounts().stream().filter(m -> m.getName().equals("addons")).findFirst()
                    .orElseThrow();
            assertEquals(PodSpecs.ADDONS_HOME, mount.getMountPath());
            assertTrue(mount.getReadOnly());
            assertTrue(main.getCommand().contains("-Jsearch_paths=" + PodSpecs.ADDONS_HOME + "/plugins/probe-1.0.jar"),
                    main.getCommand().toString());
            assertTrue(main.getCommand().contains("-Juser.classpath=" + PodSpecs.ADDONS_HOME + "/lib/util-2.0.jar"),
                    main.getCommand().toString());

            // the list names the mirror and the checksums of the resolved jars
            String list = new String(Base64.getDecoder().decode(secret.getData().get(PodFiles.ADDONS_LIST)),
                    StandardCharsets.UTF_8);
            assertEquals(mirror + "/org/example/probe/1.0/probe-1.0.jar " + sha256(plugin) + " " + Files.size(plugin)
                    + " plugins/probe-1.0.jar\n" + mirror + "/org/example/util/2.0/util-2.0.jar " + sha256(library)
                    + " " + Files.size(library) + " lib/util-2.0.jar\n", list);

            // the init container's program fetches them; then the pod's JMeter runs with them
            Path podDir = dir.resolve("pod");
            Files.createDirectories(podDir);
            Path listFile = podDir.resolve("addons.list");
            Files.writeString(listFile, list);
            Path source = podDir.resolve(PodFiles.PROVISION);
            Files.write(source, PodFiles.resource("Provision.java.txt"));
            String fetched = provision(source, listFile, podDir.resolve("addons"));
            assertTrue(fetched.contains("JMeter plugins and libraries assembled in "), fetched);
            assertArrayEquals(Files.readAllBytes(plugin), Files.readAllBytes(podDir.resolve("addons/plugins/"
                    + "probe-1.0.jar")));
            assertArrayEquals(Files.readAllBytes(library), Files.readAllBytes(podDir.resolve("addons/lib/"
                    + "util-2.0.jar")));
            Process p = PodOnThisMachine.start(pod, secret, podDir);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pod command did not end");
            String log = Files.readString(podDir.resolve("log"));
            assertEquals(0, p.exitValue(), log);
            cluster.log(pod, log);
            cluster.phase(pod, "Running");
            RunOutcome result = outcome.get(60, TimeUnit.SECONDS);
            assertEquals(RunStatus.COMPLETE, result.status(), result.reason() + "\n" + log);
            assertEquals(6, result.summary().overall().count());
            assertTrue(Files.readString(podDir.resolve("work/jmeter.log")).contains("probe-1.0.jar"),
                    "JMeter's log names the plugin jar it loaded");

        } finally {
            http.stop(0);
        }
    }

    private static KubernetesClient mockClient() {
        return new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(client.getConfiguration())
                .withHttpClientBuilderConsumer(b -> b.preferHttp11()).build();
    }

    private static Path jar(Path file, String name) throws Exception {
        Files.createDirectories(file.getParent());
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        // JMeter scans a plugin jar's manifest: a jar without one breaks its function lookup
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            out.putNextEntry(new ZipEntry("META-INF/" + name + ".txt"));
            out.write(name.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** The repository under {@code /maven2/}, as a mirror serves it. */
    private static HttpServer serve(Path repo) throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/maven2/", x -> {
            Path file = repo.resolve(x.getRequestURI().getPath().substring("/maven2/".length())).normalize();
            if (!file.startsWith(repo) || !Files.isRegularFile(file)) {
                x.sendResponseHeaders(404, -1);
            } else {
                x.sendResponseHeaders(200, Files.size(file));
                try (OutputStream body = x.getResponseBody()) {
                    Files.copy(file, body);
                }
            }
            x.close();
        });
        http.start();
        return http;
    }

    private static String provision(Path source, Path list, Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, source.toString(), list.toString(), home.toString(),
                "JMeter plugins and libraries").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "Provision.java did not end");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }
}
