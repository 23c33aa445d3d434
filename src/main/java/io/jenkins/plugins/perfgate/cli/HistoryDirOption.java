package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.history.DirectoryHistoryStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The history directory option of the commands that read or write the history ({@code perfgate history},
 * {@code retro}, {@code note}, {@code gate}): {@code --dir DIR}, also spelled {@code --history DIR} (gate's name
 * before they shared it), default {@value DirectoryHistoryStore#DEFAULT_DIRECTORY}. Mix it in with
 * {@code @Mixin HistoryDirOption history;}.
 */
public final class HistoryDirOption {

    @Option(names = {"--dir", "--history"}, paramLabel = "DIR", defaultValue = DirectoryHistoryStore.DEFAULT_DIRECTORY,
            description = "history directory (default ${DEFAULT-VALUE})")
    Path dir;

    /** The directory as given. */
    public Path dir() {
        return dir;
    }

    /** The history store in that directory. */
    public DirectoryHistoryStore store() {
        return new DirectoryHistoryStore(dir);
    }

    @Override
    public String toString() {
        return String.valueOf(dir);
    }
}
