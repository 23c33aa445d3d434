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
}
