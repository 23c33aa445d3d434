package io.jenkins.plugins.perfgate.engine.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubernetesOptionsTest {

    @Test
    void defaultsNeedNoOption() {
        KubernetesOptions o = KubernetesOptions.parse(Map.of());
        assertEquals(Optional.empty(), o.namespace());
        assertEquals(KubernetesOptions.DEFAULT_IMAGE, o.image());
        assertEquals(Duration.ofMinutes(5), o.pendingTimeout());
        assertEquals(KubernetesOptions.DEFAULT_MAVEN_REPOSITORY, o.mavenRepository());
        assertTrue(o.requests().isEmpty() && o.limits().isEmpty() && o.tolerations().isEmpty());
    }

    @Test
    void everyOptionIsRead() {
        KubernetesOptions o = KubernetesOptions.parse(Map.ofEntries(Map.entry("namespace", "load"),
                Map.entry("image", "registry.example/jre:21"), Map.entry("kubeconfig", "/tmp/kc"),
                Map.entry("context", "kind-perf"), Map.entry("cpu", "1500m"), Map.entry("memory", "1Gi"),
                Map.entry("cpuLimit", "2"), Map.entry("memoryLimit", "1536Mi"),
                Map.entry("nodeSelector", "pool=load, kubernetes.io/arch=amd64"),
                Map.entry("tolerations", "dedicated=load:NoSchedule,spot"), Map.entry("serviceAccount", "loadgen"),
                Map.entry("labels", "team=perf"), Map.entry("annotations", "example.com/cost-centre=42"),
                Map.entry("pendingTimeout", "90s"), Map.entry("mavenRepository", "https://mirror.example/m2/"),
                Map.entry("jvmArgs", "-XX:+UseZGC")));
        assertEquals(Optional.of("load"), o.namespace());
        assertEquals(Optional.of(Path.of("/tmp/kc")), o.kubeconfig());
        assertEquals(Map.of("cpu", new Quantity("1500m"), "memory", new Quantity("1Gi")), o.requests());
        assertEquals(Map.of("cpu", new Quantity("2"), "memory", new Quantity("1536Mi")), o.limits());
        assertEquals(Map.of("pool", "load", "kubernetes.io/arch", "amd64"), o.nodeSelector());
        assertEquals(2, o.tolerations().size());
        assertEquals("Equal", o.tolerations().get(0).getOperator());
        assertEquals("load", o.tolerations().get(0).getValue());
        assertEquals("NoSchedule", o.tolerations().get(0).getEffect());
        assertEquals("Exists", o.tolerations().get(1).getOperator());
        assertEquals(null, o.tolerations().get(1).getEffect());
        assertEquals(Duration.ofSeconds(90), o.pendingTimeout());
        assertEquals("https://mirror.example/m2", o.mavenRepository());
        assertEquals(Map.of("team", "perf"), o.labels());
    }

    @Test
    void badValuesNameTheOption() {
        assertMessage(Map.of("cpus", "1"), "generators.options.cpus: unknown option");
        assertMessage(Map.of("cpu", "lots"), "generators.options.cpu: 'lots' is not a Kubernetes quantity");
        assertMessage(Map.of("namespace", "Load_Tests"), "generators.options.namespace: 'Load_Tests'");
        assertMessage(Map.of("nodeSelector", "pool"), "generators.options.nodeSelector: 'pool' is not key=value");
        assertMessage(Map.of("tolerations", "a=b:Sometimes"), "generators.options.tolerations: 'Sometimes'");
        assertMessage(Map.of("labels", "perfgate.io/run=x"), "generators.options.labels: 'perfgate.io/run' is "
                + "perfgate's own label");
        assertMessage(Map.of("pendingTimeout", "soon"), "generators.options.pendingTimeout: 'soon'");
        assertMessage(Map.of("jmeterHome", "opt/jmeter"), "generators.options.jmeterHome: 'opt/jmeter' must be");
        assertMessage(Map.of("mavenRepository", "file:///m2"), "generators.options.mavenRepository:");
    }

    private static void assertMessage(Map<String, String> options, String start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KubernetesOptions.parse(options));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
