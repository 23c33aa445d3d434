package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jenkins.plugins.perfgate.engine.history.DirectoryHistoryStore;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.Test;

class HistoryDirOptionTest {

    @Test
    void theHistoryCommandsShareOneOptionUnderBothNames() {
        for (String name : List.of("history", "retro", "note", "gate")) {
            CommandLine sub = PerfgateCli.commandLine().getSubcommands().get(name);
            OptionSpec dir = sub.getCommandSpec().findOption("--dir");
            assertSame(dir, sub.getCommandSpec().findOption("--history"), name + ": --history is the same option");
            assertEquals(DirectoryHistoryStore.DEFAULT_DIRECTORY, dir.defaultValue(), name);
            assertEquals("history directory (default " + DirectoryHistoryStore.DEFAULT_DIRECTORY + ")",
                    dir.description()[0], name);
        }
        HistoryDirOption option = new HistoryDirOption();
        new CommandLine(option).parseArgs("--history", "h");
        assertEquals(Path.of("h"), option.dir());
        new CommandLine(option).parseArgs("--dir", "d");
        assertEquals(Path.of("d"), option.dir());
    }
}
