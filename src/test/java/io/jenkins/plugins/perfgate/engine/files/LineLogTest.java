package io.jenkins.plugins.perfgate.engine.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Torn last lines and interrupted whole-file writes, as a crash leaves them. */
class LineLogTest {

    private static final Predicate<String> BRACED = l -> l.startsWith("{") && l.endsWith("}");

    @TempDir
    Path dir;

    @Test
    void aTornLastLineIsSetAsideAndReportedNeverGluedToTheNextEntry() throws Exception {
        Path log = dir.resolve("history.jsonl");
        LineLog.append(log, "{\"n\":1}", BRACED);
        Files.writeString(log, "{\"n\":2, \"cut", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Optional<String> warning = LineLog.append(log, "{\"n\":3}", BRACED);
        assertTrue(warning.isPresent(), "the torn entry is reported");
        assertTrue(warning.get().contains("cut short") && warning.get().contains("{\"n\":2, \"cut"), warning.get());
        assertEquals(List.of("{\"n\":1}", "{\"n\":3}"), Files.readAllLines(log), "nothing earlier lost, nothing glued");
        assertEquals(List.of("{\"n\":2, \"cut"), Files.readAllLines(LineLog.tornFile(log)), "the fragment is kept");
        assertEquals(Optional.empty(), LineLog.repairTail(log, BRACED), "a whole file needs no repair");
    }

    @Test
    void aWholeLastLineWithoutItsLineEndIsKept() throws Exception {
        Path log = dir.resolve("h.jsonl");
        Files.writeString(log, "{\"n\":1}\n{\"n\":2}", StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), LineLog.append(log, "{\"n\":3}", BRACED));
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), Files.readAllLines(log));
        assertFalse(Files.exists(LineLog.tornFile(log)));
    }

    @Test
    void aFileOfOnlyATornLineBecomesEmpty() throws Exception {
        Path log = dir.resolve("h.jsonl");
        Files.writeString(log, "{\"n\":1", StandardCharsets.UTF_8);
        assertTrue(LineLog.repairTail(log, BRACED).isPresent());
        assertEquals(0, Files.size(log));
    }

    @Test
    void anInterruptedWholeFileWriteLeavesTheOldContentAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("summary.json");
        AtomicFiles.writeString(f, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file left behind");
        }
        AtomicFiles.writeString(dir.resolve("new/sub/x.txt"), "new");
        assertEquals("new", Files.readString(dir.resolve("new/sub/x.txt")), "folders are created");
    }

    @Test
    void concurrentWholeFileWritesEachGetTheirOwnTemporaryName() throws Exception {
        Path f = dir.resolve("report.html");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String content = "content " + i;
                writes.add(pool.submit(() -> {
                    AtomicFiles.writeString(f, content);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> w : writes) {
                w.get(); // a temporary name taken twice would fail a write (CREATE_NEW)
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(Files.readString(f).startsWith("content "), "one whole content");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file left behind");
        }
    }
}
