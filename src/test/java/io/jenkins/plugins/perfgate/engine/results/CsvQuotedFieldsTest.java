package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quoted fields as failing JMeter runs write them: long failure messages with doubled quotes (a JSON response
 * excerpt) and line breaks, which the reader scans eight bytes at a time and decodes once per distinct message.
 */
class CsvQuotedFieldsTest {

    @TempDir
    Path tmp;

    private static final String HEADER = String.join(",", JMeterColumns.JMETER_5_DEFAULT);

    private static String row(long ts, String label, String failure) {
        return ts + ",7," + label + ",500,Internal Server Error,Users 1-1,text,false," + failure
                + ",100,50,1,1,http://127.0.0.1/x,5,0,2";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private record Read(FileReadResult result, List<Sample> samples) {
    }

    private Read read(String content) throws IOException {
        Path f = tmp.resolve("results-" + System.nanoTime() + ".jtl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        List<Sample> samples = new ArrayList<>();
        FileReadResult r = new ResultFileReader(ReadOptions.defaults()).read(f, samples::add);
        return new Read(r, samples);
    }

    @Test
    void longMessagesWithQuotesAtEveryOffsetReadExactlyOverManyBuffers() throws IOException {
        // quotes and line breaks at every position relative to the 8-byte words, messages of 0 to 400 characters
        // (some repeated), over several read buffers so that quoted fields straddle their ends
        SplittableRandom random = new SplittableRandom(21);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            StringBuilder m = new StringBuilder();
            int len = random.nextInt(400);
            for (int k = 0; k < len; k++) {
                int r = random.nextInt(20);
                m.append(r == 0 ? '"' : r == 1 ? '\n' : r == 2 ? ',' : r == 3 ? 'é' : (char) ('a' + r));
            }
            String message = random.nextInt(5) == 0 ? "Test failed: \"status\":\"ok\" expected" : m.toString();
            written.add(message);
            csv.append(row(1_000 + i, "L" + (i % 7), quoted(message))).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        assertTrue(csv.length() > 4 * ResultFileReader.READ_BUFFER_BYTES, "several buffers: " + csv.length());
        Read r = read(csv.toString());
        assertEquals(0, r.result().malformedLines(), () -> r.result().problems().toString());
        assertEquals(written.size(), r.samples().size());
        for (int i = 0; i < written.size(); i++) {
            String expected = written.get(i).isEmpty() ? "" : written.get(i);
            assertEquals(expected, r.samples().get(i).failureMessage(), "row " + i);
            assertEquals(1_000 + i, r.samples().get(i).timeStamp(), "row " + i);
            assertEquals(2, r.samples().get(i).connect(), "row " + i);
        }
    }

    @Test
    void messagesPastAFullTextCacheReadExactly() throws IOException {
        // more distinct long messages than the reader's text cache keeps (4,096): past that point long ones are
        // decoded without a lookup, plain and quoted, while short and early ones still come from the cache
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            String message = switch (i % 4) {
                case 0 -> "Assertion failed: response " + i + " lacks the expected status " + "z".repeat(i % 50);
                case 1 -> "Test failed: \"status\":\"error\",\"request\":" + i + ", expected \"ok\"";
                case 2 -> i % 8 == 2 ? "short " + (i % 10) : "Test failed: \"early\" message, seen again";
                default -> "";
            };
            written.add(message);
            String field = message.contains("\"") || message.contains(",") ? quoted(message) : message;
            csv.append(row(1_000 + i, "L" + (i % 3), field)).append('\n');
        }
        Read r = read(csv.toString());
        assertEquals(0, r.result().malformedLines(), () -> r.result().problems().toString());
        assertEquals(written.size(), r.samples().size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(written.get(i), r.samples().get(i).failureMessage(), "row " + i);
        }
        // a short message cached before the cache filled is still handed out as the same String
        assertSame(r.samples().get(2).failureMessage(), r.samples().get(11_962).failureMessage());
    }

    @Test
    void aRepeatedMessageWithQuotesIsDecodedOnce() throws IOException {
        String message = quoted("Test failed: text expected to contain /\"status\":\"ok\"/");
        Read r = read(HEADER + "\n" + row(1000, "a", message) + "\n" + row(2000, "b", message) + "\n");
        assertEquals(2, r.samples().size());
        assertEquals("Test failed: text expected to contain /\"status\":\"ok\"/", r.samples().get(0).failureMessage());
        assertSame(r.samples().get(0).failureMessage(), r.samples().get(1).failureMessage());
    }

    @Test
    void problemsAfterMultiLineQuotedFieldsNameTheirFileLineAndField() throws IOException {
        String threeBreaks = quoted("first\nsecond \"x\"\nthird\n" + "y".repeat(50));
        String csv = HEADER + "\n"                                                // line 1
                + row(1000, "a", threeBreaks) + "\n"                              // lines 2-5
                + row(2000, "b", "plain").replace(",7,", ",x7,") + "\n"           // line 6: bad elapsed
                + row(3000, "c", "\"closed\" then text") + "\n"                   // line 7: text after the quote
                + row(4000, "d", quoted("two\nlines")) + "\n"                     // lines 8-9
                + row(5000, "e", "\"never closed " + "z".repeat(40) + "\n" + "more");  // lines 10-11: cut off
        Read r = read(csv);
        assertEquals(2, r.samples().size(), () -> r.result().problems().toString());
        assertEquals("first\nsecond \"x\"\nthird\n" + "y".repeat(50), r.samples().get(0).failureMessage());
        assertEquals("two\nlines", r.samples().get(1).failureMessage());
        List<ReadProblem> problems = r.result().problems();
        assertEquals(3, problems.size(), problems::toString);
        assertEquals(6, problems.get(0).line());
        assertEquals(JMeterColumns.ELAPSED, problems.get(0).field());
        assertTrue(problems.get(0).toString().contains(".jtl:6 [elapsed]: not a number: 'x7'"), problems::toString);
        assertEquals(7, problems.get(1).line());
        assertTrue(problems.get(1).reason().contains("text after the closing quote"), problems::toString);
        assertEquals(10, problems.get(2).line());
        assertTrue(problems.get(2).reason().contains("quoted field is not closed"), problems::toString);
        assertTrue(r.result().truncatedTail());
    }
}
