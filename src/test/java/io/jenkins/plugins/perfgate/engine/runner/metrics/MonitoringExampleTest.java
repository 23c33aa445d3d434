package io.jenkins.plugins.perfgate.engine.runner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The structure of examples/monitoring, which no test here can start (no Docker, and Grafana is not packaged for
 * Debian): the Compose file's services, images, ports and mounts agree with each other, with the provisioning
 * files and with docs/monitoring.md; the dashboards are well-formed Grafana JSON whose every query names a data
 * source that provisioning defines. MonitoringDashboardsTest runs the queries themselves.
 */
class MonitoringExampleTest {

    private static final Path EXAMPLE = Path.of("examples/monitoring");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void composeFileRunsTheFourServicesWithTheFilesAndPortsTheDocsName() throws IOException {
        JsonNode compose = YAML.readTree(EXAMPLE.resolve("compose.yaml").toFile());
        JsonNode services = compose.path("services");
        Map<String, String> expectedPorts = Map.of("influxdb", "8086", "pushgateway", "9091", "prometheus", "9090",
                "grafana", "3000");
        assertEquals(new TreeSet<>(expectedPorts.keySet()), names(services));
        String docs = Files.readString(Path.of("docs/monitoring.md"));
        for (Map.Entry<String, String> e : expectedPorts.entrySet()) {
            JsonNode service = services.path(e.getKey());
            String image = service.path("image").asText();
            assertTrue(image.matches("[a-z/]+:v?[0-9][0-9.]*"), e.getKey() + ": a pinned image, not " + image);
            assertEquals(List.of(e.getValue() + ":" + e.getValue()), texts(service.path("ports")), e.getKey());
            assertTrue(docs.contains("localhost:" + e.getValue()), "docs/monitoring.md names the " + e.getKey()
                    + " port " + e.getValue());
            service.path("depends_on").forEach(d -> assertTrue(services.has(d.asText()), e.getKey() + " -> " + d));
        }
        assertTrue(services.path("influxdb").path("image").asText().startsWith("influxdb:1."),
                "perfgate writes InfluxDB 1.x line protocol and InfluxQL");
        assertEquals("perfgate", services.path("influxdb").path("environment").path("INFLUXDB_DB").asText());

        // every bind mount's source exists; every named volume is declared
        Set<String> declared = names(compose.path("volumes"));
        Set<String> used = new HashSet<>();
        services.forEach(service -> service.path("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            if (parts[0].startsWith("./")) {
                assertTrue(Files.exists(EXAMPLE.resolve(parts[0].substring(2))), "mounted file " + parts[0]);
            } else {
                used.add(parts[0]);
            }
        }));
        assertEquals(declared, used, "named volumes declared and used");

        // Prometheus reads the mounted configuration, which scrapes the Compose Pushgateway keeping pushed labels
        JsonNode prometheus = YAML.readTree(EXAMPLE.resolve("prometheus/prometheus.yml").toFile());
        JsonNode scrape = prometheus.path("scrape_configs").get(0);
        assertTrue(scrape.path("honor_labels").asBoolean(), "the pushed job label must win over the scrape's");
        assertEquals(List.of("pushgateway:9091"), texts(scrape.path("static_configs").get(0).path("targets")));
        assertTrue(texts(services.path("prometheus").path("volumes"))
                .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro"));
        assertTrue(texts(services.path("prometheus").path("command"))
                .contains("--config.file=/etc/prometheus/prometheus.yml"));

        // Grafana: provisioning and dashboards mounted where the provisioning file looks for them
        List<String> grafanaMounts = texts(services.path("grafana").path("volumes"));
        assertTrue(grafanaMounts.contains("./grafana/provisioning:/etc/grafana/provisioning:ro"),
                grafanaMounts.toString());
        JsonNode provider = YAML.readTree(EXAMPLE.resolve("grafana/provisioning/dashboards/perfgate.yaml").toFile())
                .path("providers").get(0);
        String dashboardsPath = provider.path("options").path("path").asText();
        assertTrue(grafanaMounts.contains("./grafana/dashboards:" + dashboardsPath + ":ro"), grafanaMounts.toString());
        assertEquals("file", provider.path("type").asText());
    }

    @Test
    void dashboardsAreGrafanaJsonWhoseQueriesUseTheProvisionedDataSources() throws IOException {
        Map<String, JsonNode> sources = new TreeMap<>();
        JsonNode datasources = YAML.readTree(
                EXAMPLE.resolve("grafana/provisioning/datasources/perfgate.yaml").toFile());
        for (JsonNode ds : datasources.path("datasources")) {
            sources.put(ds.path("uid").asText(), ds);
        }
        assertEquals(Set.of("perfgate-influxdb", "perfgate-prometheus"), sources.keySet());
        assertEquals("http://influxdb:8086", sources.get("perfgate-influxdb").path("url").asText());
        assertEquals("perfgate", sources.get("perfgate-influxdb").path("jsonData").path("dbName").asText());
        assertEquals("http://prometheus:9090", sources.get("perfgate-prometheus").path("url").asText());

        Map<String, String> variants = Map.of("perfgate-prometheus.json", "prometheus", "perfgate-influxdb.json",
                "influxdb");
        Set<String> uids = new HashSet<>();
        try (var files = Files.list(GrafanaDashboard.DIR)) {
            assertEquals(new TreeSet<>(variants.keySet()), new TreeSet<>(files.map(p -> p.getFileName().toString())
                    .toList()), "the shipped dashboards");
        }
        for (Map.Entry<String, String> variant : variants.entrySet()) {
            GrafanaDashboard d = GrafanaDashboard.read(variant.getKey());
            String type = variant.getValue();
            String uid = "perfgate-" + type;
            JsonNode json = d.json();
            assertTrue(uids.add(json.path("uid").asText()), "dashboard uids differ");
            assertFalse(json.path("title").asText().isEmpty());
            assertTrue(json.path("schemaVersion").asInt() >= 36, "a current Grafana schema");
            assertEquals(List.of("job", "build", "label"), d.variableQueries().keySet().stream().toList());

            // what the issue asks each variant to show, by panel title
            Set<String> titles = d.panelQueries().keySet();
            for (String wanted : List.of("Throughput", "p95", "p99", "Errors", "Active threads", "generator")) {
                assertTrue(titles.stream().anyMatch(t -> t.contains(wanted)), d.file() + " has a " + wanted
                        + " panel: " + titles);
            }
            Set<Integer> ids = new HashSet<>();
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode panel : d.panels()) {
                assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique: " + panel.path("title"));
                assertTrue(Set.of("timeseries", "stat", "table").contains(panel.path("type").asText()));
                assertEquals(uid, panel.path("datasource").path("uid").asText(), panel.path("title").asText());
                assertEquals(type, panel.path("datasource").path("type").asText());
                JsonNode g = panel.path("gridPos");
                int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
                assertTrue(box[2] > 0 && box[3] > 0 && box[0] + box[2] <= 24, "panel fits the 24-column grid: "
                        + panel.path("title"));
                for (int[] other : boxes) {
                    boolean apart = box[0] + box[2] <= other[0] || other[0] + other[2] <= box[0]
                            || box[1] + box[3] <= other[1] || other[1] + other[3] <= box[1];
                    assertTrue(apart, "panels do not overlap: " + panel.path("title"));
                }
                boxes.add(box);
                assertTrue(panel.path("targets").size() > 0, panel.path("title") + " queries something");
            }
            d.panelQueries().values().forEach(qs -> qs.forEach(q -> {
                assertEquals(uid, q.datasourceUid(), q.where());
                assertFalse(q.text().isBlank(), q.where());
            }));
            d.variableQueries().values().forEach(q -> assertEquals(uid, q.datasourceUid(), q.where()));

            // build annotations from this data source; release annotations from Grafana's own, tag "release"
            assertEquals(uid, d.annotationQueries().get("Builds").datasourceUid());
            boolean releases = false;
            for (JsonNode a : json.path("annotations").path("list")) {
                if (a.path("name").asText().equals("Releases")) {
                    releases = a.path("target").path("tags").toString().equals("[\"release\"]")
                            && a.path("datasource").path("uid").asText().equals("-- Grafana --");
                }
            }
            assertTrue(releases, d.file() + " shows release annotations (Grafana tag \"release\")");
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
