package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.workload.AccessLogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfgate workload}: the mix printed and left out; a large log read in a 32 MB heap (a child JVM). */
class WorkloadCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheMixAndWhatWasLeftOut() throws Exception {
        Path log = dir.resolve("access.log");
        AccessLogs.write(log, 1_000, 1_000, 2);
        Files.writeString(log, "not a request\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path json = dir.resolve("mix.json");
        CliRun run = CliRun.of("workload", log.toString(), "--top", "3", "--json", json.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains(" 40.00%         400  GET /items/{id}"), run.out());
        assertTrue(run.out().contains("left out: 1 endpoint(s) with 100 requests (10.00%), 1 malformed line(s)"),
                run.out());
        assertTrue(run.err().contains("malformed: access.log:1001: not a combined or common log line"), run.err());
        assertTrue(Files.readString(json).contains("\"endpoint\" : \"POST /cart/{id}\""));
        CliRun none = CliRun.of("workload", dir.resolve("mix.json").toString());
        assertEquals(3, none.exit());
    }

    @Test
    void thePlanOptionChecksItsArgumentsAndKeepsAnExistingTemplate() throws Exception {
        Path log = dir.resolve("access.log");
        AccessLogs.write(log, 1_000, 1_000, 2);
        CliRun tooMany = CliRun.of("workload", log.toString(), "--top", "21", "--plan", dir.resolve("p.yaml")
                .toString());
        assertEquals(PerfgateCli.EXIT_USAGE, tooMany.exit());
        assertTrue(tooMany.err().contains("--top must be 1..20 (the templates' request slots)"), tooMany.err());
        CliRun json = CliRun.of("workload", log.toString(), "--plan", dir.resolve("p.json").toString());
        assertEquals(PerfgateCli.EXIT_INVALID_INPUT, json.exit());
        assertTrue(json.err().contains("p.json: the plan's name must end with .yaml or .yml"), json.err());

        Files.writeString(dir.resolve("load.jmx"), "<jmeterTestPlan/>"); // a team's older copy: kept, warned about
        CliRun kept = CliRun.of("workload", log.toString(), "--plan", dir.resolve("mix.yml").toString());
        assertEquals(0, kept.exit(), kept.err());
        assertEquals("<jmeterTestPlan/>", Files.readString(dir.resolve("load.jmx")));
        assertTrue(kept.err().contains("predates request mixes"), kept.err());
        assertTrue(kept.out().contains("wrote the run plan") && kept.out().contains("(4 endpoints, load.jmx)"),
                kept.out());
        assertTrue(Files.readString(dir.resolve("mix.yml")).contains("name: \"mix\""));

        CliRun smoke = CliRun.of("workload", log.toString(), "--plan", dir.resolve("s.yaml").toString(),
                "--template", "smoke");
        assertEquals(PerfgateCli.EXIT_USAGE, smoke.exit());
        assertTrue(smoke.err().contains("--template: template 'smoke' is not one with request slots: load, soak,"
                + " spike or stepping"), smoke.err());
        CliRun soak = CliRun.of("workload", log.toString(), "--plan", dir.resolve("soak-mix.yaml").toString(),
                "--template", "soak");
        assertEquals(0, soak.exit(), soak.err());
        assertTrue(Files.readString(dir.resolve("soak.jmx")).contains("__P(weight20,"), "the bundled soak is copied");
        String yaml = Files.readString(dir.resolve("soak-mix.yaml"));
        assertTrue(yaml.contains("template: \"soak.jmx\"") && yaml.contains("duration: 3600s"), yaml);
    }

    @Test
    void aLargeLogIsReadInASmallHeap() throws Exception {
        Path log = dir.resolve("big.log");
        AccessLogs.write(log, 600_000, 500, 3); // ~70 MB
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", TestCliClassPath.get(), PerfgateCli.class.getName(), "workload", log.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(Files.size(log) > 60_000_000L, "the log is larger than the heap: " + Files.size(log));
        assertTrue(out.contains("600000 requests"), out);
        assertTrue(List.of(out.split("\n")).stream().anyMatch(l -> l.contains("40.00%") && l.contains("/items/{id}")),
                out);
    }
}
