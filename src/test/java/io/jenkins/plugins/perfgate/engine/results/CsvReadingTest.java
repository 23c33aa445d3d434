package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV dialects JMeter can write, and every kind of bad CSV input. */
class CsvReadingTest {

    @TempDir
    Path tmp;

    private static final String HEADER = String.join(",", JMeterColumns.JMETER_5_DEFAULT);

    private static String row(long ts, long elapsed, String label, String code, boolean ok) {
        return ts + "," + elapsed + "," + label + "," + code + ",OK,Thread Group 1-1,text," + ok + ",,100,50,1,1,"
                + "http://127.0.0.1/x,5,0,2";
    }

    private record Read(FileReadResult result, List<Sample> samples) {
    }

    private Read read(String content, ReadOptions options) throws IOException {
        Path f = tmp.resolve("results-" + System.nanoTime() + ".jtl");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return read(f, options);
    }

    private static Read read(Path f, ReadOptions options) throws ResultsReadException {
        List<Sample> samples = new ArrayList<>();
        FileReadResult r = new ResultFileReader(options).read(f, samples::add);
        return new Read(r, samples);
    }

    @Test
    void defaultJMeterFile() throws IOException {
        Read r = read(HEADER + "\n" + row(1000, 12, "home", "200", true) + "\n" + row(2000, 30, "login", "500", false)
                + "\n", ReadOptions.defaults());
        assertEquals(2, r.samples().size());
        Sample s = r.samples().get(1);
        assertEquals(2000, s.timeStamp());
        assertEquals(30, s.elapsed());
        assertEquals("login", s.label());
        assertEquals("500", s.responseCode());
        assertFalse(s.success());
        assertEquals(100, s.bytes());
        assertEquals(50, s.sentBytes());
        assertEquals(5, s.latency());
        assertEquals(2, s.connect());
        assertEquals(1, s.allThreads());
        assertEquals(JtlFormat.CSV, r.result().format());
        assertEquals(0, r.result().malformedLines());
    }

    @Test
    void threadNamesAreKeptUnlessTheReaderIsToldNotTo() throws IOException {
        Path f = tmp.resolve("threads.csv");
        Files.writeString(f, HEADER + "\n" + row(1000, 12, "a", "200", true) + "\n");
        List<Sample> kept = new ArrayList<>();
        new ResultFileReader(ReadOptions.defaults()).read(f, kept::add);
        List<Sample> skipped = new ArrayList<>();
        new ResultFileReader(ReadOptions.defaults()).withoutThreadNames().read(f, skipped::add);
        assertEquals("Thread Group 1-1", kept.get(0).threadName());
        assertEquals("", skipped.get(0).threadName());
        Sample k = kept.get(0);
        assertEquals(new Sample(k.timeStamp(), k.elapsed(), k.label(), k.responseCode(), k.responseMessage(), "",
                k.success(), k.failureMessage(), k.bytes(), k.sentBytes(), k.allThreads(), k.latency(), k.connect()),
                skipped.get(0), "everything else is the same");
    }

    @ParameterizedTest
    @ValueSource(strings = {",", "\t", ";", "|"})
    void everyDelimiterIsDetectedWithAndWithoutHeader(String d) throws IOException {
        String body = (row(1000, 12, "a b", "200", true) + "\n" + row(2000, 30, "c", "200", true) + "\n")
                .replace(",", d);
        Read withHeader = read(HEADER.replace(",", d) + "\n" + body, ReadOptions.defaults());
        Read without = read(body, ReadOptions.defaults());
        for (Read r : List.of(withHeader, without)) {
            assertEquals(2, r.samples().size(), d);
            assertEquals("a b", r.samples().get(0).label());
            assertEquals(30, r.samples().get(1).elapsed());
            assertEquals(5, r.samples().get(1).latency());
        }
    }

    @Test
    void quotedFieldsWithDelimitersDoubledQuotesAndLineBreaks() throws IOException {
        String label = "\"say \"\"hi\"\", then, bye\nline two\"";
        Read r = read(HEADER + "\r\n" + row(1000, 12, label, "200", true) + "\r\n" + row(2000, 7, "plain", "200", true)
                + "\r\n", ReadOptions.defaults());
        assertEquals(2, r.samples().size());
        assertEquals("say \"hi\", then, bye\nline two", r.samples().get(0).label());
        assertEquals("plain", r.samples().get(1).label());
        assertEquals("http://127.0.0.1/x", "http://127.0.0.1/x");
        assertEquals(2, r.samples().get(1).connect(), "CRLF does not stick to the last field");
    }

