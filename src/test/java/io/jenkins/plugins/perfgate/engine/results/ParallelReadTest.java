package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.MergeAndPrecisionTest;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One large CSV file read by several threads, each taking parts into its own sink: the same figures and problem
 * lines as one thread, also when a cut falls inside a quoted field.
 */
class ParallelReadTest {

    private static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,"
            + "success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";
    /** A failure message holding a line that looks exactly like a row: the trap for choosing where to cut. */
    private static final String ROW_LIKE_MESSAGE = "\"expected:\n1,2,x,200,OK,t,text,true,,1,2,1,1,u,1,0,0\nend\"";

    @TempDir
    Path tmp;

    private Path file(String name, int rows, boolean rowLikeMessages) throws IOException {
        Path f = tmp.resolve(name);
        SplittableRandom r = new SplittableRandom(11);
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write(HEADER);
            long t = 1_700_000_000_000L;
            for (int i = 0; i < rows; i++) {
                t += r.nextInt(4);
                boolean ok = r.nextInt(rowLikeMessages ? 2 : 20) != 0;
                String message = ok ? "" : rowLikeMessages ? ROW_LIKE_MESSAGE : "\"a, b\nc\"";
                if (i % 7001 == 5) {
                    w.write("not a row " + i + "\n");
                }
                w.write(t + "," + (1 + r.nextInt(2000)) + ",label " + r.nextInt(12) + "," + (ok ? 200 : 500)
                        + ",OK,T 1-1,text," + ok + "," + message + "," + r.nextInt(9000) + ",300,5,5,"
                        + "http://127.0.0.1/a," + r.nextInt(100) + ",0," + r.nextInt(3) + "\n");
            }
        }
        assertTrue(Files.size(f) > ResultFileReader.PARALLEL_THRESHOLD, "big enough to be cut");
        return f;
    }

    static void assertSameAsOneThread(Path f) throws ResultsReadException {
        ResultFileReader reader = new ResultFileReader(ReadOptions.defaults()).withoutThreadNames();
        RunAggregator one = new RunAggregator(AggregationOptions.defaults());
        FileReadResult oneResult = reader.read(f, one);
        for (int threads : new int[] {2, 3, 7}) {
            ResultFileReader.ParallelRead<RunAggregator> many = reader.readParallel(f, threads,
                    () -> new RunAggregator(AggregationOptions.defaults()), RunAggregator::addAll);
            assertEquals(oneResult.samples(), many.result().samples(), threads + " threads");
            assertEquals(oneResult.problems(), many.result().problems(), "problems and their file lines");
            var a = one.aggregate();
            var b = many.sink().aggregate();
            MergeAndPrecisionTest.assertSame(a.overall(), b.overall());
            assertEquals(a.labels().size(), b.labels().size());
            for (LabelStats l : a.labels()) {
                MergeAndPrecisionTest.assertSame(l, b.label(l.label()));
            }
        }
    }

    @Test
    void partsReadByThreadsGiveWhatOneThreadGives() throws IOException {
        Path f = file("plain.csv", 110_000, false);
        assertSameAsOneThread(f);
    }

    @Test
    void aCutInsideAQuotedFieldIsCaughtAndTheFileReadAgain() throws IOException {
        Path f = file("traps.csv", 90_000, true);
        // the trap works: near the middle, the chosen cut is a line inside a quoted field
        String text = Files.readString(f);
        boolean trapped = false;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            for (long from = text.length() / 3; from < text.length() / 3 + 20_000 && !trapped; from += 97) {
                long cut = RowCuts.rowStartAtOrAfter(ch, from, text.length(),
                        CsvLayout.detect("f", HEADER.strip(), ReadOptions.defaults()));
                trapped = text.startsWith("1,2,x,", (int) cut);
            }
        }
        assertTrue(trapped, "some cut falls on the row-like line of a message");
        assertSameAsOneThread(f);
    }

    @Test
    void progressCountsTheFilesBytesAndSamplesFromEveryThread() throws IOException {
        Path f = file("progress.csv", 110_000, false);
        long size = Files.size(f);
        ResultFileReader reader = new ResultFileReader(ReadOptions.defaults()).withoutThreadNames();
        ReadProgress one = new ReadProgress(size);
        FileReadResult r = reader.withProgress(one).read(f, new RunAggregator(AggregationOptions.defaults()));
        assertEquals(size, one.bytes(), "every byte once");
        assertEquals(r.samples(), one.samples());
        assertEquals(1.0, one.fraction());
        ReadProgress three = new ReadProgress(size);
        var parts = reader.withProgress(three).readParallel(f, 3,
                () -> new RunAggregator(AggregationOptions.defaults()), RunAggregator::addAll);
        assertEquals(r.samples(), three.samples(), "samples of all threads");
        assertEquals(size - HEADER.length(), three.bytes(), "every byte after the header once");
        assertEquals(r.samples(), parts.result().samples());

        Path xml = tmp.resolve("progress.jtl");
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<testResults version=\"1.2\">\n");
        for (int i = 0; i < 5000; i++) {
            sb.append("<sample t=\"").append(i % 90).append("\" ts=\"").append(1_700_000_000_000L + i)
                    .append("\" s=\"true\" lb=\"x\" rc=\"200\"/>\n");
        }
        Files.writeString(xml, sb.append("</testResults>\n"));
        ReadProgress x = new ReadProgress(Files.size(xml));
        assertEquals(5000, reader.withProgress(x).read(xml, s -> { }).samples());
        assertEquals(5000, x.samples(), "XML samples, the last partial batch too");
        assertEquals(Files.size(xml), x.bytes());
    }

    @Test
    void cutsSkipLinesThatCannotBeWholeRows() throws IOException {
        CsvLayout layout = CsvLayout.detect("f", "timeStamp,elapsed,label", ReadOptions.defaults());
        Path f = tmp.resolve("cuts.csv");
        String content = "1,2,x\n" + "\"quoted\n" + "half, row\n" + "3,\"4\",y\n" + "5,6,z\n" + "7,8,w";
        Files.writeString(f, content);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long size = content.length();
            // from inside the first row: the quoted line, the one with too few fields and the one with a quote are
            // passed over
            assertEquals(content.indexOf("5,6,z"), RowCuts.rowStartAtOrAfter(ch, 1, size, layout));
            assertEquals(0, RowCuts.rowStartAtOrAfter(ch, 0, size, layout), "a line start is kept");
            assertEquals(content.indexOf("7,8,w"), RowCuts.rowStartAtOrAfter(ch,
                    content.indexOf("5,6,z") + 1, size, layout), "the last row needs no line break");
        }
        // rows longer than the first 4 KB read: found in the following, larger reads
        Path longRows = tmp.resolve("longRows.csv");
        String row = "1,2," + "x".repeat(9_000) + "\n";
        String longContent = row + row + row;
        Files.writeString(longRows, longContent);
        try (FileChannel ch = FileChannel.open(longRows, StandardOpenOption.READ)) {
            assertEquals(row.length(), RowCuts.rowStartAtOrAfter(ch, 5, longContent.length(), layout));
            assertEquals(2 * row.length(), RowCuts.rowStartAtOrAfter(ch, row.length() + 1, longContent.length(),
                    layout));
        }
        Path noRow = tmp.resolve("noRow.csv");
        Files.writeString(noRow, "1,2,x\nab\ncd\n");
        try (FileChannel ch = FileChannel.open(noRow, StandardOpenOption.READ)) {
            assertEquals(6, RowCuts.rowStartAtOrAfter(ch, 1, 12, layout),
                    "no line looks like a row: the first line start");
            assertEquals(12, RowCuts.rowStartAtOrAfter(ch, 10, 12, layout), "none: the end");
        }
    }
}
