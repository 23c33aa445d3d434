package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.MergeAndPrecisionTest;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip CSV file read in parts as it is decompressed ({@link GzipCsvParts}, {@link GunzipParts}), by two readers and
 * the decompressing thread: the same figures and problem lines as one thread, with malformed rows, quoted fields
 * spanning lines across the parts' buffers, a cut inside a quoted field (caught, read again), and streams cut off or
 * damaged.
 */
class GzipCsvPartsTest {

    private static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,"
            + "success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";
    /** A failure message holding a line that looks exactly like a row: the trap for choosing where to cut. */
    private static final String ROW_LIKE_MESSAGE = "\"expected:\n1,2,x,200,OK,t,text,true,,1,2,1,1,u,1,0,0\nend\"";

    /** Two part readers and the decompressing thread. */
    private static final int THREADS = 3;

    @TempDir
    Path tmp;

    /** CSV rows with random figures (so that they compress about 4:1), a malformed line every 7,001 rows. */
    private static byte[] csv(int rows, int failEvery, String message) {
        StringBuilder sb = new StringBuilder(HEADER);
        SplittableRandom r = new SplittableRandom(7);
        long t = 1_700_000_000_000L;
        for (int i = 0; i < rows; i++) {
            t += r.nextInt(4);
            boolean ok = r.nextInt(failEvery) != 0;
            if (i % 7001 == 5) {
                sb.append("not a row ").append(i).append('\n');
            }
            sb.append(t).append(',').append(1 + r.nextInt(2000)).append(",label ").append(r.nextInt(12))
                    .append(',').append(ok ? 200 : 500).append(",OK,T 1-").append(r.nextInt(40)).append(",text,")
                    .append(ok).append(',').append(ok ? "" : message).append(',').append(r.nextInt(9000))
                    .append(",300,5,5,http://127.0.0.1/a/").append(r.nextInt(100_000)).append(',')
                    .append(r.nextInt(100)).append(",0,").append(r.nextInt(3)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    /**
     * The threads that made sinks: the parts' readers and the decompressing thread, or the caller when the file was
     * read by one thread.
     */
    private static final Set<String> SINK_THREADS = ConcurrentHashMap.newKeySet();

    private static RunAggregator sink() {
        SINK_THREADS.add(Thread.currentThread().getName());
        return new RunAggregator(AggregationOptions.defaults());
    }

    /** Reads with one thread and with {@link #THREADS}; asserts the same; returns the latter's result. */
    private static FileReadResult assertSameAsOneThread(Path f) throws ResultsReadException {
        ResultFileReader reader = new ResultFileReader(ReadOptions.defaults()).withoutThreadNames();
        RunAggregator one = new RunAggregator(AggregationOptions.defaults());
        FileReadResult oneResult = reader.read(f, one);
        SINK_THREADS.clear();
        ResultFileReader.ParallelRead<RunAggregator> two = reader.readParallel(f, THREADS, GzipCsvPartsTest::sink,
                RunAggregator::addAll);
        assertEquals(oneResult.samples(), two.result().samples(), "samples");
        assertEquals(oneResult.malformedLines(), two.result().malformedLines(), "malformed");
        assertEquals(oneResult.truncatedTail(), two.result().truncatedTail(), "truncated");
        assertEquals(oneResult.problems(), two.result().problems(), "problems and their file lines");
        var a = one.aggregate();
        var b = two.sink().aggregate();
        MergeAndPrecisionTest.assertSame(a.overall(), b.overall());
        assertEquals(a.labels().size(), b.labels().size());
        for (LabelStats l : a.labels()) {
            MergeAndPrecisionTest.assertSame(l, b.label(l.label()));
        }
        return two.result();
    }

    private static boolean readInParts() {
        return SINK_THREADS.stream()
                .allMatch(n -> n.startsWith("perfgate-csv-part") || n.equals("perfgate-gunzip"));
    }

    @Test
    void partsGiveWhatOneThreadGivesWithMalformedRowsAndCutOffOrDamagedStreams() throws IOException {
        byte[] compressed = gzip(csv(100_000, 20, "\"a, b\nc\""));
        assertTrue(compressed.length * 2 / 3 >= ResultFileReader.GZIP_PARALLEL_THRESHOLD, "big enough for parts: " + compressed.length);
        Path wholeFile = file("whole.csv.gz", compressed);
        FileReadResult whole = assertSameAsOneThread(wholeFile);
        assertTrue(readInParts(), "read in parts: " + SINK_THREADS);
        SINK_THREADS.clear();
        new ResultFileReader(ReadOptions.defaults()).readParallel(wholeFile, 2, GzipCsvPartsTest::sink,
                RunAggregator::addAll);
        assertFalse(readInParts(), "two threads: decompressed ahead, parsed by one: " + SINK_THREADS);
        assertEquals(100_000, whole.samples());
        assertEquals(15, whole.malformedLines());
        assertTrue(whole.problems().get(3).line() > 20_000, "line numbers of the whole file: " + whole.problems());

        FileReadResult cut = assertSameAsOneThread(file("cut.csv.gz",
                Arrays.copyOf(compressed, compressed.length * 2 / 3)));
        assertTrue(readInParts(), "read in parts: " + SINK_THREADS);
        assertTrue(cut.truncatedTail() && cut.samples() > 30_000, cut.toString());
        assertTrue(cut.problems().get(cut.problems().size() - 1).reason().contains("compressed data ends early"),
                cut.problems().toString());

        byte[] damaged = compressed.clone();
        for (int i = damaged.length / 2; i < damaged.length / 2 + 64; i++) {
            damaged[i] ^= 0x5A;
        }
        FileReadResult bad = assertSameAsOneThread(file("bad.csv.gz", damaged));
        assertTrue(readInParts(), "read in parts: " + SINK_THREADS);
        assertTrue(bad.samples() > 20_000 && bad.samples() < 100_000, bad.toString());
    }

    @Test
    void aCutInsideAQuotedFieldIsCaughtAndTheFileReadAgainByOneThread() throws IOException {
        byte[] content = csv(60_000, 2, ROW_LIKE_MESSAGE);
        assertSameAsOneThread(file("traps.csv.gz", gzip(content)));
        assertFalse(readInParts(), "read again by one thread: " + SINK_THREADS);
    }

    @Test
    void aFailingSinkEndsTheReadWithTheFilesNameAndStopsTheDecompression() throws IOException {
        Path f = file("sink.csv.gz", gzip(csv(100_000, 20, "\"a, b\nc\"")));
        AtomicLong taken = new AtomicLong();
        ResultsReadException e = assertThrows(ResultsReadException.class, () -> new ResultFileReader(
                ReadOptions.defaults()).readParallel(f, THREADS, () -> sample -> {
                    if (taken.incrementAndGet() == 30_000) {
                        throw new IllegalStateException("sink full");
                    }
                }, (a, b) -> {
                }));
        assertTrue(e.getMessage().startsWith(f + ": cannot read: ") && e.getMessage().contains("sink full"),
                e.getMessage());
        assertTrue(taken.get() < 100_000, "the other reader stopped early: " + taken.get());
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("perfgate-gunzip") && t.isAlive()), "decompression stopped");
    }

    /** Small parts: many buffer ends fall inside quoted fields that span lines; their rows are cut before. */
    @Test
    void quotedFieldsSpanningLinesAcrossBufferEndsStayInOnePart() throws IOException {
        byte[] content = csv(4_000, 3, "\"one, \"\"two\"\"\nthree,\nfour\"");
        int dataStart = HEADER.length();
        // parts read by the test thread, and by the decompressing thread when the queue is full
        Map<Integer, String> byIndex = new ConcurrentSkipListMap<>();
        GunzipParts.Help keep = p -> byIndex.put(p.index(),
                new String(p.bytes(), p.from(), p.length(), StandardCharsets.ISO_8859_1));
        try (GunzipParts parts = new GunzipParts(new ByteArrayInputStream(gzip(content)), dataStart, ',', 17,
                4096, keep)) {
            for (GunzipParts.Part p = parts.next(); p != null; p = parts.next()) {
                keep.read(p);
                parts.release(p);
            }
        }
        assertEquals(byIndex.size() - 1, ((ConcurrentSkipListMap<Integer, String>) byIndex).lastKey(),
                "every part once");
        assertTrue(byIndex.size() > 50, "many parts: " + byIndex.size());
        assertEquals(new String(content, dataStart, content.length - dataStart, StandardCharsets.ISO_8859_1),
                String.join("", byIndex.values()), "the parts are the content, in order");

        Path f = file("small-parts.csv.gz", gzip(content));
        ResultFileReader reader = new ResultFileReader(ReadOptions.defaults()).withoutThreadNames();
        RunAggregator one = new RunAggregator(AggregationOptions.defaults());
        FileReadResult oneResult = reader.read(f, one);
        ResultFileReader.ParallelRead<RunAggregator> two = partsOf(f, 4096, 2);
        assertNotNull(two, "every part ended at a row boundary");
        assertEquals(oneResult.samples(), two.result().samples());
        assertEquals(oneResult.problems(), two.result().problems());
        MergeAndPrecisionTest.assertSame(one.aggregate().overall(), two.sink().aggregate().overall());

        // the same with row-like lines in the messages: some cut falls inside one, and is caught
        byte[] traps = csv(4_000, 2, ROW_LIKE_MESSAGE);
        assertNull(partsOf(file("small-traps.csv.gz", gzip(traps)), 4096, 2));
    }

    private static ResultFileReader.ParallelRead<RunAggregator> partsOf(Path f, int partBytes,
            int threads) throws IOException {
        CsvLayout layout = CsvLayout.detect("f", HEADER.strip(), ReadOptions.defaults());
        try (InputStream in = Files.newInputStream(f)) {
            return GzipCsvParts.read(f.toString(), in, HEADER.length(), 1, layout, threads, partBytes, 50,
                    () -> new RunAggregator(AggregationOptions.defaults()), RunAggregator::addAll,
                    (log, sink) -> new CsvJtlReader(layout, ReadOptions.defaults(), log, sink, false, null),
                    IOException::new);
        }
    }
}
