package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.plan.PlanException;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanSharesTest {

    @TempDir
    Path dir;

    private Path plan(String extra) throws Exception {
        Files.writeString(dir.resolve("t.jmx"), "<jmeterTestPlan/>");
        Files.writeString(dir.resolve("users.csv"), "user\nu1\nu2\nu3\nu4\nu5\nu6\nu7\n");
        Files.writeString(dir.resolve("hosts.csv"), "h1\nh2\n");
        Path p = dir.resolve("plan.yaml");
        Files.writeString(p, "template: t.jmx\nname: shop\n"
                + "properties: {threads: 10, rampUp: 7, host: example}\nsplit: [threads, rampUp]\n"
                + "generators: {type: agents, count: 3, heap: 1g, options: {label: 'a && b', jvmArgs: -Xss1m}}\n"
                + "duration: 30s\ntimeLimit: 1m\nabort: ['error% > 50 for 10s']\n"
                + "criteria: ['error% < 1']\nmetrics: {job: shop-job, pushgateway: {url: 'http://127.0.0.1:1'},\n"
                + "  influxdb: {url: 'http://127.0.0.1:2', database: live, live: true, afterRun: true}}\n"
                + "dataFiles:\n  - {path: users.csv, property: usersFile, split: true}\n"
                + "  - {path: hosts.csv, property: hostsFile, header: false}\n" + extra);
        return p;
    }

    @Test
    void sharesAddUpToThePlanAndRunOneLocalJMeterEach() throws Exception {
        List<Path> dirs = PlanShares.write(plan(""), 3, dir.resolve("out"));
        assertEquals(3, dirs.size());
        long threads = 0;
        long rampUp = 0;
        List<String> users = new ArrayList<>();
        for (Path d : dirs) {
            RunPlan share = RunPlanReader.read(d.resolve(PlanShares.PLAN_FILE));
            threads += Long.parseLong(share.properties().get("threads"));
            rampUp += Long.parseLong(share.properties().get("rampUp"));
            assertEquals("example", share.properties().get("host"));
            assertEquals("local", share.generators().type());
            assertEquals(1, share.generators().size());
            assertEquals("1g", share.generators().heap());
            assertEquals(List.of("-Xss1m"), share.generators().jvmArgs());
            assertEquals(List.of(), share.splitProperties(), "already split");
            assertEquals("shop", share.name());
            assertEquals(d.resolve("t.jmx"), share.template(), "the template travels with the share");
            assertEquals(java.time.Duration.ofSeconds(30), share.duration());
            assertEquals(java.time.Duration.ofMinutes(1), share.effectiveTimeLimit());
            assertEquals(List.of(), share.abort(), "abort criteria are judged on the merged figures, not a share's");
            assertEquals(List.of(), share.criteria(), "the merged run is gated, not a share");
            assertTrue(share.metrics().pushgateway().isEmpty(), "the merged run is exported, not a share");
            // each machine's JMeter writes its share live; the after-run figures are the merged run's
            assertEquals(java.util.Optional.of(new io.jenkins.plugins.perfgate.engine.runner.plan.MetricsExport.Influx(
                    java.net.URI.create("http://127.0.0.1:2"), "live", true, false, "perfgate")),
                    share.metrics().influxdb());
            assertEquals("shop-job", share.metrics().job());
            List<String> rows = Files.readAllLines(share.dataFiles().get(0).path());
            assertEquals("user", rows.get(0), "the header is in every share");
            users.addAll(rows.subList(1, rows.size()));
            assertEquals(List.of("h1", "h2"), Files.readAllLines(share.dataFiles().get(1).path()), "whole file");
        }
        assertEquals(10, threads, "thread shares add up to the plan's total");
        assertEquals(7, rampUp);
        assertEquals(List.of("4", "3", "3"), dirs.stream().map(d -> {
            try {
                return RunPlanReader.read(d.resolve(PlanShares.PLAN_FILE)).properties().get("threads");
            } catch (PlanException e) {
                throw new IllegalStateException(e);
            }
        }).toList());
        assertEquals(List.of("u1", "u4", "u7", "u2", "u5", "u3", "u6"), users, "rows dealt disjointly, none lost");
        com.fasterxml.jackson.databind.JsonNode control = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("out").resolve(PlanShares.CONTROL_FILE).toFile());
        assertEquals("{\"abort\":[\"error% > 50 for 10s\"],\"liveInflux\":true}", control.toString(),
                "the caller judges the abort criteria on the merged figures");
    }

    @Test
    void refusesWhatCannotBeSplit() throws Exception {
        Path p = plan("");
        assertEquals("plan.yaml: properties.threads: 10 cannot be split over 11 generators (each needs at least 1)",
                assertThrows(PlanException.class, () -> PlanShares.write(p, 11, dir.resolve("o"))).getMessage());
        Path r = plan("repeat: 2\n");
        assertTrue(assertThrows(PlanException.class, () -> PlanShares.write(r, 2, dir.resolve("o"))).getMessage()
                .startsWith("plan.yaml: repeat and baselineTarget cannot be split"));
    }
}
