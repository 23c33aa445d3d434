package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hidden trace, in a process of its own: the switch is read once, when the JVM starts. */
class PhaseTraceTest {

    @TempDir
    Path tmp;

    @Test
    void offUnlessAsked() {
        assertFalse(PhaseTrace.ON);
        assertEquals(0, PhaseTrace.nowMillis());
    }

    @Test
    void tracesEveryPhaseOfATwoThreadReport() throws Exception {
        Path csv = tmp.resolve("big.csv");
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("timeStamp,elapsed,label,responseCode,success\n");
            while (Files.size(csv) < ResultFileReader.PARALLEL_THRESHOLD + (1 << 20)) {
                for (int i = 0; i < 20_000; i++, rows++) {
                    w.write(1_700_000_000_000L + rows + "," + (rows % 500) + ",GET /item" + (rows % 7) + ",200,true\n");
                }
                w.flush();
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-Dperfgate.trace=true", "-cp",
                System.getProperty("java.class.path"), "io.jenkins.plugins.perfgate.cli.PerfgateCli", "report",
                "--threads", "2", "--progress-every", "0", csv.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        List<String> lines = err.lines().filter(l -> l.startsWith("perfgate trace: ")).toList();
        for (String phase : List.of(" main", "report command starts", "csv split into ", "no part left",
                "all parts read", "threads' aggregates merged", "summary built", "report table printed")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(phase)), phase + " missing from:\n" + err);
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                ".*perfgate-csv-part-\\d +cpu +[0-9.]+ ms  part \\d+ of \\d+ read: [0-9.]+ MB in [0-9.]+ ms")), err);
        assertTrue(lines.stream().anyMatch(l -> l.contains("threads ") && l.contains("Compiler")), err);
    }
}
