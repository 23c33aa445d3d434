package io.jenkins.plugins.perfgate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentProgressTest {

    @Test
    void readsTheAgentsProgressLinesAndPassesItsOtherOutputOnNamed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AgentProgress a = new AgentProgress("gen-a", log);
        AgentProgress b = new AgentProgress("gen-b", log);
        a.state("running");
        b.state("running");
        a.write(("perfgate: running smoke (smoke.jmx) on 1 local generator(s), JMeter 5.6.3\n"
                + "[perfgate] 25s/1m00s threads 20 samples 1234 rps 245.6 err 1.2% p95 120ms | gen-1 ok 1234\n")
                .getBytes(StandardCharsets.UTF_8));
        b.write("[perfgate] 24s threads 3 samples 99 rps 3.5 err - p95 -\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("[perfgate] agents 25s samples 1333 | gen-a running 1234 samples 245.6/s err 1.2% p95 120ms"
                + " | gen-b running 99 samples 3.5/s err - p95 -", AgentProgress.line(25_400, List.of(a, b)));

        // the final line counts, the per-agent table after the result does not reach the log; problems do
        a.write(("[perfgate] final 1m01s samples 2500 err 1.0% | gen-1 done 2500\n"
                + "perfgate: COMPLETE; 2500 samples; summary /x/summary.json\n"
                + "Label  Samples\nTOTAL  2500\nwarning: something to see\n").getBytes(StandardCharsets.UTF_8));
        a.flush();
        assertEquals("gen-a done 2500 samples -/s err 1.0% p95 -", a.entry());
        assertEquals(List.of("[perfgate] [gen-a] perfgate: running smoke (smoke.jmx) on 1 local generator(s), "
                + "JMeter 5.6.3", "[perfgate] [gen-a] final 1m01s samples 2500 err 1.0%",
                "[perfgate] [gen-a] perfgate: COMPLETE; 2500 samples; summary /x/summary.json",
                "[perfgate] [gen-a] warning: something to see"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void masksSecretsAndKeepsLiveWindowsOutOfTheLogForTheMergedAbortCriteria() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        // "HISTF" is in every window line's Base64: a secret must not cut into the windows
        AgentProgress a = new AgentProgress("gen-a", log, List.of("tok", "tok-5ecr3t", "HISTF"));
        AgentProgress b = new AgentProgress("gen-b", log, List.of());
        a.state("running");
        b.state("running");
        MergedAbortWatch watch = MergedAbortWatch.of(List.of(
                io.jenkins.plugins.perfgate.engine.runner.plan.AbortCriterion.parse("rps > 150"),
                io.jenkins.plugins.perfgate.engine.runner.plan.AbortCriterion.parse("p95 > 500ms")));
        a.write("error: GET /api?key=tok-5ecr3t failed\n".getBytes(StandardCharsets.UTF_8));
        // each agent alone is under 150 req/s; together they are over
        a.write((io.jenkins.plugins.perfgate.engine.runner.LiveWindow.of(5_000, fill(500, 40), 0, 4).format() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.Optional.empty(), watch.check(List.of(a, b), 1_000), "b has reported no window yet");
        b.write((io.jenkins.plugins.perfgate.engine.runner.LiveWindow.of(5_000, fill(400, 1000), 400, 4).format()
                + "\n").getBytes(StandardCharsets.UTF_8));
        a.flush();
        b.flush();
        assertEquals(List.of("[perfgate] [gen-a] error: GET /api?key=**** failed"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList(), "windows are not for the log");
        assertEquals(java.util.Optional.of("abort criterion 'rps > 150' breached (rps = 180.0 for 0 s) on the "
                + "merged live figures of 2 agent(s): rps 180.0, err 44.4%, mean 467 ms, p95 1000 ms, p99 1000 ms "
                + "over 900 samples"), watch.check(List.of(a, b), 2_000));
        b.state("done");
        assertEquals(java.util.Optional.empty(), MergedAbortWatch.of(List.of(
                io.jenkins.plugins.perfgate.engine.runner.plan.AbortCriterion.parse("rps > 150")))
                .check(List.of(a, b), 3_000), "an ended agent's last window no longer counts");
    }

    private static long[] fill(int n, long value) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
