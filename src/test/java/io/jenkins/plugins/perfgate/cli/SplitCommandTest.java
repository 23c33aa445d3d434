package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneRunnableShareFolderPerGeneratorOrSaysWhyNot() throws Exception {
        Files.writeString(dir.resolve("t.jmx"), "<jmeterTestPlan/>");
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, "template: t.jmx\nproperties: {threads: 5}\n"
                + "generators: {type: agents, count: 2, options: {label: loadgen}}\n");
        CliRun ok = CliRun.of("split", plan.toString(), "--count", "2", "--out", dir.resolve("out").toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("wrote 2 share(s)"), ok.out());
        assertTrue(Files.readString(dir.resolve("out/share-1/plan.json")).contains("\"threads\" : \"3\""));
        assertTrue(Files.readString(dir.resolve("out/share-2/plan.json")).contains("\"threads\" : \"2\""));
        assertTrue(Files.isRegularFile(dir.resolve("out/share-2/t.jmx")));

        CliRun tooMany = CliRun.of("split", plan.toString(), "--count", "6", "--out", dir.resolve("o").toString());
        assertEquals(PerfgateCli.EXIT_INVALID_INPUT, tooMany.exit());
        assertTrue(tooMany.err().contains("plan.yaml: properties.threads: 5 cannot be split over 6 generators"),
                tooMany.err());
        assertEquals(PerfgateCli.EXIT_USAGE, CliRun.of("split", plan.toString(), "--count", "0", "--out", "o").exit());

        // the command line refuses to run an agents plan itself, saying where it runs
        CliRun run = CliRun.of("run", plan.toString(), "--out", dir.resolve("r").toString());
        assertEquals(PerfgateCli.EXIT_INVALID_INPUT, run.exit());
        assertTrue(run.err().contains("generators.type 'agents' runs only in Jenkins"), run.err());
    }
}
