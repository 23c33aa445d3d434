package io.jenkins.plugins.perfgate.engine.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Deletes a run's objects, and sweeps those of runs whose perfgate process died (a {@code kill -9}, a lost node):
 * their run ConfigMap's heartbeat is older than {@link #STALE}. Each kind is deleted by the run's label, so nothing is
 * left even where the garbage collector (owner references) is slow or absent.
 */
final class RunCleanup {

    /** A run whose heartbeat is this old has no perfgate process any more (it renews it every 30 s). */
    static final Duration STALE = Duration.ofMinutes(3);

    private RunCleanup() {
    }

    static void delete(KubernetesClient client, String namespace, String runId, Consumer<String> log) {
        try {
            client.pods().inNamespace(namespace).withLabel(RunLabels.RUN, runId).withGracePeriod(0).delete();
            client.secrets().inNamespace(namespace).withLabel(RunLabels.RUN, runId).delete();
            client.configMaps().inNamespace(namespace).withLabel(RunLabels.RUN, runId).delete();
        } catch (KubernetesClientException e) {
            log.accept("kubernetes: could not delete the objects of run " + runId + " in namespace " + namespace
                    + ": " + e.getMessage() + " (delete them with: kubectl delete pods,secrets,configmaps -n "
                    + namespace + " -l " + RunLabels.RUN + "=" + runId + ")");
        }
    }

    /** Deletes the objects of every run in the namespace whose heartbeat is stale; returns how many runs. */
    static int sweep(KubernetesClient client, String namespace, long now, Consumer<String> log) {
        int swept = 0;
        for (ConfigMap run : client.configMaps().inNamespace(namespace)
                .withLabel(RunLabels.MANAGED_BY, RunLabels.PERFGATE).withLabel(RunLabels.ROLE, "run").list()
                .getItems()) {
            Map<String, String> annotations = run.getMetadata().getAnnotations();
            String beat = annotations == null ? null : annotations.get(RunLabels.HEARTBEAT);
            long last;
            try {
                last = beat == null ? 0 : Long.parseLong(beat);
            } catch (NumberFormatException e) {
                last = 0;
            }
            String runId = run.getMetadata().getLabels().get(RunLabels.RUN);
            if (runId != null && now - last > STALE.toMillis()) {
                log.accept("kubernetes: deleting the objects of run " + runId + " (no heartbeat for "
                        + (now - last) / 1000 + " s: its perfgate process ended without cleaning up)");
                delete(client, namespace, runId, log);
                swept++;
            }
        }
        return swept;
    }
}