    @Test
    void manyBuffersOfMixedRowsReadExactlyAsWritten() throws IOException {
        // plain rows (the reader's fast path) mixed with quoted ones, CRLF and LF, empty fields, quotes inside
        // unquoted fields, values of every length: over several buffers, so rows straddle buffer ends
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        List<long[]> numbers = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            long ts = 1_700_000_000_000L + random.nextLong(1_000_000_000L);
            long elapsed = random.nextInt(4) == 0 ? random.nextLong(100_000_000L) : random.nextInt(100);
            long latency = random.nextInt(3) == 0 ? 0 : random.nextLong(1L << random.nextInt(1, 40));
            String label = switch (random.nextInt(5)) {
                case 0 -> "a";
                case 1 -> "GET /api/items/" + random.nextInt(30);
                case 2 -> "x\"y";
                default -> "label " + "z".repeat(random.nextInt(40));
            };
            String message = random.nextInt(4) == 0 ? "fail, \"quoted\"\nsecond line" : "";
            String quotedLabel = label.contains("\"") && random.nextBoolean()
                    ? "\"" + label.replace("\"", "\"\"") + "\"" : label;
            csv.append(ts).append(',').append(elapsed).append(',').append(quotedLabel).append(",200,OK,t,text,")
                    .append(message.isEmpty()).append(',')
                    .append(message.isEmpty() ? "" : "\"" + message.replace("\"", "\"\"") + "\"")
                    .append(",1,2,3,4,u,").append(latency).append(",0,").append(i % 7)
                    .append(random.nextBoolean() ? "\r\n" : "\n");
            numbers.add(new long[] {ts, elapsed, latency, i % 7});
            labels.add(label);
            messages.add(message);
        }
        Read r = read(csv.toString(), ReadOptions.defaults());
        assertEquals(0, r.result().malformedLines(), () -> r.result().problems().toString());
        assertEquals(numbers.size(), r.samples().size());
        for (int i = 0; i < numbers.size(); i++) {
            Sample s = r.samples().get(i);
            long[] n = numbers.get(i);
            String at = "row " + i;
            assertEquals(n[0], s.timeStamp(), at);
            assertEquals(n[1], s.elapsed(), at);
            assertEquals(n[2], s.latency(), at);
            assertEquals(n[3], s.connect(), at);
            assertEquals(labels.get(i), s.label(), at);
            assertEquals(messages.get(i), s.failureMessage(), at);
            assertEquals(messages.get(i).isEmpty(), s.success(), at);
        }
    }

    @Test
    void successFlagsInAnyCaseAndCodesThatChangeFromRowToRow() throws IOException {
        // the success flag is compared as a word and the code first against the previous row's: codes that share
        // their first bytes or differ only in length, and flags of every case or almost true/false
        String[] codes = {"200", "200", "2000", "20", "200", "Non HTTP response code: java.net.SocketException",
            "500", "", "500", "\"5,0\"", "200", "200", "200"};
        String[] flags = {"true", "TRUE", "False", "fALSE", "true", "false", "true", "false", "tru", "true", "truee",
            "yes", "t"};
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < codes.length; i++) {
            csv.append(row(1000 + i, 5, "a", codes[i], true).replace(",true,", "," + flags[i] + ",")).append('\n');
        }
        Read r = read(csv.toString(), ReadOptions.defaults());
        List<String> gotCodes = r.samples().stream().map(Sample::responseCode).toList();
        List<Boolean> gotFlags = r.samples().stream().map(Sample::success).toList();
        assertEquals(List.of("200", "200", "2000", "20", "200", "Non HTTP response code: java.net.SocketException",
                "500", "", "5,0"), gotCodes);
        assertEquals(List.of(true, true, false, false, true, false, true, false, true), gotFlags);
        assertEquals(4, r.result().malformedLines(), () -> r.result().problems().toString());
        for (ReadProblem p : r.result().problems()) {
            assertEquals(JMeterColumns.SUCCESS, p.field(), p::toString);
        }
    }

    @Test
    void utf8ByteOrderMarkAndNonAsciiLabels() throws IOException {
        Read r = read("\uFEFF" + HEADER + "\n" + row(1000, 12, "Überweisung – 送金", "200", true) + "\n",
                ReadOptions.defaults());
        assertEquals("Überweisung – 送金", r.samples().get(0).label());
    }

    @Test
    void formattedTimestampsWithConfiguredFormat() throws IOException {
        ReadOptions options = ReadOptions.defaults().withTimestampFormat("yyyy/MM/dd HH:mm:ss.SSS")
                .withZone(ZoneOffset.UTC);
        Read r = read(HEADER + "\n" + row(0, 12, "a", "200", true).replaceFirst("^0", "2026/11/28 07:42:21.256")
                + "\n", options);
        long expected = LocalDateTime.of(2026, 11, 28, 7, 42, 21, 256_000_000).toInstant(ZoneOffset.UTC)
                .toEpochMilli();
        assertEquals(expected, r.samples().get(0).timeStamp());
    }

    @Test
    void formattedTimestampsInJMeterFallbackFormatsWithoutConfiguration() throws IOException {
        ReadOptions options = ReadOptions.defaults().withZone(ZoneId.of("Europe/Paris"));
        Read r = read(HEADER + "\n" + row(0, 12, "a", "200", true).replaceFirst("^0", "2026-07-01 10:00:00.5")
                + "\n" + row(0, 12, "a", "200", true).replaceFirst("^0", "2026-07-01 10:00:01.000") + "\n", options);
        // "10:00:00.5" does not fit SSS: reported, the well-formed row is read (Paris is UTC+2 in July)
        assertEquals(1, r.samples().size());
        assertEquals(LocalDateTime.of(2026, 7, 1, 8, 0, 1).toInstant(ZoneOffset.UTC).toEpochMilli(),
                r.samples().get(0).timeStamp());
        assertEquals(1, r.result().malformedLines());
        assertEquals("timeStamp", r.result().problems().get(0).field());
    }

    @Test
    void headerlessFileWithConfiguredColumns() throws IOException {
        ReadOptions options = ReadOptions.defaults().withColumns(List.of("timeStamp", "elapsed", "label",
                "responseCode", "success"));
        Read r = read("1000,5,a,200,true\n2000,6,b,404,false\n", options);
        assertEquals(2, r.samples().size());
        assertFalse(r.samples().get(1).success());
        assertEquals(6, r.samples().get(1).elapsed());
        assertEquals(0, r.samples().get(1).bytes() + r.samples().get(1).latency() + r.samples().get(1).connect());
        ResultsReadException e = assertThrows(ResultsReadException.class,
                () -> read("1000,5,a,200,true\n", ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("5 fields"), e.getMessage());
    }

    @Test
    void gzipIsReadTransparentlyWhateverTheName() throws IOException {
        Path f = tmp.resolve("results.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write((HEADER + "\n" + row(1000, 12, "a", "200", true) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Read r = read(f, ReadOptions.defaults());
        assertEquals(1, r.samples().size());
        assertTrue(r.result().compressed());
    }

    @Test
    void cutOffGzipKeepsWhatWasRead() throws IOException {
        Path full = tmp.resolve("full.gz");
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 20_000; i++) {
            sb.append(row(1000 + i, i % 100, "l" + (i % 7), "200", true)).append('\n');
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(full))) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(full);
        Path cut = tmp.resolve("cut.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Read r = read(cut, ReadOptions.defaults());
        assertTrue(r.samples().size() > 1000 && r.samples().size() < 20_000, "read " + r.samples().size());
        assertTrue(r.result().truncatedTail());
    }

    @Test
    void smallCutOffGzipKeepsItsWholeRows() throws IOException {
        Path full = tmp.resolve("small.gz");
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 300; i++) {
            sb.append(row(1000 + i, i, "label-" + i, "200", true)).append('\n');
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(full))) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(full);
        Path cut = tmp.resolve("small-cut.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        Read r = read(cut, ReadOptions.defaults());
        assertTrue(r.samples().size() > 100 && r.samples().size() < 300, "read " + r.samples().size());
        assertEquals(0, r.result().malformedLines(), r.result().problems().toString());
        assertTrue(r.result().truncatedTail());
    }

    @Test
    void formatIsDetectedFromContentNotName() throws IOException {
        Path xmlNamedCsv = tmp.resolve("results.csv");
        Files.writeString(xmlNamedCsv, "<?xml version=\"1.0\"?>\n<testResults version=\"1.2\">\n"
                + "<httpSample t=\"5\" ts=\"1000\" s=\"true\" lb=\"a\" rc=\"200\"/>\n</testResults>\n");
        Read r = read(xmlNamedCsv, ReadOptions.defaults());
        assertEquals(JtlFormat.XML, r.result().format());
        assertEquals(1, r.samples().size());
    }

    @Test
    void malformedRowsAreCountedReportedAndSkippedWithoutLosingOthers() throws IOException {
        String content = HEADER + "\n"
                + row(1000, 12, "a", "200", true) + "\n"
                + row(1001, 12, "a", "200", true).replace(",12,", ",twelve,") + "\n"
                + "1002,13,a\n"
                + row(1003, 12, "a", "200", true).replace(",true,", ",yes,") + "\n"
                + row(1004, 12, "a", "200", true).replace(",100,", ",1e3,") + "\n"
                + row(1005, 12, "a", "200", true).replace("1005,", "yesterday,") + "\n"
                + "\"quoted\"junk,1,2\n"
                + row(1006, 14, "b", "200", true) + "\n";
        Read r = read(content, ReadOptions.defaults());
        assertEquals(2, r.samples().size());
        assertEquals(6, r.result().malformedLines());
        List<String> where = r.result().problems().stream().map(p -> p.line() + ":" + p.field()).toList();
        assertEquals(List.of("3:elapsed", "4:", "5:success", "6:bytes", "7:timeStamp", "8:"), where);
        assertTrue(r.result().problems().get(1).reason().contains("expected 17 fields, found 3"));
        assertTrue(r.result().problems().get(0).toString().startsWith(r.result().path() + ":3 [elapsed]"));
    }

    /** A default row with some of its fields (index: value) replaced. */
    private static String rowWith(long ts, String... replacements) {
        String[] f = row(ts, 12, "a", "200", true).split(",", -1);
        for (int k = 0; k < replacements.length; k += 2) {
            f[Integer.parseInt(replacements[k])] = replacements[k + 1];
        }
        return String.join(",", f);
    }

    @Test
    void everyNumericFieldIsCheckedAndTheFirstBadOneIsNamed() throws IOException {
        // columns: 1 elapsed, 7 success, 9 bytes, 10 sentBytes, 12 allThreads, 14 Latency, 16 Connect
        String content = HEADER + "\n"
                + rowWith(1000, "9", "x") + "\n"
                + rowWith(1001, "10", "1.5") + "\n"
                + rowWith(1002, "12", "--1") + "\n"
                + rowWith(1003, "14", "5ms") + "\n"
                + rowWith(1004, "16", "1234567890123456789") + "\n"
                + rowWith(1005, "14", "a", "16", "b") + "\n"
                + rowWith(1006, "1", "", "9", "x") + "\n"
                + rowWith(1007, "7", "maybe", "9", "x") + "\n"
                + rowWith(1008, "9", "", "10", "", "12", "", "14", "", "16", "") + "\n"
                + rowWith(1009, "1", "-3", "9", "123456789012345678", "10", "-0", "12", "7", "14", "12345678",
                        "16", "123456789") + "\n";
        Read r = read(content, ReadOptions.defaults());
        List<String> where = r.result().problems().stream().map(p -> p.line() + ":" + p.field()).toList();
        assertEquals(List.of("2:bytes", "3:sentBytes", "4:allThreads", "5:Latency", "6:Connect", "7:Latency",
                "8:elapsed", "9:success"), where);
        assertTrue(r.result().problems().get(6).reason().contains("not a number: ''"), r.result().problems()::toString);
        assertEquals(2, r.samples().size());
        Sample empty = r.samples().get(0);
        assertEquals(List.of(12L, 0L, 0L, 0L, 0L), List.of(empty.elapsed(), empty.bytes(), empty.sentBytes(),
                (long) empty.allThreads(), empty.latency() + empty.connect()));
        Sample big = r.samples().get(1);
        assertEquals(List.of(-3L, 123456789012345678L, 0L, 7L, 12345678L, 123456789L), List.of(big.elapsed(),
                big.bytes(), big.sentBytes(), (long) big.allThreads(), big.latency(), big.connect()));
    }

    @Test
    void problemsAreBoundedButAllCounted() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 500; i++) {
            sb.append("garbage ").append(i).append('\n');
        }
        Read r = read(sb.toString(), ReadOptions.defaults().withMaxProblems(5));
        assertEquals(500, r.result().malformedLines());
        assertEquals(5, r.result().problems().size());
    }

    @Test
    void truncatedLastLineIsToleratedAndFlagged() throws IOException {
        String full = row(1001, 12, "a", "200", true);
        Read r = read(HEADER + "\n" + row(1000, 12, "a", "200", true) + "\n" + full.substring(0, full.length() / 2),
                ReadOptions.defaults());
        assertEquals(1, r.samples().size());
        assertEquals(0, r.result().malformedLines());
        assertTrue(r.result().truncatedTail());
        Read quote = read(HEADER + "\n" + row(1000, 12, "a", "200", true) + "\n1001,12,\"unclosed label",
                ReadOptions.defaults());
        assertEquals(1, quote.samples().size());
        assertTrue(quote.result().truncatedTail());
        Read whole = read(HEADER + "\n" + row(1000, 12, "a", "200", true), ReadOptions.defaults());
        assertEquals(1, whole.samples().size(), "a whole last row without line break is read");
        assertFalse(whole.result().truncatedTail());
    }

    @Test
    void missingRequiredColumnIsAClearError() throws IOException {
        ResultsReadException e = assertThrows(ResultsReadException.class,
                () -> read("timeStamp,label,responseCode\n1000,a,200\n", ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("missing required column 'elapsed'"), e.getMessage());
        assertTrue(e.getMessage().contains("results-"), "names the file: " + e.getMessage());
    }

    @Test
    void emptyMissingAndUnreadableFilesAreClearErrors() throws IOException {
        assertTrue(assertThrows(ResultsReadException.class, () -> read("", ReadOptions.defaults())).getMessage()
                .contains("is empty"));
        assertTrue(assertThrows(ResultsReadException.class, () -> read(" \n\n", ReadOptions.defaults()))
                .getMessage().contains("is empty"));
        Path missing = tmp.resolve("nope.jtl");
        ResultsReadException e = assertThrows(ResultsReadException.class, () -> read(missing, ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("nope.jtl") && e.getMessage().contains("no such file"), e.getMessage());
        ResultsReadException dir = assertThrows(ResultsReadException.class, () -> read(tmp, ReadOptions.defaults()));
        assertTrue(dir.getMessage().contains("directory"), dir.getMessage());
        Path binary = tmp.resolve("image.jtl");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertTrue(assertThrows(ResultsReadException.class, () -> read(binary, ReadOptions.defaults()))
                .getMessage().contains("not a JMeter result file"));
    }

    @Test
    void headerOnlyFileHasNoSamplesButIsNoError() throws IOException {
        Read r = read(HEADER + "\n", ReadOptions.defaults());
        assertEquals(0, r.samples().size());
        assertEquals(0, r.result().malformedLines());
    }

    @Test
    void overlongRowIsSkippedAndReadingGoesOn() throws IOException {
        String huge = "x".repeat(CsvJtlReader.MAX_ROW_BYTES + 10);
        Read r = read(HEADER + "\n" + row(1000, 12, "a", "200", true) + "\n" + huge + "\n"
                + row(1001, 13, "b", "200", true) + "\n", ReadOptions.defaults());
        assertEquals(2, r.samples().size());
        assertEquals(1, r.result().malformedLines());
    }

    @Test
    void withoutSuccessColumnHttpErrorsCountAsFailures() throws IOException {
        Read r = read("timeStamp,elapsed,label,responseCode\n1,2,a,200\n2,3,a,503\n3,4,a,Non HTTP response code: x\n",
                ReadOptions.defaults());
        assertEquals(List.of(true, false, false), r.samples().stream().map(Sample::success).toList());
    }
}
