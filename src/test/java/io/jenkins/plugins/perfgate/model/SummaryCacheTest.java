package io.jenkins.plugins.perfgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCacheTest {

    /** A real summary.json written by perfgate (one of the summary fuzz test's seeds). */
    private static final String SUMMARY =
            "/io/jenkins/plugins/perfgate/engine/summary/SummaryJsonFuzzTestInputs/summary/web1";

    @TempDir
    Path dir;

    private File summary(String name) throws IOException {
        Path f = dir.resolve(name);
        try (InputStream in = SummaryCacheTest.class.getResourceAsStream(SUMMARY)) {
            Files.copy(in, f);
        }
        return f.toFile();
    }

    @Test
    void aSummaryIsParsedOnceWhileItDoesNotChange() throws IOException {
        SummaryCache cache = new SummaryCache();
        File f = summary("summary.json");
        RunSummary first = cache.read(f);
        assertSame(first, cache.read(f), "the second read is the parsed copy");
        assertSame(first, cache.read(f));
        assertEquals(1, cache.parses());
        assertEquals(150, first.sampleCount());
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        SummaryCache cache = new SummaryCache();
        File f = summary("summary.json");
        RunSummary first = cache.read(f);

        // another length
        Files.writeString(f.toPath(), "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RunSummary second = cache.read(f);
        assertEquals(2, cache.parses());
        assertEquals(first.sampleCount(), second.sampleCount());

        // the same length, another time (a rewrite within the same second shows in the length or the time)
        assertEquals(true, f.setLastModified(f.lastModified() - 10_000));
        cache.read(f);
        assertEquals(3, cache.parses());
        cache.read(f);
        assertEquals(3, cache.parses());

        // a file that no longer parses is an error, not the old copy
        Files.writeString(f.toPath(), "{ not json", StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> cache.read(f));
    }

    @Test
    void keepsABoundedNumberOfSummaries() throws IOException {
        SummaryCache cache = new SummaryCache();
        File first = summary("s0.json");
        cache.read(first);
        for (int i = 1; i <= SummaryCache.CACHED_SUMMARIES; i++) {
            cache.read(summary("s" + i + ".json"));
        }
        long before = cache.parses();
        cache.read(first);
        assertEquals(before + 1, cache.parses(), "the least recently read summary was dropped");
    }
}
