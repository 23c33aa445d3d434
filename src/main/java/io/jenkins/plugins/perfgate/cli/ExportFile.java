package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an export a command was asked for ({@code --csv FILE}, {@code --json FILE}): folders made, never torn. */
final class ExportFile {

    private ExportFile() {
    }

    static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.writeString(file, text);
    }
}
