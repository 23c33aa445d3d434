package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The pool that reads the parts of a file for CSV and XML: every part once, one sink per thread, errors mapped. */
class PartsRunnerTest {

    /** A thread's sink: the parts it read and the name of the thread that read them. */
    private static final class Taken {
        final List<Integer> parts = new ArrayList<>();
        String thread;
    }

    @Test
    void everyPartIsReadOnceIntoTheSinkOfTheThreadThatTookIt() throws IOException {
        int parts = 50;
        AtomicIntegerArray times = new AtomicIntegerArray(parts);
        List<Taken> filled = PartsRunner.run("f.csv", "perfgate-test-part", 3, parts, Taken::new, (k, sink) -> {
            times.incrementAndGet(k);
            sink.parts.add(k);
            sink.thread = Thread.currentThread().getName();
        }, IOException::new);
        assertTrue(!filled.isEmpty() && filled.size() <= 3, filled.size() + " sinks");
        for (int k = 0; k < parts; k++) {
            assertEquals(1, times.get(k), "part " + k);
        }
        assertEquals(parts, filled.stream().mapToInt(t -> t.parts.size()).sum());
        for (Taken t : filled) {
            assertTrue(t.thread.matches("perfgate-test-part-[123]"), t.thread);
            for (int i = 1; i < t.parts.size(); i++) {
                assertTrue(t.parts.get(i) > t.parts.get(i - 1), "a thread takes the parts in order");
            }
        }
        Taken merged = PartsRunner.merged(filled, (a, b) -> a.parts.addAll(b.parts));
        assertSame(filled.get(0), merged);
        assertEquals(parts, merged.parts.size());
    }

    @Test
    void noPartNoSink() throws IOException {
        assertEquals(List.of(), PartsRunner.run("f.csv", "perfgate-test-part", 2, 0, Taken::new, (k, sink) -> {
        }, IOException::new));
    }

    @Test
    void aFailedPartIsThrownAsTheMappingSays() {
        IOException broken = new IOException("disk gone");
        ResultsReadException e = assertThrows(ResultsReadException.class, () -> PartsRunner.run("f.csv",
                "perfgate-test-part", 2, 10, Taken::new, (k, sink) -> {
                    if (k == 7) {
                        throw broken;
                    }
                }, cause -> new ResultsReadException("f.csv: cannot read: " + cause.getMessage(), cause)));
        assertEquals("f.csv: cannot read: disk gone", e.getMessage());
        assertSame(broken, e.getCause());
    }

    @Test
    void partCountGrowsWithTheSpanWithinBounds() {
        assertEquals(16, PartsRunner.partCount(100L << 20, 2), "eight parts per thread at least");
        assertEquals(3, PartsRunner.partCount(3L << 20, 2), "no part under 1 MB");
        assertEquals(2, PartsRunner.partCount(1L << 19, 2), "one part per thread at least");
        assertEquals(64, PartsRunner.partCount(1L << 30, 2), "16 MB parts in a large file");
        assertEquals(4096, PartsRunner.partCount(1L << 40, 2));
    }
}
