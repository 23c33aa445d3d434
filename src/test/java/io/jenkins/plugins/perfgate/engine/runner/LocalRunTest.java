package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JMeter on local generators against the demo target on 127.0.0.1. */
class LocalRunTest {

    @TempDir
    Path dir;

    @Test
    void twoLocalGeneratorsShareTheThreadsAndTheDataAndAreSummarisedTogether() throws Exception {
        RunFixture.resource("users-plan.jmx", dir);
        // 41 users, header first: generator 1 gets 21 rows, generator 2 gets 20; each row is used exactly once
        Files.writeString(dir.resolve("users.csv"), "user\n" + IntStream.rangeClosed(1, 41)
                .mapToObj(i -> String.format("u%03d", i)).collect(Collectors.joining("\n")) + "\n");
        RunPlan plan = RunFixture.plan(dir, """
                name: users
                template: users-plan.jmx
                properties:
                  threads: 5
                  host: 127.0.0.1
                  port: PORT
                  duration: 20
                generators:
                  type: local
                  count: 2
                  heap: 256m
                  FAST_START
                dataFiles:
                  - path: users.csv
                    property: usersFile
                    split: true
                sampling:
                  progressInterval: 1s
                  flushEachSample: true
                """.replace("FAST_START", RunFixture.FAST_START));
        long before = RunFixture.target().requests();
        RunFixture.Run run = new RunFixture.Run(plan, dir.resolve("out"));
        RunOutcome outcome = run.runner.run();
        System.out.println(run.output());

        assertEquals(RunStatus.COMPLETE, outcome.status(), run.output());
        RunSummary summary = SummaryJson.read(dir.resolve("out/summary.json"));
        assertEquals(RunStatus.COMPLETE, summary.status());
        assertEquals(41, summary.overall().count(), "every data row once");
        assertEquals(41, RunFixture.target().requests() - before, "the target saw every request");
        LabelStats items = summary.label("items").orElseThrow();
        assertEquals(41, items.count());
        assertEquals(Set.of("gen-1", "gen-2"), summary.generators().keySet());
        assertEquals(21, summary.generators().get("gen-1").count());
        assertEquals(20, summary.generators().get("gen-2").count());
        assertEquals("users-plan.jmx", summary.attributes().get("template"));
        assertEquals("2", summary.attributes().get("generators.count"));

        // threads split 3 + 2 (as JMeter logged them), data rows split odd/even, no row twice
        Set<String> users = new HashSet<>();
        for (int g = 1; g <= 2; g++) {
            Path gen = dir.resolve("out/generators/gen-" + g);
            String started = "Starting " + (g == 1 ? 3 : 2) + " threads for group users.";
            assertTrue(Files.readString(gen.resolve("jmeter.log")).contains(started), started);
            List<String> rows = Files.readAllLines(gen.resolve("results.jtl"));
            for (String row : rows.subList(1, rows.size())) {
                Matcher m = Pattern.compile("user=(u\\d+)").matcher(row);
                assertTrue(m.find(), row);
                assertTrue(users.add(m.group(1)), "row used twice: " + m.group(1));
                assertEquals(g == 1 ? 1 : 0, (Integer.parseInt(m.group(1).substring(1)) - 1) % 2 == 0 ? 1 : 0,
                        "gen-1 gets rows 1, 3, 5, ...: " + row);
            }
        }
        assertEquals(41, users.size());
        assertTrue(run.lines.stream().anyMatch(l -> l.startsWith("[perfgate] final") && l.contains("gen-1 done 21")
                && l.contains("gen-2 done 20")), run.output());
        assertTrue(RunFixture.allGone(run.runner.pids()));
        assertFalse(outcome.resultFiles().isEmpty());

        // the same plan again into the same folder: JMeter would append to the result files left there, and the
        // summary count both runs' samples
        RunFixture.Run again = new RunFixture.Run(plan, dir.resolve("out"));
        assertEquals(RunStatus.COMPLETE, again.runner.run().status(), again.output());
        RunSummary second = SummaryJson.read(dir.resolve("out/summary.json"));
        assertEquals(41, second.overall().count(), "the second run's samples only");
        assertEquals(21, second.generators().get("gen-1").count());
        assertEquals(20, second.generators().get("gen-2").count());
        assertTrue(again.lines.stream().anyMatch(l -> l.contains("held an earlier run's results (gen-1, gen-2)")),
                again.output());
    }
}
