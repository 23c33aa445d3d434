package io.jenkins.plugins.perfgate.engine.runner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorShorthandTest {

    @Test
    void local() {
        assertEquals(new GeneratorShorthand.Local(3), GeneratorShorthand.parse("local:3"));
        assertEquals(new GeneratorShorthand.Local(1), GeneratorShorthand.parse("  LOCAL: 1 "));
        assertEquals(new GeneratorShorthand.Local(64), GeneratorShorthand.parse("local:64"));
        assertEquals("local:2", GeneratorShorthand.parse("local:2").text());
    }

    @Test
    void servers() {
        GeneratorShorthand s = GeneratorShorthand.parse("servers:10.0.0.5, h2:2000\nh3");
        assertEquals(new GeneratorShorthand.Servers(List.of("10.0.0.5:1099", "h2:2000", "h3:1099")), s);
        assertEquals("servers:10.0.0.5:1099,h2:2000,h3:1099", s.text());
        assertEquals(List.of("[::1]:1099"), ((GeneratorShorthand.Servers) GeneratorShorthand.parse("servers:[::1]:1099"))
                .hosts());
    }

    @Test
    void agentsTakeTheCountAfterTheLastColon() {
        assertEquals(new GeneratorShorthand.Agents("loadgen && linux", 4),
                GeneratorShorthand.parse("agents:loadgen && linux:4"));
        GeneratorShorthand.Agents a = (GeneratorShorthand.Agents) GeneratorShorthand.parse(
                " Agents: (loadgen || perf) && !windows : 12 ");
        assertEquals("(loadgen || perf) && !windows", a.label());
        assertEquals(12, a.count());
        assertEquals("agents:(loadgen || perf) && !windows:12", a.text());
        // a label expression may itself hold a colon (quoted labels); only the last one separates the count
        assertEquals(new GeneratorShorthand.Agents("\"os:linux\"", 2), GeneratorShorthand.parse("agents:\"os:linux\":2"));
    }

    @Test
    void kubernetesNamesNamespaceAndPods() {
        GeneratorShorthand.Kubernetes k = (GeneratorShorthand.Kubernetes) GeneratorShorthand.parse(" Kubernetes: perf : 3 ");
        assertEquals("perf", k.namespace());
        assertEquals(3, k.count());
        assertEquals("kubernetes:perf:3", k.text());
        assertEquals(k, GeneratorShorthand.parse(k.text()));
    }

    @Test
    void kubernetesErrorsNameTheOffendingText() {
        assertEquals("kubernetes:perf: give the namespace and the number of pods (kubernetes:NAMESPACE:N)",
                error("kubernetes:perf"));
        assertEquals("kubernetes:perf:x: the number of pods after the namespace must be a number, got 'x'",
                error("kubernetes:perf:x"));
        assertEquals("kubernetes:Perf_1:2: 'Perf_1' is not a namespace name (lower case letters, digits and '-', "
                + "at most 63)", error("kubernetes:Perf_1:2"));
        assertEquals("kubernetes::2: '' is not a namespace name (lower case letters, digits and '-', at most 63)",
                error("kubernetes::2"));
        assertEquals("kubernetes:perf:0: pods must be 1 to 64", error("kubernetes:perf:0"));
        assertEquals("kubernetes:perf:65: pods must be 1 to 64", error("kubernetes:perf:65"));
    }

    @Test
    void splitHosts() {
        assertEquals(List.of("a", "b:1", "c"), GeneratorShorthand.splitHosts(" a,b:1 \n c,,"));
        assertEquals(List.of(), GeneratorShorthand.splitHosts(null));
    }

    @Test
    void errorsNameTheOffendingText() {
        assertEquals("'pods:linux:2' is not local:N, servers:HOST[:PORT],..., agents:LABEL:N "
                + "or kubernetes:NAMESPACE:N",
                error("pods:linux:2"));
        assertEquals("'local' is not local:N, servers:HOST[:PORT],..., agents:LABEL:N "
                + "or kubernetes:NAMESPACE:N", error("local"));
        assertEquals("'' is not local:N, servers:HOST[:PORT],..., agents:LABEL:N "
                + "or kubernetes:NAMESPACE:N", error(null));
        assertEquals("agents:linux: give the label expression and the number of agents (agents:LABEL_EXPRESSION:N)",
                error("agents:linux"));
        assertEquals("agents:a && b:x: the number of agents after the last ':' must be a number, got 'x'",
                error("agents:a && b:x"));
        assertEquals("agents::2: names no label expression (agents:LABEL_EXPRESSION:N)", error("agents: :2"));
        assertEquals("agents:loadgen:0: agents must be 1 to 64", error("agents:loadgen:0"));
        assertEquals("agents:loadgen:65: agents must be 1 to 64", error("agents:loadgen:65"));
        assertEquals("local:x: local:N needs a number, got 'x'", error("local:x"));
        assertEquals("local:0: local generators must be 1 to 64", error("local:0"));
        assertEquals("local:65: local generators must be 1 to 64", error("local:65"));
        assertEquals("servers: , names no host (servers:HOST[:PORT],...)", error("servers: ,"));
        assertEquals("servers:ok:1, b@d: 'b@d' is not a host or host:port", error("servers:ok:1, b@d"));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorShorthand.Servers(List.of()));
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> GeneratorShorthand.parse(text)).getMessage();
    }
}
