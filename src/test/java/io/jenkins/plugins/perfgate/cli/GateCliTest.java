package io.jenkins.plugins.perfgate.cli;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.gate.GateResult;
import io.jenkins.plugins.perfgate.engine.gate.Playbook;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.DirectoryHistoryStore;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCliTest {

    private static final SyntheticRuns RUNS = SyntheticRuns.of(label("home", 100, 300, 0),
            label("checkout", 250, 300, 0));

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path summary(String name, long seed, double factor, Map<String, Double> perLabel) throws Exception {
        Path p = dir.resolve(name);
        SummaryJson.write(RUNS.run(seed, factor, perLabel), p);
        return p;
    }

    @Test
    void helpOfEveryCommandRenders() throws Exception {
        // picocli formats help texts (a lone % breaks them) and warns on the process's stderr
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, "UTF-8"));
        try {
            for (String cmd : new String[] {"gate", "history", "calibrate", "compare"}) {
                CliRun help = run(cmd, "--help");
                assertEquals(0, help.exit(), cmd + ": " + help.err());
                assertTrue(help.out().contains("Usage: perfgate " + cmd), help.out());
                assertTrue(help.err().isEmpty(), help.err());
            }
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", warnings.toString("UTF-8"));
        assertTrue(run("gate", "--help").out().contains("error% < 1; rps > 50"));
        assertTrue(run("history", "--help").out().contains("p95,error%,rps"));
    }

    @Test
    void comparesTwoRunsLabelByLabel() throws Exception {
        Path base = summary("base.json", 1, 1, Map.of());
        Path slow = summary("slow.json", 2, 1, Map.of("checkout", 1.5));
        CliRun res = run("compare", slow.toString(), base.toString());
        assertEquals(0, res.exit(), res.err());
        assertTrue(res.out().startsWith("comparison with " + base), res.out());
        String checkoutP95 = res.out().lines().filter(l -> l.trim().startsWith("checkout") && l.contains(" p95 "))
                .findFirst().orElseThrow();
        assertTrue(checkoutP95.matches(".*\\+[0-9]+ ms +\\+[4-6][0-9]\\.[0-9] %$"), checkoutP95);
        CliRun all = run("compare", slow.toString(), base.toString(), "--metrics", "all");
        assertTrue(all.out().contains("connect_p99.9"), all.out());
        assertEquals(2, run("compare", slow.toString(), base.toString(), "--metrics", "speed").exit());
        assertEquals(3, run("compare", slow.toString(), dir.resolve("none.json").toString()).exit());
        CliRun gate = run("gate", slow.toString(), "--criteria", "p95 < 1h", "--compare", "--history",
                dir.resolve("h").toString());
        assertTrue(gate.out().contains("comparison: no baseline"), gate.out());
    }

    @Test
    void exitCodesMatchTheVerdicts() {
        assertEquals(PerfgateCli.EXIT_FAIL, GateResult.FAIL.exitCode());
        assertEquals(PerfgateCli.EXIT_UNSTABLE, GateResult.UNSTABLE.exitCode());
        assertEquals(0, GateResult.PASS.exitCode());
    }

    @Test
    void recordsBuildsGatesARegressionAndShowsTheChangePoint() throws Exception {
        Path history = dir.resolve("history");
        Random r = new Random(3);
        String criteria = "p95 < 10s; p95[label=\"checkout\"] vs baseline < +10%; error% < 1";
        for (int b = 1; b <= 12; b++) {
            Path s = summary("run" + b + ".json", b, 1 + 0.01 * r.nextGaussian(), Map.of());
            CliRun res = run("gate", s.toString(), "--criteria", criteria, "--history", history.toString(),
                    "--record", Integer.toString(b), "--tag", b % 4 == 0 ? "v" + b / 4 : "");
            assertEquals(0, res.exit(), res.out() + res.err());
            assertTrue(res.out().contains("recorded build #" + b), res.out());
        }
        // build 13: checkout 30 % slower
        Path slow = summary("run13.json", 13, 1, Map.of("checkout", 1.3));
        Path junit = dir.resolve("out/junit.xml");
        Path verdictJson = dir.resolve("out/verdict.json");
        CliRun res = run("gate", slow.toString(), "--criteria", criteria, "--history", history.toString(),
                "--junit", junit.toString(), "--json", verdictJson.toString(), "--record", "13");
        assertEquals(1, res.exit(), res.out() + res.err());
        assertTrue(res.out().startsWith("perfgate verdict: FAIL"), res.out());
        assertTrue(res.out().contains("baseline: median of 5 passing builds (#8, #9, #10, #11, #12)"), res.out());
        assertTrue(res.out().contains("regression; t prediction interval p="), res.out());
        // the failed p95 criterion names what to check first
        assertTrue(res.out().contains("playbook: p95 regressed: " + Playbook.LATENCY.url() + "\n"), res.out());
        assertFalse(res.out().contains(Playbook.ERRORS.url()), "error% passed: " + res.out());
        var verdict = new com.fasterxml.jackson.databind.ObjectMapper().readTree(verdictJson.toFile());
        assertEquals("FAIL", verdict.path("result").asText());
        assertEquals(1, verdict.path("exitCode").asInt());
        var line = verdict.path("lines").get(1);
        assertEquals("checkout", line.path("label").asText());
        assertEquals("VIOLATED", line.path("status").asText());
        assertEquals("PREDICTION_INTERVAL", line.path("significance").path("method").asText());
        assertTrue(line.path("relativeDelta").asDouble() > 0.2, line.toString());
        assertEquals("TOTAL", verdict.path("comparison").path("labels").get(0).path("label").asText());
        assertTrue(verdict.path("comparison").path("labels").get(1).path("statistics").has("p99.9"));
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<failure message=") && xml.contains("perfgate.checkout"), xml);
        History h = new DirectoryHistoryStore(history).load();
        assertEquals(13, h.entries().size());
        assertEquals(BuildResult.FAILURE, h.entry(13).get().build().result(), "the verdict is the build result");

        // same again as builds 14 to 17: failed builds are no baseline, so these fail too
        for (int b = 14; b <= 17; b++) {
            Path slowAgain = summary("run" + b + ".json", b, 1, Map.of("checkout", 1.3));
            CliRun again = run("gate", slowAgain.toString(), "--criteria", criteria, "--history",
                    history.toString(), "--record", Integer.toString(b));
            assertEquals(1, again.exit(), again.out());
        }

        Path csv = dir.resolve("h.csv");
        Path json = dir.resolve("h.json");
        CliRun hist = run("history", "--dir", history.toString(), "--label", "checkout", "--csv", csv.toString(),
                "--json", json.toString());
        assertEquals(0, hist.exit(), hist.err());
        assertTrue(hist.out().contains("label checkout (17 builds"), hist.out());
        assertTrue(hist.out().contains("* p95 +"), hist.out());
        assertTrue(Files.readString(csv).lines().count() == 18);
        assertTrue(Files.readString(json).contains("\"changePoints\""));
        CliRun tags = run("history", "--dir", history.toString(), "--tags-only");
        assertEquals(0, tags.exit());
        assertTrue(tags.out().contains("v3") && !tags.out().contains("#5 "), tags.out());
    }

    @Test
    void invalidCriteriaAreInvalidInputWithACaret() throws Exception {
        Path s = summary("a.json", 1, 1, Map.of());
        CliRun res = run("gate", s.toString(), "--criteria", "p95 < 1s; p95 <<< 2s", "--history",
                dir.resolve("h").toString());
        assertEquals(3, res.exit());
        assertTrue(res.err().contains("criterion 2 \"p95 <<< 2s\": expected a number at column 6"), res.err());
        assertTrue(res.err().contains("\n  p95 <<< 2s\n       ^"), res.err());
        CliRun policy = run("gate", s.toString(), "--baseline", "latest", "--history", dir.resolve("h").toString());
        assertEquals(3, policy.exit());
        assertTrue(policy.err().contains("unknown baseline policy 'latest'"), policy.err());
        CliRun never = run("gate", s.toString(), "--incomplete", "pass");
        assertEquals(3, never.exit());
        assertTrue(never.err().contains("never pass"), never.err());
    }

    @Test
    void unreadableOrIncompleteRunsNeverPass() throws Exception {
        Path junit = dir.resolve("j.xml");
        CliRun missing = run("gate", dir.resolve("nope.json").toString(), "--criteria", "p95 < 1s", "--junit",
                junit.toString(), "--history", dir.resolve("h").toString());
        assertEquals(3, missing.exit());
        assertTrue(missing.err().contains("nope.json: no such file"), missing.err());
        assertTrue(Files.readString(junit).contains("<failure"), "CI sees the failure");

        Path notJson = Files.writeString(dir.resolve("notes.md"), "# not JSON");
        CliRun prose = run("gate", notJson.toString(), "--history", dir.resolve("h").toString());
        assertEquals(3, prose.exit());
        assertTrue(prose.err().contains(notJson + ": Unexpected character"), prose.err());
        assertEquals(1, prose.err().strip().lines().count(), prose.err());

        Path garbage = Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": 7}");
        CliRun bad = run("gate", garbage.toString(), "--history", dir.resolve("h").toString());
        assertEquals(3, bad.exit());
        assertTrue(bad.err().contains("unsupported summary schemaVersion 7"), bad.err());

        Path partial = dir.resolve("partial.json");
        SummaryJson.write(RUNS.run(1, 1).withStatus(RunStatus.ABORTED, "abort criterion"), partial);
        CliRun aborted = run("gate", partial.toString(), "--criteria", "p95 < 1h", "--history",
                dir.resolve("h").toString());
        assertEquals(1, aborted.exit(), aborted.out());
        assertTrue(aborted.out().contains("run is ABORTED (abort criterion)"), aborted.out());
        CliRun soft = run("gate", partial.toString(), "--criteria", "p95 < 1h", "--incomplete", "unstable",
                "--history", dir.resolve("h").toString());
        assertEquals(4, soft.exit(), soft.out());
    }

    @Test
    void repeatedRunsAndCalibration() throws Exception {
        Random r = new Random(8);
        String[] args = new String[10];
        for (int i = 0; i < 10; i++) {
            args[i] = summary("aa" + i + ".json", 100 + i, 1 + 0.03 * r.nextGaussian(), Map.of()).toString();
        }
        String[] cmd = new String[11];
        cmd[0] = "calibrate";
        System.arraycopy(args, 0, cmd, 1, 10);
        CliRun cal = run(cmd);
        assertEquals(0, cal.exit(), cal.err());
        assertTrue(cal.out().contains("A/A calibration over 10 runs"), cal.out());
        assertTrue(cal.out().contains("p95[label=\"checkout\"] vs baseline < +"), cal.out());
        assertTrue(cal.out().contains("rps vs baseline > -"), cal.out());

        CliRun few = run("calibrate", args[0], args[1]);
        assertEquals(3, few.exit());
        assertTrue(few.err().contains("at least 3 runs"), few.err());

        CliRun repeated = run("gate", args[0], args[1], args[2], "--criteria", "p95 < 1h", "--history",
                dir.resolve("h").toString(), "--record", "1");
        assertEquals(0, repeated.exit(), repeated.out() + repeated.err());
        assertEquals(3, new DirectoryHistoryStore(dir.resolve("h")).load().entry(1).get().repeats().size());
    }

    @Test
    void historyWithoutBuildsOrWithAnUnknownLabelSaysSo() throws Exception {
        CliRun empty = run("history", "--dir", dir.resolve("none").toString());
        assertEquals(3, empty.exit());
        assertTrue(empty.err().contains("no builds recorded"), empty.err());
        Path s = summary("x.json", 1, 1, Map.of());
        assertEquals(0, run("gate", s.toString(), "--history", dir.resolve("h").toString(), "--record", "1").exit());
        CliRun unknown = run("history", "--dir", dir.resolve("h").toString(), "--label", "logout");
        assertEquals(3, unknown.exit());
        assertTrue(unknown.err().contains("'logout' does not appear"), unknown.err());
        CliRun badMetric = run("history", "--dir", dir.resolve("h").toString(), "--metrics", "p95,speed");
        assertEquals(2, badMetric.exit());
        assertFalse(badMetric.err().isEmpty());
    }
}
