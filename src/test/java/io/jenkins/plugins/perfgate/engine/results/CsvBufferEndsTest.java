package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rows cut by the end of the reader's buffer at every offset: the fast path hands such a row back to be read again
 * with more bytes (not to the general path), except at the input's end and for a row that fills the whole buffer.
 */
@Timeout(60) // a row handed back at the input's end would be asked for again and again
class CsvBufferEndsTest {

    private static final String HEADER = String.join(",", JMeterColumns.JMETER_5_DEFAULT);

    /** Plain rows whose lengths vary byte by byte, so that buffer ends fall at every offset in a row. */
    private static List<String> rows(int count, SplittableRandom random) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add((1_700_000_000_000L + i) + "," + random.nextInt(100_000) + ",label " + "z".repeat(i % 23)
                    + ",200,OK,t,text,true,,1,2,3,4," + "u".repeat(random.nextInt(1, 40)) + "," + (i % 1000)
                    + ",0," + (i % 7));
        }
        return rows;
    }

    /** Gives at most a random few hundred bytes per read: buffers that end before they are full. */
    private static InputStream trickling(byte[] data, SplittableRandom random) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, random.nextInt(1, 300)));
            }
        };
    }

    private static List<Sample> read(InputStream in, String lastLineEnd) throws ResultsReadException {
        CsvLayout layout = CsvLayout.detect("f", HEADER, ReadOptions.defaults());
        List<Sample> samples = new ArrayList<>();
        ProblemLog log = new ProblemLog("f", 10);
        new CsvJtlReader(layout, ReadOptions.defaults(), log, samples::add, false, null).parse(in, Long.MAX_VALUE, 2);
        assertEquals(0, log.malformed(), () -> log.problems().toString() + " (last line " + lastLineEnd + ")");
        return samples;
    }

    private static void assertSameRows(List<String> rows, List<Sample> samples) {
        assertEquals(rows.size(), samples.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",", -1);
            Sample s = samples.get(i);
            String at = "row " + i;
            assertEquals(Long.parseLong(f[0]), s.timeStamp(), at);
            assertEquals(Long.parseLong(f[1]), s.elapsed(), at);
            assertEquals(f[2], s.label(), at);
            assertEquals(Long.parseLong(f[14]), s.latency(), at);
            assertEquals(Long.parseLong(f[16]), s.connect(), at);
        }
    }

    @Test
    void rowsCutAtEveryOffsetByFullAndShortBuffersReadExactly() throws ResultsReadException {
        SplittableRandom random = new SplittableRandom(5);
        List<String> rows = rows(12_000, random); // ~1 MB: eight full buffers, thousands of short ones
        for (String end : new String[] {"\n", ""}) { // with and without a line break after the last row
            byte[] data = (String.join("\n", rows) + end).getBytes(StandardCharsets.UTF_8);
            assertSameRows(rows, read(new ByteArrayInputStream(data), end.isEmpty() ? "unterminated" : "ended"));
            assertSameRows(rows, read(trickling(data, random), end.isEmpty() ? "unterminated" : "ended"));
        }
    }

    @Test
    void aRowThatFillsTheBufferIsReadWholeWhereverItsLineBreakFalls() throws ResultsReadException {
        SplittableRandom random = new SplittableRandom(9);
        int buffer = ResultFileReader.READ_BUFFER_BYTES;
        // a first row whose line break is at each of the buffer's last 12 bytes, or just past the buffer
        for (int lineBreakAt = buffer - 12; lineBreakAt <= buffer + 3; lineBreakAt++) {
            List<String> rows = rows(50, random);
            String first = rows.get(0);
            int url = first.indexOf(",u") + 1; // the URL field, widened to place the line break
            rows.set(0, first.substring(0, url) + "u".repeat(lineBreakAt - first.length()) + first.substring(url));
            byte[] data = (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
            assertEquals(lineBreakAt, String.join("\n", rows).indexOf('\n'));
            assertSameRows(rows, read(new ByteArrayInputStream(data), "at " + lineBreakAt));
        }
    }

    /**
     * A part's first 128 KB come in reads of 8 KB, so that the fast path meets buffer ends within the first few
     * hundred rows, while the JIT is gathering its profile; then the reads fill the buffer.
     */
    @Test
    void aPartStartsWithSmallReadsThenFillsTheBuffer() throws ResultsReadException {
        List<String> rows = rows(12_000, new SplittableRandom(3));
        byte[] data = (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
        List<Integer> asked = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                asked.add(len);
                return super.read(b, off, len);
            }
        };
        assertSameRows(rows, read(in, "ended"));
        assertTrue(asked.size() > 20, asked.toString());
        for (int k = 0; k < asked.size(); k++) {
            int len = asked.get(k);
            assertTrue(k < 16 ? len <= 8192 : len > 100_000, "read " + k + " of " + asked);
        }
    }
}
