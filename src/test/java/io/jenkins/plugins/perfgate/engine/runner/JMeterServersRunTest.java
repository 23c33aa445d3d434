package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterCommand;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMeter's distributed mode: a controller driving two jmeter-servers on 127.0.0.2 and 127.0.0.3. */
class JMeterServersRunTest {

    @TempDir
    Path dir;

    @Test
    void perfgateStartsTwoServersSplitsThreadsAndDataAndKeepsPerServerStatistics() throws Exception {
        RunFixture.resource("users-plan.jmx", dir);
        Files.writeString(dir.resolve("users.csv"), "user\n" + IntStream.rangeClosed(1, 41)
                .mapToObj(i -> String.format("u%03d", i)).collect(Collectors.joining("\n")) + "\n");
        RunPlan plan = RunFixture.plan(dir, """
                template: users-plan.jmx
                properties: {threads: 3, host: 127.0.0.1, port: PORT, duration: 20}
                generators:
                  type: jmeter-servers
                  count: 2
                  heap: 256m
                  FAST_START
                dataFiles:
                  - {path: users.csv, property: usersFile, split: true}
                sampling: {progressInterval: 1s}
                """.replace("FAST_START", RunFixture.FAST_START));
        RunFixture.Run run = new RunFixture.Run(plan, dir.resolve("out"));
        RunOutcome outcome = run.runner.run();
        System.out.println(run.output());

        assertEquals(RunStatus.COMPLETE, outcome.status(), run.output());
        RunSummary summary = SummaryJson.read(outcome.summaryFile());
        assertEquals(41, summary.overall().count());
        List<String> servers = new ArrayList<>(summary.generators().keySet());
        assertEquals(2, servers.size(), servers.toString());
        assertTrue(servers.get(0).startsWith("127.0.0.2:") && servers.get(1).startsWith("127.0.0.3:"), servers.toString());
        assertEquals(21, summary.generators().get(servers.get(0)).count(), "first server: rows 1, 3, 5, ...");
        assertEquals(20, summary.generators().get(servers.get(1)).count());

        // each server ran its exact share (2 + 1 threads); remote thread names carry the server
        for (int i = 0; i < 2; i++) {
            String log = Files.readString(dir.resolve("out/generators/" + servers.get(i).replace(':', '_')
                    + "/jmeter-server.log"));
            String started = "Starting " + (i == 0 ? 2 : 1) + " threads for group users.";
            assertTrue(log.contains(started), started);
        }
        List<String> rows = Files.readAllLines(dir.resolve("out/generators/controller/results.jtl"));
        for (String row : rows.subList(1, rows.size())) {
            String thread = row.split(",")[5];
            assertTrue(thread.startsWith(servers.get(0) + "-users 1-") || thread.startsWith(servers.get(1)
                    + "-users 1-"), thread);
        }
        assertTrue(run.output().contains("| " + servers.get(0) + " done 21 | " + servers.get(1) + " done 20"),
                run.output());
        assertTrue(RunFixture.allGone(run.runner.pids()), "servers and controller are gone");
    }

    @Test
    void existingServersGetTheirEqualShareThroughGlobalProperties() throws Exception {
        List<JMeterProcess> servers = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                String host = "127.0.0." + (4 + i);
                int port = RunFixture.freePort();
                JMeterCommand cmd = TestJMeter.installation().command().heap("256m")
                        .jvmOption("-XX:TieredStopAtLevel=1").property("server.rmi.ssl.disable", "true");
                Path sdir = dir.resolve("server-" + i);
                Files.createDirectories(sdir);
                servers.add(JMeterProcess.start("server-" + i, cmd.server(host, port, 0), sdir,
                        sdir.resolve("out.log"), sdir.resolve("jmeter.log"), 0, Map.of()));
                addresses.add(host + ":" + port);
            }
            for (String a : addresses) {
                RunFixture.awaitPort(a);
            }
            RunFixture.template("smoke.jmx", dir);
            RunPlan plan = RunFixture.plan(dir, """
                    template: smoke.jmx
                    properties: {threads: 4, iterations: 3, host: 127.0.0.1, port: PORT, path: /api/items}
                    generators:
                      type: jmeter-servers
                      servers: [SERVERS]
                      heap: 256m
                      FAST_START
                    """.replace("SERVERS", String.join(", ", addresses)).replace("FAST_START",
                    RunFixture.FAST_START));
            RunFixture.Run run = new RunFixture.Run(plan, dir.resolve("out"));
            RunOutcome outcome = run.runner.run();
            System.out.println(run.output());
            assertEquals(RunStatus.COMPLETE, outcome.status(), run.output());
            RunSummary summary = SummaryJson.read(outcome.summaryFile());
            assertEquals(12, summary.overall().count(), "4 threads in total (2 per server) x 3 iterations");
            assertEquals(Set.copyOf(addresses), summary.generators().keySet());
            for (String a : addresses) {
                assertEquals(6, summary.generators().get(a).count(), "2 threads x 3 iterations on " + a);
            }
            assertTrue(servers.stream().allMatch(JMeterProcess::alive), "existing servers are left running");

            RunPlan odd = plan.withProperties(Map.of("threads", "5"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new RunFixture.Run(odd, dir.resolve("out2")).runner.run());
            assertTrue(e.getMessage().contains("threads=5 cannot be split equally over 2"), e.getMessage());
        } finally {
            servers.forEach(JMeterProcess::killTree);
        }
    }

    @Test
    void aServerKilledMidRunIsReportedAndTheRunEndsIncompleteWithTheOtherServersResults() throws Exception {
        RunFixture.template("load.jmx", dir);
        RunPlan plan = RunFixture.plan(dir, """
                template: load.jmx
                properties: {threads: 2, rampUp: 0, duration: 8, thinkTime: 20, host: 127.0.0.1, port: PORT,
                             path: /api/items}
                generators: {type: jmeter-servers, count: 2, heap: 256m, FAST_START}
                sampling: {progressInterval: 1s, flushEachSample: true}
                timeLimit: 60s
                """.replace("FAST_START", RunFixture.FAST_START));
        RunFixture.Run run = new RunFixture.Run(plan, dir.resolve("out"));
        java.util.concurrent.CompletableFuture<RunOutcome> result = run.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (run.lines.stream().noneMatch(l -> l.matches("\\[perfgate\\].* ok [1-9].* ok [1-9].*"))) {
            assertTrue(System.currentTimeMillis() < deadline, "both servers sending: " + run.output());
            Thread.sleep(100);
        }
        long victim = run.runner.pids().get(1);
        long killed = System.currentTimeMillis();
        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        RunOutcome outcome = result.get();
        System.out.println(run.output());
        assertEquals(RunStatus.INCOMPLETE, outcome.status(), run.output());
        assertEquals(1, outcome.failedGenerators().size(), outcome.failedGenerators().toString());
        assertTrue(outcome.failedGenerators().get(0).startsWith("127.0.0.3:"), outcome.failedGenerators().toString());
        assertTrue(System.currentTimeMillis() - killed < 40_000, "the run did not hang on the dead server");
        RunSummary summary = SummaryJson.read(outcome.summaryFile());
        assertTrue(summary.overall().count() > 0);
        assertTrue(RunFixture.allGone(run.runner.pids()));
    }

}
