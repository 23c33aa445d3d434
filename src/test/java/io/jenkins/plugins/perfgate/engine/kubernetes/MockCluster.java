package io.jenkins.plugins.perfgate.engine.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the tests do in place of a cluster's kubelet, on fabric8's mock API server (CRUD mode plus expectations):
 * find perfgate's pods, move them through their phases, and serve their log streams.
 */
final class MockCluster {

    static final String NS = "load";

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    MockCluster(KubernetesMockServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    /** Waits until perfgate has created {@code count} pods; returns them sorted by name. */
    List<Pod> awaitPods(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            List<Pod> pods = perfgatePods();
            if (pods.size() >= count) {
                return pods;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("perfgate created " + pods.size() + " pods, expected " + count);
            }
            Thread.sleep(50);
        }
    }

    List<Pod> perfgatePods() {
        return client.pods().inNamespace(NS).withLabel(RunLabels.MANAGED_BY, RunLabels.PERFGATE).list().getItems()
                .stream().sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
    }

    /** Every object perfgate created that is still there (pods, Secrets, ConfigMaps). */
    int leftovers() {
        return client.pods().inNamespace(NS).withLabel(RunLabels.MANAGED_BY, RunLabels.PERFGATE).list().getItems()
                .size()
                + client.secrets().inNamespace(NS).withLabel(RunLabels.MANAGED_BY, RunLabels.PERFGATE).list()
                        .getItems().size()
                + client.configMaps().inNamespace(NS).withLabel(RunLabels.MANAGED_BY, RunLabels.PERFGATE).list()
                        .getItems().size();
    }

    /** Serves the pod's main-container log stream (once). */
    void log(Pod pod, String text) {
        server.expect().get().withPath("/api/v1/namespaces/" + NS + "/pods/" + pod.getMetadata().getName()
                + "/log?pretty=false&container=" + PodSpecs.MAIN + "&follow=true").andReturn(200, text).once();
    }

    void status(Pod pod, UnaryOperator<PodStatus> status) {
        client.pods().inNamespace(NS).withName(pod.getMetadata().getName()).editStatus(p -> new PodBuilder(p)
                .withStatus(status.apply(p.getStatus() == null ? new PodStatus() : p.getStatus())).build());
    }

    void phase(Pod pod, String phase) {
        status(pod, s -> {
            s.setPhase(phase);
            return s;
        });
    }
}
