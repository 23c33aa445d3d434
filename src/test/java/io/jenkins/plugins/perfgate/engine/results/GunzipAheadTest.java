package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip file read with two threads is decompressed ahead on the second ({@link GunzipAhead}): the same samples and
 * the same problems as the one-thread read, whole, cut off or damaged, and no thread left behind.
 */
class GunzipAheadTest {

    @TempDir
    Path tmp;

    private record Read(FileReadResult result, List<Sample> samples) {
    }

    private static Read read(Path f, int threads) throws ResultsReadException {
        List<Sample> samples = new ArrayList<>();
        ResultFileReader.ParallelRead<SampleSink> r = new ResultFileReader(ReadOptions.defaults()).readParallel(f,
                threads, () -> samples::add, (a, b) -> {
                });
        return new Read(r.result(), samples);
    }

    /** About 5 MB of CSV, or XML: more chunks than the queue holds. */
    private static byte[] content(boolean xml) {
        StringBuilder sb = new StringBuilder(xml ? "<testResults version=\"1.2\">\n"
                : "timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,failureMessage,bytes\n");
        for (int i = 0; i < 80_000; i++) {
            if (xml) {
                sb.append("<httpSample t=\"").append(i % 997).append("\" ts=\"").append(1_000_000 + i)
                        .append("\" s=\"true\" lb=\"label ").append(i % 17).append("\" rc=\"200\" by=\"").append(i)
                        .append("\"/>\n");
            } else {
                sb.append(1_000_000 + i).append(',').append(i % 997).append(",label ").append(i % 17)
                        .append(",200,OK,group 1-").append(i % 50).append(",true,,").append(i).append('\n');
            }
        }
        return sb.append(xml ? "</testResults>\n" : "").toString().getBytes(StandardCharsets.UTF_8);
    }

    private Path gzip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        Path f = tmp.resolve(name);
        Files.write(f, out.toByteArray());
        return f;
    }

    private static void assertSameRead(Read one, Read two) {
        assertEquals(one.samples(), two.samples());
        assertEquals(one.result().malformedLines(), two.result().malformedLines());
        assertEquals(one.result().truncatedTail(), two.result().truncatedTail());
        assertEquals(one.result().problems(), two.result().problems());
    }

    private static boolean gunzipThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("perfgate-gunzip") && t.isAlive());
    }

    @Test
    void wholeCutOffAndDamagedFilesReadAsWithOneThread() throws Exception {
        for (boolean xml : List.of(false, true)) {
            byte[] content = content(xml);
            assertTrue(content.length > (GunzipAhead.AHEAD + 2) * GunzipAhead.CHUNK, "more chunks than the queue holds");
            Path whole = gzip("whole.gz", content);
            Read one = read(whole, 1);
            assertEquals(80_000, one.samples().size());
            assertSameRead(one, read(whole, 2));

            byte[] compressed = Files.readAllBytes(whole);
            Path cut = tmp.resolve("cut.gz");
            Files.write(cut, Arrays.copyOf(compressed, compressed.length * 2 / 3));
            Read cutOne = read(cut, 1);
            assertTrue(cutOne.result().truncatedTail() && cutOne.samples().size() > 10_000);
            assertSameRead(cutOne, read(cut, 2));

            byte[] damaged = compressed.clone();
            for (int i = damaged.length / 2; i < damaged.length / 2 + 64; i++) {
                damaged[i] ^= 0x5A;
            }
            Path bad = tmp.resolve("bad.gz");
            Files.write(bad, damaged);
            String oneOutcome;
            try {
                Read r = read(bad, 1);
                oneOutcome = r.samples().size() + " " + r.result().problems();
                assertSameRead(r, read(bad, 2));
            } catch (ResultsReadException e) {
                oneOutcome = e.getMessage();
                assertEquals(oneOutcome, assertThrows(ResultsReadException.class, () -> read(bad, 2)).getMessage());
            }
            assertFalse(oneOutcome.isEmpty());
        }
        assertFalse(gunzipThreadAlive(), "the decompressing thread ended with the read");
    }

    @Test
    void aReadThatStopsEarlyStopsTheDecompression() throws Exception {
        byte[] content = content(true);
        byte[] notJMeter = new String(content, StandardCharsets.UTF_8).replace("<testResults version=\"1.2\">",
                "<html>").getBytes(StandardCharsets.UTF_8);
        Path f = gzip("page.xml.gz", notJMeter);
        ResultsReadException e = assertThrows(ResultsReadException.class, () -> read(f, 2));
        assertTrue(e.getMessage().contains("<html>"), e.getMessage());
        assertFalse(gunzipThreadAlive(), "the decompressing thread was stopped");
    }
}
