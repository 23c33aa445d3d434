package io.jenkins.plugins.perfgate.engine.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels and names of one run's objects. Every object perfgate creates carries {@link #MANAGED_BY} and the
 * run's {@link #RUN} label (how cleanup and the sweep find them) and, but for the run's own ConfigMap, an owner
 * reference to that ConfigMap (so deleting it lets Kubernetes' garbage collector delete the rest).
 *
 * @param runId the run's id, {@code pg-} and 10 hex digits
 * @param extra the user's extra labels
 */
record RunLabels(String runId, Map<String, String> extra) {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String PERFGATE = "perfgate";
    static final String RUN = "perfgate.io/run";
    static final String ROLE = "perfgate.io/role";
    static final String GENERATOR = "perfgate.io/generator";
    /** On the run's ConfigMap: when perfgate last said it is alive (epoch milliseconds). */
    static final String HEARTBEAT = "perfgate.io/heartbeat";

    RunLabels {
        extra = Map.copyOf(extra);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    static RunLabels random(Map<String, String> extra) {
        long n = RANDOM.nextLong() & 0xff_ffff_ffffL;
        return new RunLabels(String.format("pg-%010x", n), extra);
    }

    /** The run's ConfigMap, owner of the other objects. */
    String ownerName() {
        return "perfgate-" + runId;
    }

    String secretName() {
        return "perfgate-" + runId + "-files";
    }

    String podName(String generator) {
        return "perfgate-" + runId + "-" + generator;
    }

    Map<String, String> of(String role) {
        Map<String, String> labels = new LinkedHashMap<>(extra);
        labels.put(MANAGED_BY, PERFGATE);
        labels.put(RUN, runId);
        labels.put(ROLE, role);
        return labels;
    }

    Map<String, String> ofGenerator(String generator) {
        Map<String, String> labels = of("generator");
        labels.put(GENERATOR, generator);
        return labels;
    }

    static OwnerReference ownerReference(HasMetadata owner) {
        return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withBlockOwnerDeletion(false).withController(true).build();
    }
}
