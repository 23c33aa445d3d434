package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.FilePath;
import hudson.model.Result;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.File;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Jenkins wiring of kubernetes generators in a real Jenkins, against fabric8's mock API server (CRUD mode; no
 * cluster runs here): a step with {@code generators: 'kubernetes:perf:2'} and a kubeconfig file credential reaches
 * the provider in the command line's own process, which creates the pods with the run's labels; the pods stay
 * pending (nothing plays the kubelet), so the build fails naming them after the plan's short pendingTimeout, and
 * nothing is left in the mock, on the node, in the log or in build.xml.
 */
@WithJenkins
class KubernetesStepTest {

    private static final String TOKEN = "kube-t0ken-5ecr3t-4d1f";
    /** Kept: JUL holds its loggers weakly; the mock logs every request. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8");

    @Test
    void shorthandAndCredentialReachTheProviderAndEverythingIsCleanedUp(JenkinsRule j) throws Exception {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        try (KubernetesClient client = server.createClient()) {
            String kubeconfig = """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: mock
                      cluster: {server: 'http://127.0.0.1:PORT'}
                    users:
                    - name: perfgate
                      user: {token: TOKEN}
                    contexts:
                    - name: mock
                      context: {cluster: mock, user: perfgate, namespace: default}
                    current-context: mock
                    """.replace("PORT", Integer.toString(server.getPort())).replace("TOKEN", TOKEN);
            CredentialsProvider.lookupStores(j.jenkins).iterator().next().addCredentials(Domain.global(),
                    new FileCredentialsImpl(CredentialsScope.GLOBAL, "kube", "mock cluster", "kubeconfig",
                            SecretBytes.fromBytes(kubeconfig.getBytes(StandardCharsets.UTF_8))));
            // the plan's own kubernetes options stay (heap, pendingTimeout); the shorthand sets namespace and count
            String plan = "name: k8s-step\\n"
                    + "properties: {host: 127.0.0.1, port: 9, threads: 2, iterations: 1}\\n"
                    + "generators: {type: kubernetes, count: 5, heap: 256m, "
                    + "options: {namespace: elsewhere, pendingTimeout: 3s}}\\n";
            WorkflowJob job = j.jenkins.createProject(WorkflowJob.class, "k8s");
            job.setDefinition(new CpsFlowDefinition("node {\n"
                    + "  writeFile file: 'plan.yaml', text: '" + plan + "'\n"
                    + "  performanceTest plan: 'plan.yaml', template: 'smoke', generators: 'kubernetes:perf:2',\n"
                    + "    kubeconfigCredentialsId: 'kube'\n"
                    + "}", true));

            // what the provider created, seen while the build runs
            Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
            Map<String, String> specs = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                while (running.get()) {
                    for (Pod p : client.pods().inNamespace("perf").list().getItems()) {
                        seen.put(p.getMetadata().getName(), p.getMetadata().getLabels());
                        specs.put(p.getMetadata().getName(), p.getSpec().toString());
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            watcher.start();
            WorkflowRun b;
            try {
                b = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
            } finally {
                running.set(false);
                watcher.join();
            }
            String log = JenkinsRule.getLog(b);
            assertEquals(2, seen.size(), "pods created in namespace perf: " + seen + "\n" + log);
            String run = null;
            for (Map.Entry<String, Map<String, String>> e : seen.entrySet()) {
                assertEquals("perfgate", e.getValue().get("app.kubernetes.io/managed-by"), e.getKey());
                assertTrue(run == null || run.equals(e.getValue().get("perfgate.io/run")), "one run's pods");
                run = e.getValue().get("perfgate.io/run");
                assertTrue(log.contains(e.getKey()), "the log names pending pod " + e.getKey() + ":\n" + log);
                assertFalse(specs.get(e.getKey()).contains(TOKEN), "no token in a pod spec");
            }
            assertTrue(run != null && log.contains(run), log);
            assertTrue(log.contains("still pending after 3 s"), log);
            assertTrue(client.pods().inNamespace("elsewhere").list().getItems().isEmpty());

            // nothing left in the mock, nor the kubeconfig on the node, in the log or in build.xml
            assertEquals(0, client.pods().inNamespace("perf").list().getItems().size()
                    + client.secrets().inNamespace("perf").list().getItems().size()
                    + client.configMaps().inNamespace("perf").list().getItems().size(), "objects left in the mock");
            FilePath ws = j.jenkins.getWorkspaceFor(job);
            FilePath tmp = new FilePath(new File(ws.getRemote() + "@tmp"));
            assertEquals(0, tmp.exists() ? tmp.list("**/kubeconfig").length : 0, "kubeconfig left on the node");
            assertFalse(log.contains(TOKEN), "token in the log");
            assertFalse(Files.readString(new File(b.getRootDir(), "build.xml").toPath()).contains(TOKEN),
                    "token in build.xml");
            assertFalse(Files.readString(new File(job.getRootDir(), "config.xml").toPath()).contains(TOKEN));
        } finally {
            server.destroy();
        }
    }
}
