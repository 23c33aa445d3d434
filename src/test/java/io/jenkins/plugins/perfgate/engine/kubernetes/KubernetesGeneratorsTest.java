package io.jenkins.plugins.perfgate.engine.kubernetes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorProviders;
import io.jenkins.plugins.perfgate.engine.runner.PlanRunner;
import io.jenkins.plugins.perfgate.engine.runner.RunOutcome;
import io.jenkins.plugins.perfgate.engine.runner.demo.DemoTarget;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubernetes provider against fabric8's mock API server (CRUD mode plus expectations for the log streams), the
 * test playing the kubelet: it moves the pods through their phases. No cluster can run on the build machines, so
 * the pods' side is checked by running, on this machine, exactly the command perfgate put into each pod spec, with
 * the files of the Secret it created, against the real demo target: that output is the pod's log stream.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesGeneratorsTest {

    static KubernetesMockServer server;
    static KubernetesClient client;
    private static DemoTarget target;

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** Kept: JUL holds its loggers weakly. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8");

    @BeforeAll
    static void startTarget() throws IOException {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING); // the mock logs every request
        target = DemoTarget.start(0);
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    private MockCluster cluster() {
        return new MockCluster(server, client);
    }

    private RunPlan plan(int generators, String options) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/perfgate/templates/smoke.jmx")) {
            Files.copy(in, dir.resolve("smoke.jmx"));
        }
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, """
                name: k8s
                template: smoke.jmx
                properties: {host: 127.0.0.1, port: PORT, threads: 3, iterations: 5, thinkTime: 0}
                generators:
                  type: kubernetes
                  count: COUNT
                  heap: 256m
                  options: {namespace: load, OPTIONS}
                sampling: {progressInterval: 1s}
                """.replace("PORT", Integer.toString(target.port())).replace("COUNT", Integer.toString(generators))
                .replace("OPTIONS", options));
        return RunPlanReader.read(file);
    }

    private static KubernetesClient mockClient() {
        return new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(client.getConfiguration())
                .withHttpClientBuilderConsumer(b -> b.preferHttp11()).build();
    }

    private CompletableFuture<RunOutcome> run(PlanRunner runner) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    private PlanRunner runner(RunPlan plan) {
        return new PlanRunner(plan, GeneratorProviders.of(List.of(new KubernetesGenerators(o -> mockClient()))),
                TestJMeter.installation(), dir.resolve("out"), lines::add, false);
    }

    @Test
    void podsRunTheirSharesAndStreamTheirResultsBackExactly() throws Exception {
        PlanRunner runner = runner(plan(2, "pendingTimeout: 60s, cpu: 500m, memoryLimit: 1Gi, labels: team=perf, "
                + "tolerations: 'dedicated=load:NoSchedule', nodeSelector: pool=load, "
                + "jvmArgs: '-XX:TieredStopAtLevel=1'"))
                .withSecretProperties(Map.of("apiToken", "k8s-s3cret-token"));
        CompletableFuture<RunOutcome> outcome = run(runner);
        MockCluster cluster = cluster();
        List<Pod> pods = cluster.awaitPods(2);

        // the objects: labels, owner, resources, scheduling; the secret only in the Secret
        ConfigMap owner = client.configMaps().inNamespace(MockCluster.NS).withLabel(RunLabels.ROLE, "run").list()
                .getItems().get(0);
        String runId = owner.getMetadata().getLabels().get(RunLabels.RUN);
        Secret secret = client.secrets().inNamespace(MockCluster.NS).withLabel(RunLabels.RUN, runId).list()
                .getItems().get(0);
        assertEquals("perf", secret.getMetadata().getLabels().get("team"));
        assertEquals(owner.getMetadata().getUid(), secret.getMetadata().getOwnerReferences().get(0).getUid());
        assertTrue(decode(secret, PodFiles.SECRET_PROPERTIES).contains("k8s-s3cret-token"));
        for (int i = 0; i < 2; i++) {
            Pod pod = pods.get(i);
            String json = Serialization.asJson(pod);
            assertFalse(json.contains("k8s-s3cret-token"), "a secret in clear in the pod spec: " + json);
            assertEquals("perfgate-" + runId + "-gen-" + (i + 1), pod.getMetadata().getName());
            assertEquals(Map.of(RunLabels.MANAGED_BY, "perfgate", RunLabels.RUN, runId, RunLabels.ROLE, "generator",
                    RunLabels.GENERATOR, "gen-" + (i + 1), "team", "perf"), pod.getMetadata().getLabels());
            assertEquals("ConfigMap", pod.getMetadata().getOwnerReferences().get(0).getKind());
            assertEquals(owner.getMetadata().getUid(), pod.getMetadata().getOwnerReferences().get(0).getUid());
            Container main = pod.getSpec().getContainers().get(0);
            assertEquals(KubernetesOptions.DEFAULT_IMAGE, main.getImage());
            assertEquals(new Quantity("500m"), main.getResources().getRequests().get("cpu"));
            assertEquals(new Quantity("1Gi"), main.getResources().getLimits().get("memory"));
            assertEquals(Map.of("pool", "load"), pod.getSpec().getNodeSelector());
            assertEquals("dedicated", pod.getSpec().getTolerations().get(0).getKey());
            assertEquals("Never", pod.getSpec().getRestartPolicy());
            assertEquals(Boolean.FALSE, pod.getSpec().getAutomountServiceAccountToken());
            assertEquals(PodSpecs.INIT, pod.getSpec().getInitContainers().get(0).getName());
            assertTrue(pod.getSpec().getActiveDeadlineSeconds() > 0);
        }

        // play the pods: run each one's command here, with the Secret's files, and serve its output as its log
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(PodOnThisMachine.start(pods.get(i), secret, dir.resolve("pod-" + (i + 1))));
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(processes.get(i).waitFor(60, TimeUnit.SECONDS), "pod command did not end");
            assertEquals(0, processes.get(i).exitValue(), Files.readString(dir.resolve("pod-" + (i + 1) + "/log")));
            cluster.log(pods.get(i), Files.readString(dir.resolve("pod-" + (i + 1) + "/log")));
        }
        pods.forEach(p -> cluster.phase(p, "Running"));

        RunOutcome result = outcome.get(60, TimeUnit.SECONDS);
        assertEquals(RunStatus.COMPLETE, result.status(), String.join("\n", lines));
        assertEquals(15, result.summary().overall().count()); // threads 2 + 1, 5 iterations each
        for (int i = 1; i <= 2; i++) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("pod-" + i + "/work/results.jtl")),
                    Files.readAllBytes(dir.resolve("out/generators/gen-" + i + "/results.jtl")));
        }
        assertTrue(Files.readString(dir.resolve("pod-1/perfgate/gen-1.properties")).contains("threads=2"));
        assertEquals(0, cluster.leftovers(), "objects left after the run");
    }

    @Test
    void podsPendingPastTheTimeoutFailTheRunNamingPodAndReason() throws Exception {
        CompletableFuture<RunOutcome> outcome = run(runner(plan(3, "pendingTimeout: 4s")));
        MockCluster cluster = cluster();
        List<Pod> pods = cluster.awaitPods(3);
        cluster.phase(pods.get(0), "Running");
        cluster.status(pods.get(1), s -> {
            s.setPhase("Pending");
            s.setConditions(List.of(new PodConditionBuilder().withType("PodScheduled").withStatus("False")
                    .withReason("Unschedulable").withMessage("0/3 nodes are available: 3 Insufficient cpu.")
                    .build()));
            return s;
        });
        cluster.status(pods.get(2), s -> {
            s.setPhase("Pending");
            s.setInitContainerStatuses(List.of(new ContainerStatusBuilder().withName(PodSpecs.INIT)
                    .withNewState().withNewWaiting().withReason("ImagePullBackOff")
                    .withMessage("Back-off pulling image \"eclipse-temurin:21-jre\"").endWaiting().endState()
                    .build()));
            return s;
        });
        client.v1().events().inNamespace(MockCluster.NS).resource(new EventBuilder().withNewMetadata()
                .withName("e1").endMetadata().withType("Warning").withReason("FailedCreatePodSandBox")
                .withMessage("quota exceeded").withNewInvolvedObject().withKind("Pod")
                .withName(pods.get(2).getMetadata().getName()).endInvolvedObject().build()).create();

        CompletionException e = assertThrows(CompletionException.class, () -> outcome.join());
        assertInstanceOf(IOException.class, e.getCause());
        String message = e.getCause().getMessage();
        assertTrue(message.contains("2 pod(s) still pending after 4 s"), message);
        assertTrue(message.contains(pods.get(1).getMetadata().getName()
                + ": Unschedulable: 0/3 nodes are available: 3 Insufficient cpu."), message);
        assertTrue(message.contains(pods.get(2).getMetadata().getName() + ": container " + PodSpecs.INIT
                + " ImagePullBackOff: Back-off pulling image"), message);
        assertTrue(message.contains("event FailedCreatePodSandBox: quota exceeded"), message);
        assertFalse(message.contains(pods.get(0).getMetadata().getName()), message);
        assertEquals(0, cluster.leftovers(), "objects left after a failed start");
        client.v1().events().inNamespace(MockCluster.NS).withName("e1").delete();
    }

    @Test
    void aPodThatDiesMidRunMakesTheRunIncompleteNamingIt() throws Exception {
        CompletableFuture<RunOutcome> outcome = run(runner(plan(2, "pendingTimeout: 20s")));
        MockCluster cluster = cluster();
        List<Pod> pods = cluster.awaitPods(2);
        List<String> rows = new ArrayList<>();
        rows.add(JTL_HEADER);
        long t = System.currentTimeMillis();
        for (int i = 0; i < 4; i++) {
            rows.add((t + i) + ",12,GET /,200,OK,Thread Group 1-1,text,true,,100,50,1,1,http://x/,10,0,1");
        }
        cluster.log(pods.get(0), PodOnThisMachine.stream(rows, 0));
        cluster.log(pods.get(1), "O JMeter started\nR " + rows.get(0) + "\nR " + rows.get(1) + "\n");
        pods.forEach(p -> cluster.phase(p, "Running"));
        cluster.status(pods.get(1), s -> {
            s.setPhase("Failed");
            s.setContainerStatuses(List.of(new ContainerStatusBuilder().withName(PodSpecs.MAIN).withNewState()
                    .withNewTerminated().withReason("OOMKilled").withExitCode(137).endTerminated().endState()
                    .build()));
            return s;
        });

        RunOutcome result = outcome.get(30, TimeUnit.SECONDS);
        assertEquals(RunStatus.INCOMPLETE, result.status(), String.join("\n", lines));
        assertEquals(List.of("gen-2"), result.failedGenerators());
        assertEquals(5, result.summary().overall().count()); // 4 + the 1 row gen-2 sent before it died
        String out = String.join("\n", lines);
        assertTrue(out.contains(pods.get(1).getMetadata().getName()
                + " failed: container jmeter OOMKilled (exit code 137)"), out);
        assertEquals(0, cluster.leftovers(), "objects left after the run");
    }

    @Test
    void aLostResultLineFailsTheGeneratorInsteadOfSkewingTheSummary() throws Exception {
        CompletableFuture<RunOutcome> outcome = run(runner(plan(1, "pendingTimeout: 20s")));
        MockCluster cluster = cluster();
        Pod pod = cluster.awaitPods(1).get(0);
        List<String> rows = List.of(JTL_HEADER,
                "1700000000000,12,GET /,200,OK,Thread Group 1-1,text,true,,100,50,1,1,http://x/,10,0,1",
                "1700000000001,13,GET /,200,OK,Thread Group 1-1,text,true,,100,50,1,1,http://x/,10,0,1");
        String stream = PodOnThisMachine.stream(rows, 0);
        cluster.log(pod, stream.replace("R " + rows.get(2) + "\n", "")); // the log lost a line on the way
        cluster.phase(pod, "Running");
        RunOutcome result = outcome.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("gen-1"), result.failedGenerators());
        assertTrue(String.join("\n", lines).contains("2 result lines arrived through the log stream, the pod "
                + "wrote 3"), String.join("\n", lines));
        assertEquals(0, cluster.leftovers());
    }

    @Test
    void theNextRunSweepsTheObjectsOfARunWhosePerfgateDied() {
        long now = System.currentTimeMillis();
        RunLabels dead = new RunLabels("pg-00000000aa", Map.of());
        RunLabels live = new RunLabels("pg-00000000bb", Map.of());
        for (RunLabels run : List.of(dead, live)) {
            long beat = run == dead ? now - RunCleanup.STALE.toMillis() - 1000 : now - 5000;
            ConfigMap cm = client.configMaps().inNamespace(MockCluster.NS).resource(new io.fabric8.kubernetes.api
                    .model.ConfigMapBuilder().withNewMetadata().withName(run.ownerName()).withLabels(run.of("run"))
                    .addToAnnotations(RunLabels.HEARTBEAT, Long.toString(beat)).endMetadata().build()).create();
            client.pods().inNamespace(MockCluster.NS).resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                    .withNewMetadata().withName(run.podName("gen-1")).withLabels(run.ofGenerator("gen-1"))
                    .withOwnerReferences(RunLabels.ownerReference(cm)).endMetadata().build()).create();
            client.secrets().inNamespace(MockCluster.NS).resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
                    .withNewMetadata().withName(run.secretName()).withLabels(run.of("files")).endMetadata().build())
                    .create();
        }
        assertEquals(1, RunCleanup.sweep(client, MockCluster.NS, now, lines::add));
        assertTrue(lines.get(0).contains("deleting the objects of run pg-00000000aa"), lines.get(0));
        assertEquals(3, cluster().leftovers()); // the live run's three objects only
        assertEquals(List.of(live.podName("gen-1")), cluster().perfgatePods().stream()
                .map(p -> p.getMetadata().getName()).toList());
        RunCleanup.delete(client, MockCluster.NS, live.runId(), lines::add);
        assertEquals(0, cluster().leftovers());
    }

    static final String JTL_HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,"
            + "success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
