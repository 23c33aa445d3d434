package io.jenkins.plugins.perfgate.engine.runner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.perfgate.engine.runner.jmeter.MavenCoordinate;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.MavenCoordinate;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPlanReaderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void template() throws Exception {
        Files.writeString(dir.resolve("t.jmx"), "<jmeterTestPlan/>");
        Files.writeString(dir.resolve("users.csv"), "user\nu1\n");
    }

    private RunPlan yaml(String text) throws PlanException {
        return RunPlanReader.parse(text, false, dir, "plan.yaml");
    }

    private String error(String text) {
        return assertThrows(PlanException.class, () -> yaml(text)).getMessage();
    }

    @Test
    void readsPluginsAndLibrariesAndNamesABadOne() throws Exception {
        RunPlan plan = yaml("""
                template: t.jmx
                jmeterPlugins: [kg.apc:jmeter-plugins-casutg:2.10]
                libraries: ["org.postgresql:postgresql:42.7.14"]
                """);
        assertEquals(List.of(MavenCoordinate.parse("kg.apc:jmeter-plugins-casutg:2.10")), plan.jmeterPlugins());
        assertEquals("org.postgresql:postgresql:42.7.14", plan.libraries().get(0).toString());
        assertEquals(plan.libraries(), plan.withAddons(List.of(), plan.libraries()).libraries(), "each once");
        assertEquals("plan.yaml: libraries[1]: 'org.h2:h2' is not group:artifact:version (e.g. "
                + "kg.apc:jmeter-plugins-casutg:2.10)",
                error("template: t.jmx\nlibraries: [a:b:1, 'org.h2:h2']\n"));
    }

    @Test
    void readsEveryField() throws Exception {
        RunPlan plan = yaml("""
                name: shop
                template: t.jmx
                properties: {threads: 40, duration: 120, host: example.org, ratio: 0.5}
                split: [threads]
                generators: {type: jmeter-servers, count: 2, heap: 1g, sampleSenderMode: Batch,
                             options: {jvmArgs: -XX:+UseZGC}}
                timeLimit: 5m
                dataFiles: [{path: users.csv, property: usersFile, split: true}]
                sampling: {progressInterval: 2s, flushEachSample: true, jmeterProperties: {summariser.interval: 10}}
                abort: ["error% > 5 for 30s", "p95 > 2s"]
                criteria: ["p95 < 800ms"]
                baseline: {policy: last-successful, builds: 5}
                metrics: {job: j, build: "7", influxdb: {url: "http://127.0.0.1:8086/", live: true},
                          pushgateway: {url: "http://127.0.0.1:9091"}}
                jmeter: {home: /opt/jmeter}
                """);
        assertEquals("shop", plan.name());
        assertEquals(dir.resolve("t.jmx"), plan.template());
        assertEquals(Map.of("threads", "40", "duration", "120", "host", "example.org", "ratio", "0.5"),
                plan.properties());
        assertEquals(List.of("threads", "duration", "host", "ratio"), List.copyOf(plan.properties().keySet()));
        assertEquals("jmeter-servers", plan.generators().type());
        assertEquals(2, plan.generators().size());
        assertEquals(List.of("-XX:+UseZGC"), plan.generators().jvmArgs());
        assertEquals("Batch", plan.generators().sampleSenderMode());
        assertEquals(Duration.ofSeconds(120), plan.plannedDuration());
        assertEquals(Duration.ofMinutes(5), plan.effectiveTimeLimit());
        assertEquals(new DataFile(dir.resolve("users.csv"), "usersFile", true, true), plan.dataFiles().get(0));
        assertEquals(Duration.ofSeconds(2), plan.sampling().progressInterval());
        assertEquals(true, plan.sampling().flushEachSample());
        assertEquals(Map.of("summariser.interval", "10"), plan.sampling().jmeterProperties());
        assertEquals(Metric.P95, plan.abort().get(1).metric());
        assertEquals(2000, plan.abort().get(1).threshold());
        assertEquals(List.of("p95 < 800ms"), plan.criteria());
        assertEquals(Map.of("policy", "last-successful", "builds", "5"), plan.baseline());
        assertEquals(URI.create("http://127.0.0.1:8086"), plan.metrics().influxdb().orElseThrow().url());
        assertEquals("perfgate", plan.metrics().influxdb().orElseThrow().database());
        assertEquals("7", plan.metrics().build());
        assertTrue(plan.metrics().pushgateway().orElseThrow().live(), "live Pushgateway figures by default");
        assertEquals(Optional.of(Path.of("/opt/jmeter")), plan.jmeterHome());
    }

    @Test
    void defaultsForTheSmallestPlan() throws Exception {
        RunPlan plan = yaml("template: t.jmx\nproperties: {duration: 60}\n");
        assertEquals("t", plan.name());
        assertEquals("local", plan.generators().type());
        assertEquals(1, plan.generators().size());
        assertEquals(List.of("threads"), plan.splitProperties());
        assertEquals(Duration.ofSeconds(60), plan.plannedDuration());
        assertEquals(Duration.ofSeconds(90), plan.effectiveTimeLimit(), "60 s + max(30 s, 30 s)");
        assertEquals(Duration.ofSeconds(300), plan.withProperties(Map.of("duration", "200")).effectiveTimeLimit(),
                "overriding the duration moves the default limit: 200 + 100");
        assertEquals(Duration.ofSeconds(5), plan.sampling().progressInterval());
        assertEquals(false, plan.sampling().flushEachSample());
        assertEquals(Duration.ZERO, yaml("template: t.jmx").effectiveTimeLimit(), "no duration, no limit");
        assertEquals(Duration.ZERO, yaml("template: t.jmx\nproperties: {duration: 60}\ntimeLimit: 0")
                .effectiveTimeLimit());
    }

    @Test
    void generatorNamesNameLocalGeneratorsAndABadNameIsRefused() throws Exception {
        RunPlan plain = yaml("template: t.jmx\ngenerators: {count: 2}\n");
        assertEquals(List.of("gen-1", "gen-2"), List.of(plain.generators().localId(0), plain.generators().localId(1)));
        RunPlan named = yaml("template: t.jmx\ngenerators: {count: 2, options: {name: box-7}}\n");
        assertEquals(List.of("box-7-1", "box-7-2"),
                List.of(named.generators().localId(0), named.generators().localId(1)));
        GeneratorSpec one = GeneratorSpec.local(1).withOption(GeneratorSpec.NAME_OPTION, "agent.a_1");
        assertEquals("agent.a_1", one.localId(0), "a single generator takes the name as it is");
        assertEquals("plan.yaml: generators.options.name: 'a/b' is not 1 to 64 letters, digits, '.', '_' or '-'",
                error("template: t.jmx\ngenerators: {options: {name: a/b}}\n"));
    }

    @Test
    void readsJson() throws Exception {
        RunPlan plan = RunPlanReader.parse("{\"template\": \"t.jmx\", \"properties\": {\"threads\": 4},"
                + " \"generators\": {\"count\": 2}}", true, dir, "plan.json");
        assertEquals("4", plan.properties().get("threads"));
        assertEquals(2, plan.generators().count());
    }

    @Test
    void theExamplePlansAreValid() throws Exception {
        for (String name : List.of("smoke-local.yaml", "load-two-generators.yaml", "distributed.yaml")) {
            RunPlan plan = RunPlanReader.read(Path.of("examples/plans", name));
            assertTrue(Files.isRegularFile(plan.template()), name);
        }
    }

    @Test
    void errorsNameTheField() {
        assertEquals("plan.yaml: template: missing", error("name: x"));
        assertTrue(error("template: nope.jmx").startsWith("plan.yaml: template: file "));
        assertTrue(error("template: t.jmx\ngenerator: {count: 2}")
                .startsWith("plan.yaml: generator: unknown field (known: abort, baseline, baselineTarget, criteria"));
        assertEquals("plan.yaml: generators.count: 0 is not between 1 and 64",
                error("template: t.jmx\ngenerators: {count: 0}"));
        assertEquals("plan.yaml: generators.count: 'many' is not a whole number",
                error("template: t.jmx\ngenerators: {count: many}"));
        assertEquals("plan.yaml: properties.threads: 1 cannot be split over 2 generators",
                error("template: t.jmx\nproperties: {threads: 1}\ngenerators: {count: 2}"));
        assertEquals("plan.yaml: properties.threads: 'ten' is not a whole number",
                error("template: t.jmx\nproperties: {threads: ten}"));
        assertEquals("plan.yaml: timeLimit: 'soon' is not a duration like 500ms, 30s, 5m, 1h",
                error("template: t.jmx\ntimeLimit: soon"));
        assertTrue(error("template: t.jmx\nabort: ['errors > 5']").startsWith("plan.yaml: abort[0]: 'errors > 5' is "
                + "not METRIC OP VALUE"));
        assertEquals("plan.yaml: abort[0]: 'rps > 5ms': unit ms does not fit rps",
                error("template: t.jmx\nabort: ['rps > 5ms']"));
        assertEquals("plan.yaml: metrics.influxdb.url: 'influx:8086' is not an http(s) URL",
                error("template: t.jmx\nmetrics: {influxdb: {url: 'influx:8086'}}"));
        assertEquals("plan.yaml: metrics.pushgateway.live: must be true or false",
                error("template: t.jmx\nmetrics: {pushgateway: {url: 'http://p:9091', live: sometimes}}"));
        assertEquals("plan.yaml: generators.servers: only for type jmeter-servers",
                error("template: t.jmx\ngenerators: {servers: ['h:1099']}"));
        assertEquals("plan.yaml: generators.servers: 'h' is not host:port",
                error("template: t.jmx\ngenerators: {type: jmeter-servers, servers: [h]}"));
        assertEquals("plan.yaml: sampling.progressInterval: must be between 1s and 5s",
                error("template: t.jmx\nsampling: {progressInterval: 10s}"));
        assertEquals("plan.yaml: properties.a b: 'a b' is not a property name (letters, digits, _ . -)",
                error("template: t.jmx\nproperties: {'a b': 1}"));
        assertEquals("plan.yaml: properties.nested: must be a single value",
                error("template: t.jmx\nproperties: {nested: {a: 1}}"));
        assertTrue(error("template: [unclosed").startsWith("plan.yaml: line 1: not valid YAML"),
                error("template: [unclosed"));
        assertEquals("plan.yaml: the plan must be a mapping of fields", error("- a\n- b"));
        assertEquals("plan.yaml: properties.threads: 200000 is more than 50000 per generator over 2 generator(s); "
                + "add generators", error("template: t.jmx\nproperties: {threads: 200000}\ngenerators: {count: 2}"));
        assertEquals("plan.yaml: properties.threads: -5 cannot be split over 1 generators",
                error("template: t.jmx\nproperties: {threads: -5}"));
    }

    @Test
    void livePushgatewayFiguresCanBeTurnedOff() throws Exception {
        RunPlan plan = yaml("template: t.jmx\nmetrics: {pushgateway: {url: 'http://p:9091', live: false}}");
        assertEquals(new MetricsExport.Pushgateway(URI.create("http://p:9091"), false),
                plan.metrics().pushgateway().orElseThrow());
    }

    @Test
    void aYamlAliasBombIsRefused() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append((char) ('a' + i)).append(": &").append((char) ('a' + i)).append(" [");
            for (int j = 0; j < 10; j++) {
                bomb.append(j == 0 ? "" : ", ").append('*').append((char) ('a' + i - 1));
            }
            bomb.append("]\n");
        }
        // 10^12 nodes if aliases were expanded: the reader must answer at once, with an error, not exhaust memory
        String message = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> error("template: t.jmx\nbaseline:\n  " + bomb.toString().replace("\n", "\n  ")));
        assertTrue(message.startsWith("plan.yaml: baseline.a: must be a single value"), message);
    }

    @Test
    void repeatDefaultsToOneAndBaselineTargetToNone() throws Exception {
        RunPlan plan = yaml("template: t.jmx\n");
        assertEquals(1, plan.repeat());
        assertTrue(!plan.interleaved() && plan.baselineTarget().isEmpty());
    }

    @Test
    void readsRepeatAndTheBaselineTargetWhoseRunsOverrideThePlansProperties() throws Exception {
        RunPlan plan = yaml("""
                template: t.jmx
                properties: {host: rc.example, port: 8081, threads: 4}
                repeat: 7
                baselineTarget: {properties: {host: prod.example, port: 8080}}
                baseline: {alpha: 0.05}
                """);
        assertEquals(7, plan.repeat());
        assertTrue(plan.interleaved());
        RunPlan base = plan.baselinePlan();
        assertEquals(Map.of("host", "prod.example", "port", "8080", "threads", "4"), base.properties());
        assertEquals("rc.example", plan.properties().get("host"), "the candidate keeps its own properties");
        assertEquals(7, base.repeat());
        assertEquals(7, plan.withProperties(Map.of("threads", "9")).repeat(), "overrides keep the repeat count");
    }

    @Test
    void absurdRepeatCountsAndBaselineTargetsAreRejectedNamingTheField() {
        assertTrue(error("template: t.jmx\nrepeat: 0\n").contains("plan.yaml: repeat: 0 is not between 1 and 50"));
        assertTrue(error("template: t.jmx\nrepeat: 51\n").contains("repeat: 51 is not between 1 and 50"));
        assertTrue(error("template: t.jmx\nrepeat: -3\n").contains("repeat: -3 is not between"));
        assertTrue(error("template: t.jmx\nrepeat: 99999999999999\n").contains("repeat: "));
        assertTrue(error("template: t.jmx\nrepeat: three\n").contains("repeat: 'three' is not a whole number"));
        assertTrue(error("template: t.jmx\nrepeat: [3]\n").contains("repeat: must be a single value"));
        assertTrue(error("template: t.jmx\nbaselineTarget: {host: a}\n")
                .contains("baselineTarget.host: unknown field"));
        assertTrue(error("template: t.jmx\nbaselineTarget: {properties: {}}\n")
                .contains("baselineTarget.properties: missing or empty"));
        assertTrue(error("template: t.jmx\nbaselineTarget: {}\n")
                .contains("baselineTarget.properties: missing or empty"));
        assertTrue(error("template: t.jmx\nbaselineTarget: prod\n").contains("baselineTarget: must be a mapping"));
        assertTrue(error("template: t.jmx\nbaselineTarget: {properties: {'bad name': x}}\n")
                .contains("baselineTarget.properties.bad name: 'bad name' is not a property name"));
        assertTrue(error("template: t.jmx\nbaselineTarget: {properties: {host: [a, b]}}\n")
                .contains("baselineTarget.properties.host: must be a single value"));
        assertTrue(error("template: t.jmx\nbaseline: {alpha: 0.7}\n")
                .contains("baseline.alpha: '0.7' is not a number between 0 and 0.5"));
        assertTrue(error("template: t.jmx\nbaseline: {alpha: x}\n").contains("baseline.alpha: 'x'"));
    }
}
