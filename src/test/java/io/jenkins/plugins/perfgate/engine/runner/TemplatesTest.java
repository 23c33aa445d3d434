package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spike and stepping templates (the ones with several thread groups and computed delays) run unchanged, spike
 * on two local generators with both thread properties split; both runs go in parallel to keep the test short. (load and
 * smoke run in the other run tests, locally and on jmeter-servers.)
 */
class TemplatesTest {

    @TempDir
    Path dir;

    private RunFixture.Run run(String template, String properties, String split, int generators) throws Exception {
        Path sub = Files.createDirectories(dir.resolve(template));
        RunFixture.template(template + ".jmx", sub);
        RunPlan plan = RunFixture.plan(sub, """
                template: TEMPLATE.jmx
                properties: {host: 127.0.0.1, port: PORT, path: /api/items, path2: /api/search, thinkTime: 50, PROPS}
                split: SPLIT
                generators: {count: COUNT, heap: 256m, FAST_START}
                """.replace("TEMPLATE", template).replace("COUNT", Integer.toString(generators)).replace("PROPS", properties).replace("SPLIT", split)
                .replace("FAST_START", RunFixture.FAST_START));
        return new RunFixture.Run(plan, sub.resolve("out"));
    }

    private static Set<String> threadGroups(RunOutcome outcome) throws Exception {
        Set<String> groups = new TreeSet<>();
        for (Path jtl : outcome.resultFiles()) {
            List<String> rows = Files.readAllLines(jtl);
            for (String row : rows.subList(1, rows.size())) {
                String thread = row.split(",")[5];
                groups.add(thread.substring(0, thread.lastIndexOf('-')));
            }
        }
        return groups;
    }

    @Test
    void spikeAndSteppingRunOnTwoGeneratorsWithTheirThreadsSplit() throws Exception {
        RunFixture.Run spike = run("spike", "threads: 2, spikeThreads: 4, rampUp: 0, duration: 5, spikeDelay: 2, "
                + "spikeDuration: 2, spikeRampUp: 0", "[threads, spikeThreads]", 2);
        RunFixture.Run stepping = run("stepping", "stepThreads: 1, stepSeconds: 1, stepRampUp: 0, duration: 6",
                "[stepThreads]", 1);
        CompletableFuture<RunOutcome> a = spike.start();
        CompletableFuture<RunOutcome> b = stepping.start();
        RunOutcome spiked = a.get();
        RunOutcome stepped = b.get();
        System.out.println(spike.output() + "\n" + stepping.output());

        assertEquals(RunStatus.COMPLETE, spiked.status(), spike.output());
        assertEquals(Set.of("base 1", "spike 2"), threadGroups(spiked));
        assertTrue(spiked.summary().label("GET /api/search").isPresent());
        for (String gen : List.of("gen-1", "gen-2")) {
            String log = Files.readString(dir.resolve("spike/out/generators/" + gen + "/jmeter.log"));
            assertTrue(log.contains("Starting 1 threads for group base.") && log.contains("Starting 2 threads for "
                    + "group spike."), gen + " ran its share of both groups");
        }

        assertEquals(RunStatus.COMPLETE, stepped.status(), stepping.output());
        assertEquals(Set.of("step 1 1", "step 2 2", "step 3 3", "step 4 4", "step 5 5"), threadGroups(stepped),
                "all five steps started");
        String log = Files.readString(dir.resolve("stepping/out/generators/gen-1/jmeter.log"));
        assertTrue(log.contains("Thread started: step 5 5-1"), "the last step's user started");
    }
}
