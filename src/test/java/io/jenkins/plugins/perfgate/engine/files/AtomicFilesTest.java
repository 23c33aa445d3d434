package io.jenkins.plugins.perfgate.engine.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole-file replacement whose folder the caller forces later: still whole under its name, never a half file. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileWrittenWithoutForcingItsFolderReplacesTheOldOneWhole() throws Exception {
        Path f = dir.resolve("sub/chart.svg");
        AtomicFiles.writeBytesUnforcedFolder(f, "old".getBytes(StandardCharsets.UTF_8));
        byte[] content = new byte[200_000]; // more than the write buffer
        java.util.Arrays.fill(content, (byte) 'x');
        AtomicFiles.writeBytesUnforcedFolder(f, content);
        assertArrayEquals(content, Files.readAllBytes(f));
        AtomicFiles.syncFolder(f.getParent());
        assertEquals(List.of(f), list(f.getParent()), "no temporary file left behind");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryOne() throws Exception {
        Path f = dir.resolve("chart.svg");
        AtomicFiles.writeBytesUnforcedFolder(f, "old".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir.resolve("taken.svg/inside")); // a folder that no file can replace
        assertThrows(IOException.class, () -> AtomicFiles.writeBytesUnforcedFolder(dir.resolve("taken.svg"),
                "new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("old", Files.readString(f));
        assertEquals(List.of(f, dir.resolve("taken.svg")), list(dir), "no temporary file left behind");
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
