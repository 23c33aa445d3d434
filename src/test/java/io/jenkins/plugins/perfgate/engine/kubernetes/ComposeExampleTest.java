package io.jenkins.plugins.perfgate.engine.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * examples/compose: the Compose file, the Dockerfile, the plan and the docs agree (no container runtime runs here,
 * so this is what keeps them consistent): services and images, the servers' RMI ports against the plan's servers,
 * the Grafana provisioning file mounted, the image's JMeter home against docs/kubernetes.md.
 */
class ComposeExampleTest {

    private static final Path DIR = Path.of("examples/compose");

    @Test
    void composeFileDockerfileAndPlanAgree() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("compose.yaml").toFile());
        JsonNode services = compose.get("services");
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("jmeter-server-1", "jmeter-server-2", "influxdb", "grafana"), names);

        List<String> servers = new ArrayList<>();
        for (String name : List.of("jmeter-server-1", "jmeter-server-2")) {
            JsonNode s = services.get(name);
            assertEquals("perfgate-jmeter:5.6.3", s.get("image").asText());
            assertEquals("host", s.get("network_mode").asText());
            String command = s.get("command").toString();
            assertTrue(command.contains("server.rmi.ssl.disable=true"), command);
            assertTrue(command.contains("java.rmi.server.hostname=127.0.0.1"), command);
            servers.add("127.0.0.1:" + command.replaceAll(".*-Jserver_port=([0-9]+).*", "$1"));
        }
        assertEquals(".", services.get("jmeter-server-1").get("build").asText());
        assertEquals("8086:8086", services.get("influxdb").get("ports").get(0).asText());
        assertEquals("perfgate", services.get("influxdb").get("environment").get("INFLUXDB_DB").asText());
        assertEquals("3000:3000", services.get("grafana").get("ports").get(0).asText());
        String mount = services.get("grafana").get("volumes").get(0).asText();
        assertTrue(Files.isRegularFile(DIR.resolve(mount.substring(0, mount.indexOf(':')))), mount);
        JsonNode datasource = new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("grafana/datasources.yaml")
                .toFile()).get("datasources").get(0);
        assertEquals("http://influxdb:8086", datasource.get("url").asText());

        RunPlan plan = RunPlanReader.read(DIR.resolve("plan.yaml"));
        assertEquals(servers, plan.generators().servers());
        assertEquals("perfgate", plan.metrics().influxdb().orElseThrow().database());
        assertEquals(8086, plan.metrics().influxdb().orElseThrow().url().getPort());
        assertTrue(Files.isRegularFile(plan.template()));

        List<String> dockerfile = Files.readAllLines(DIR.resolve("Dockerfile")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals("FROM eclipse-temurin:21-jre", dockerfile.get(0));
        assertTrue(dockerfile.contains("COPY jmeter /opt/jmeter"), dockerfile.toString());
        assertTrue(dockerfile.stream().anyMatch(l -> l.startsWith("ENTRYPOINT [\"java\", \"-jar\", "
                + "\"/opt/jmeter/bin/ApacheJMeter.jar\"]")), dockerfile.toString());
        String docs = Files.readString(Path.of("docs/kubernetes.md"));
        assertTrue(docs.contains("jmeterHome: /opt/jmeter") && docs.contains("perfgate-jmeter:5.6.3"));
        String readme = Files.readString(DIR.resolve("README.md"));
        assertTrue(readme.contains("cp -r ~/.cache/perfgate/jmeter-5.6.3 examples/compose/jmeter"));
    }
}
