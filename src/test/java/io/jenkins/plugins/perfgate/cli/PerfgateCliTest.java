package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A process builds only the subcommand it runs (start time), yet every way in still works. */
class PerfgateCliTest {

    private static final List<String> ALL = List.of("help", "report", "run", "demo", "gate", "history", "retro",
            "note", "workload", "calibrate", "compare", "split");

    @Test
    void buildsOnlyTheSubcommandNamedFirst() {
        assertEquals(Set.of("report"), PerfgateCli.commandLine("report", "a.jtl").getSubcommands().keySet());
        assertEquals(Set.of("gate"), PerfgateCli.commandLine("gate", "--help").getSubcommands().keySet());
        assertEquals(Set.of(), PerfgateCli.commandLine("--version").getSubcommands().keySet());
        assertEquals(Set.of(), PerfgateCli.commandLine("-V").getSubcommands().keySet());
    }

    @Test
    void buildsAllWhenNoneIsNamedOrHelpIsAskedFor() {
        assertEquals(ALL, List.copyOf(PerfgateCli.commandLine().getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(PerfgateCli.commandLine("help", "report").getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(PerfgateCli.commandLine("nosuch").getSubcommands().keySet()));
        assertEquals(ALL, List.copyOf(PerfgateCli.commandLine("--version", "x").getSubcommands().keySet()));
    }

    @Test
    void pathsAreParsedByTheRegisteredConverter() {
        // PerfgateCli registers Path::of (picocli's own conversion goes through reflection); lists and options alike
        picocli.CommandLine cl = PerfgateCli.commandLine("report", "a b/c.csv", "--out", "s.json");
        cl.parseArgs("report", "a b/c.csv", "--out", "s.json");
        ReportCommand report = (ReportCommand) cl.getSubcommands().get("report").getCommand();
        assertEquals(List.of(Path.of("a b/c.csv")), report.files);
        assertEquals(Path.of("s.json"), report.out);
    }

    @Test
    void aLiveNonDaemonThreadMakesMainExitExplicitly() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "non-daemon");
        worker.start();
        try {
            assertTrue(PerfgateCli.otherThreadsKeepTheJvm(), "main() would return and the JVM wait for it");
        } finally {
            release.countDown();
            worker.join();
        }
    }

    @Test
    void theUsageStillListsEveryCommand() {
        CliRun none = CliRun.of();
        for (String name : ALL) {
            assertTrue(none.out().contains("  " + name + " ") || none.err().contains("  " + name + " "),
                    name + " in " + none);
        }
        CliRun unknown = CliRun.of("nosuch");
        assertEquals(PerfgateCli.EXIT_USAGE, unknown.exit());
        assertTrue(unknown.err().contains("nosuch") && unknown.err().contains("  report "), unknown.err());
        CliRun help = CliRun.of("help", "report");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Usage: perfgate report"), help.out());
        CliRun version = CliRun.of("--version");
        assertEquals("perfgate " + PerfgateVersion.version(), version.out().strip());
    }
}
