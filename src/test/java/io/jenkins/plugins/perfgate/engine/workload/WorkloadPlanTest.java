package io.jenkins.plugins.perfgate.engine.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan's text: read back by the run-plan reader, with the mix, threads, think time and what was left out. */
class WorkloadPlanTest {

    @TempDir
    Path dir;

    private static Workload analysed(String... lines) {
        WorkloadAnalysis a = new WorkloadAnalysis();
        for (int i = 0; i < lines.length; i++) {
            a.accept("access.log:" + (i + 1), lines[i]);
        }
        return a.result();
    }

    private static String line(int second, String client, String request) {
        return client + " - - [02/Nov/2026:10:00:" + String.format("%02d", second) + " +0000] \"" + request
                + " HTTP/1.1\" 200 12 \"-\" \"agent\"";
    }

    @Test
    void thePlanReadsBackWithTheMixThreadsAndThinkTime() throws Exception {
        // client a every 2 s (think time 2000 ms), 6 requests in second 0 (the peak)
        Workload w = analysed(
                line(0, "a", "GET /items/17?x=1"), line(0, "b", "GET /items/18"), line(0, "c", "GET /items/19"),
                line(0, "d", "POST /cart/5"), line(0, "e", "POST /cart/6"), line(0, "f", "GET /say\\x22hi"),
                line(1, "g", "GET /say\\x22hi"),
                line(2, "a", "GET /items/20"), line(4, "a", "GET /items/21"), line(6, "a", "GET /rare"),
                "garbage");
        String yaml = WorkloadPlan.yaml(w, new WorkloadPlan.Options("shop", "load.jmx", 3, 500, 120,
                List.of("access.log")));
        java.nio.file.Files.writeString(dir.resolve("load.jmx"), "<jmeterTestPlan/>");
        RunPlan plan = RunPlanReader.parse(yaml, false, dir, "plan.yaml");
        assertEquals("shop", plan.name());
        assertEquals(Duration.ofSeconds(120), plan.duration());
        assertEquals("/items/17", plan.properties().get("path"), "the first path seen, without query");
        assertEquals("GET /items/{id}", plan.properties().get("label1"));
        assertEquals("100", plan.properties().get("weight1"));
        assertEquals("/say\\x22hi", plan.properties().get("path2"), "quoted and escaped");
        assertEquals("GET", plan.properties().get("method2"));
        assertEquals("40", plan.properties().get("weight2"), "2 requests against the top's 5");
        assertEquals("/cart/5", plan.properties().get("path3"), "ties in name order");
        assertEquals("POST", plan.properties().get("method3"));
        assertEquals("POST /cart/{id}", plan.properties().get("label3"));
        assertEquals("40", plan.properties().get("weight3"));
        assertEquals(null, plan.properties().get("path4"), "--top 3");
        // think 2005 ms (the median gap to 10 ms) - 500 ms response; threads = peak 6/s x 2.005 s, rounded up
        assertEquals("1505", plan.properties().get("thinkTime"));
        assertEquals("13", plan.properties().get("threads"));
        assertEquals("24", plan.properties().get("rampUp"));
        assertTrue(yaml.contains("#   - 1 endpoint(s) with 1 requests (10.00 %)\n#       GET /rare: 1 requests"),
                yaml);
        assertTrue(yaml.contains("#   - 1 malformed line(s)"), yaml);
        assertTrue(yaml.contains("# GET /items/{id}: 50.00 % of the log, 55.56 % of the plan"), yaml);
    }

    @Test
    void manyThreadsSuggestMoreGeneratorsAndNoThinkTimeIsSaid() {
        Workload w = new Workload(1_000, List.of(new Workload.Endpoint("GET /", 1_000, 1.0, "/")), 0, 0, List.of(),
                3_000, 2_000.0, 0, 0);
        String yaml = WorkloadPlan.yaml(w, new WorkloadPlan.Options("x", "load.jmx", 1, 400, 60, List.of("a.log")));
        assertTrue(yaml.contains("  threads: 1200\n"), yaml);
        assertTrue(yaml.contains("# 1200 threads are many for one JVM: about 3 generators"), yaml);
        assertTrue(yaml.contains("No client sent two requests within a minute"), yaml);
        assertTrue(!yaml.contains("# Left out:\n#   - 0 endpoint"), "nothing left out is not listed: " + yaml);
    }

    @Test
    void weightsThreadsAndOptions() {
        assertEquals("33.3333", WorkloadPlan.weight(1, 3));
        assertEquals("0.0001", WorkloadPlan.weight(1, 100_000_000), "a planned request is never weighted 0");
        assertEquals(1, WorkloadPlan.threads(0.2, 100));
        assertEquals(21, WorkloadPlan.threads(20.01, 1000));
        assertThrows(IllegalArgumentException.class, () -> new WorkloadPlan.Options("x", "load.jmx", 21, 0, 1,
                List.of()));
    }

    @Test
    void eachTemplateGetsTheLogsRatesInItsOwnShape() {
        // peak 30/s, mean 10/s; think 0 + response 100 ms: 3 threads at the peak, 1 at the mean
        Workload w = new Workload(1_000, List.of(new Workload.Endpoint("GET /", 1_000, 1.0, "/")), 0, 0, List.of(),
                30, 10.0, 0, 0);
        String soak = WorkloadPlan.yaml(w, new WorkloadPlan.Options("x", "soak.jmx", 1, 100, 3600, List.of("a")));
        assertTrue(soak.contains("template: \"soak.jmx\"\n"), soak);
        assertTrue(soak.contains("  threads: 1\n  rampUp: 300\n  duration: 3600\n"), "the mean rate: " + soak);
        assertTrue(!soak.contains("split:"), soak);
        String spike = WorkloadPlan.yaml(w, new WorkloadPlan.Options("x", "spike", 1, 100, 120, List.of("a")));
        assertTrue(spike.contains("split: [threads, spikeThreads]\n"), spike);
        assertTrue(spike.contains("  threads: 1\n  rampUp: 24\n  duration: 120\n  spikeThreads: 2\n"
                + "  spikeDelay: 40\n  spikeDuration: 20\n"), "mean, then a burst to the peak: " + spike);
        w = new Workload(1_000, List.of(new Workload.Endpoint("GET /", 1_000, 1.0, "/")), 0, 0, List.of(),
                120, 10.0, 0, 0);
        String stepping = WorkloadPlan.yaml(w, new WorkloadPlan.Options("x", "stepping.jmx", 1, 100, 300,
                List.of("a")));
        assertTrue(stepping.contains("split: [stepThreads]\n"), stepping);
        assertTrue(stepping.contains("  stepThreads: 3\n  stepSeconds: 60\n  duration: 300\n"),
                "12 threads at the peak in 5 steps of 3: " + stepping);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WorkloadPlan.Options("x", "smoke.jmx", 1, 0, 1, List.of()));
        assertEquals("template 'smoke.jmx' is not one with request slots: load, soak, spike or stepping",
                e.getMessage());
        assertEquals(3600, WorkloadShape.of("SOAK").defaultDuration());
        assertEquals("stepping needs a duration of at least 10 s for its 5 steps: 9", assertThrows(
                IllegalArgumentException.class, () -> new WorkloadPlan.Options("x", "stepping", 1, 0, 9, List.of()))
                .getMessage());
    }
}
