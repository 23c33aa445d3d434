package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.history.DirectoryHistoryStore;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The perfgate command line killed with SIGKILL at random moments while it records history ({@code gate --record})
 * and writes summaries, verdicts and reports ({@code report --out}, {@code gate --json --html}), many times over:
 * afterwards everything reads, nothing recorded earlier is lost, and a recording that was cut short is reported.
 */
class KilledWhileWritingTest {

    /**
     * Kills attempted; the test stops earlier when its time is up (a loaded machine starts JVMs slowly). Each CI run
     * draws other moments (the seed is the clock's unless {@code -Dperfgate.killSeed}); 20 a run kept every kind of
     * moment (at write, cut short, any) while the class took 40 s with 30.
     */
    private static final int KILLS = 20;
    private static final long BUDGET_MILLIS = 40_000;

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsItLeavesEverythingReadable() throws Exception {
        Path jtl = dir.resolve("r.jtl");
        SyntheticJtl.write(jtl, 60_000, 300, 7); // 300 labels: a summary of some MB, written over a while
        Path summary = dir.resolve("s.json");
        assertEquals(0, CliRun.of("report", jtl.toString(), "--out", summary.toString()).exit());
        Path history = dir.resolve("history");
        Path out = dir.resolve("out");
        SplittableRandom random = new SplittableRandom(Long.getLong("perfgate.killSeed", System.nanoTime()));
        // one whole recording before any kill: few killed runs get to record whole, and every kill below must leave
        // what was recorded before it readable
        assertEquals(0, CliRun.of("gate", summary.toString(), "--history", history.toString(), "--record", "1",
                "--criteria", "p95 < 60s").exit());
        Set<Long> seen = new TreeSet<>(List.of(1L));
        long started = System.currentTimeMillis();
        int kills = 0;
        int cutShort = 0;
        long build = 1;
        while (kills < KILLS && System.currentTimeMillis() - started < BUDGET_MILLIS) {
            build++;
            boolean record = build % 2 == 1;
            Process p = record
                    ? start("gate", summary.toString(), "--history", history.toString(), "--record",
                            Long.toString(build), "--criteria", "p95 < 60s", "--json", out.resolve("v.json").toString(),
                            "--html", out.resolve("report").toString())
                    : start("report", jtl.toString(), "--out", out.resolve("summary.json").toString());
            // most kills land while files are written (a random moment after the first sign of writing, within
            // 40 ms or 400 ms), the others at any moment of the run
            int how = random.nextInt(4);
            boolean atWrite = how > 0;
            long deadline = System.currentTimeMillis() + 20_000;
            if (atWrite) {
                while (p.isAlive() && System.currentTimeMillis() < deadline && !writing(record, history, build, out)) {
                    Thread.sleep(1);
                }
                Thread.sleep(random.nextInt(how == 1 ? 400 : 40));
            } else {
                p.waitFor(random.nextInt(2500), TimeUnit.MILLISECONDS);
            }
            if (p.isAlive()) {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                kills++;
            }
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));

            History h = new DirectoryHistoryStore(history).load();
            Set<Long> now = h.entries().stream().map(HistoryEntry::number).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(now.containsAll(seen) && now.contains(1L),
                    "nothing recorded earlier is lost: had " + seen + ", now " + now);
            seen = now;
            for (long n : now) {
                assertTrue(new DirectoryHistoryStore(history).summary(n).isPresent(), "summary of #" + n + " reads");
            }
            if (record && Files.isDirectory(history.resolve(Long.toString(build))) && !now.contains(build)) {
                cutShort++;
                long b = build;
                assertTrue(h.warnings().stream().anyMatch(w -> w.contains(history.resolve(Long.toString(b)).toString())),
                        "the recording cut short is reported: " + h.warnings());
            }
            readsIfPresent(out.resolve("summary.json"));
            readsIfPresent(out.resolve("v.json"));
            Path index = out.resolve("report/index.html");
            if (Files.exists(index)) {
                assertTrue(Files.readString(index).strip().endsWith("</html>"), "the report page is whole");
            }
        }
        assertTrue(kills >= 8, "only " + kills + " kills in " + (System.currentTimeMillis() - started) + " ms");
        // and the history still takes new builds
        assertEquals(0, CliRun.of("gate", summary.toString(), "--history", history.toString(), "--record",
                Long.toString(build + 1), "--criteria", "p95 < 60s").exit());
        History after = new DirectoryHistoryStore(history).load();
        assertTrue(after.entry(build + 1).isPresent());
        assertTrue(after.entries().stream().map(HistoryEntry::number).toList().containsAll(seen));
        System.out.println("KilledWhileWritingTest: " + kills + " kills in " + (System.currentTimeMillis() - started)
                + " ms, " + seen.size() + " builds recorded whole (the first before any kill), " + cutShort + " recordings cut short and reported");
    }

    private static boolean writing(boolean record, Path history, long build, Path out) throws Exception {
        if (record) {
            return Files.exists(history.resolve(Long.toString(build)));
        }
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".summary.json")
                    || f.getFileName().toString().equals("summary.json") && recent(f));
        }
    }

    private static boolean recent(Path f) {
        try {
            return System.currentTimeMillis() - Files.getLastModifiedTime(f).toMillis() < 50;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void readsIfPresent(Path f) throws Exception {
        if (!Files.exists(f)) {
            return;
        }
        if (f.getFileName().toString().equals("summary.json")) {
            SummaryJson.read(f);
        } else {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
        }
    }

    private static Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-cp", TestCliClassPath.get(), PerfgateCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
