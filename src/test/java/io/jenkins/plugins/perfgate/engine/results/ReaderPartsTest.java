package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small parts of the readers: string cache, timestamps, options, layout detection. */
class ReaderPartsTest {

    @Test
    void stringCacheReusesStringsAndStaysCorrectWhenFull() {
        StringCache cache = new StringCache();
        byte[] a = "xx Thread Group 1-17 yy".getBytes(StandardCharsets.UTF_8);
        byte[] b = "Thread Group 1-17".getBytes(StandardCharsets.UTF_8);
        String first = cache.get(a, 3, 20);
        assertEquals("Thread Group 1-17", first);
        assertSame(first, cache.get(b, 0, b.length));
        for (int i = 0; i < 20_000; i++) {
            byte[] k = ("Thread Group 1-" + i).getBytes(StandardCharsets.UTF_8);
            assertEquals("Thread Group 1-" + i, cache.get(k, 0, k.length));
        }
        byte[] utf8 = "Überweisung – 送金".getBytes(StandardCharsets.UTF_8);
        assertEquals("Überweisung – 送金", cache.get(utf8, 0, utf8.length));
        assertNotSame(cache.get(b, 0, 5), cache.get(b, 0, 6));
        assertEquals("", cache.get(b, 3, 3));
    }

    /** Kept texts are numbered in the order they came, each always with its number; others have none (-1). */
    @Test
    void stringCacheNumbersTheTextsItKeeps() {
        StringCache cache = new StringCache();
        byte[] buf = "GET /a|GET /b|GET /a|".getBytes(StandardCharsets.UTF_8);
        String a = cache.get(buf, 0, 6);
        assertEquals(0, cache.lastNumber());
        cache.get(buf, 7, 13);
        assertEquals(1, cache.lastNumber());
        assertSame(a, cache.get(buf, 14, 20));
        assertEquals(0, cache.lastNumber());
        cache.get(buf, 3, 3);
        assertEquals(-1, cache.lastNumber(), "the empty text");
        byte[] tail = "GET /b".getBytes(StandardCharsets.UTF_8); // at the very end of its array: copied, then looked up
        cache.get(tail, 0, tail.length);
        assertEquals(1, cache.lastNumber());
        byte[] longText = ("x".repeat(600) + "|padding").getBytes(StandardCharsets.UTF_8);
        cache.get(longText, 0, 600);
        assertEquals(-1, cache.lastNumber(), "too long to keep");
        for (int i = 2; !cache.full(); i++) {
            byte[] k = ("label " + i + "|padding").getBytes(StandardCharsets.UTF_8);
            cache.get(k, 0, k.length - 8);
            assertEquals(i, cache.lastNumber());
        }
        byte[] late = "one more|padding".getBytes(StandardCharsets.UTF_8);
        cache.get(late, 0, 8);
        assertEquals(-1, cache.lastNumber(), "not kept once full");
        cache.get(buf, 7, 13);
        assertEquals(1, cache.lastNumber());
    }

    /**
     * Look-alike texts of every length around the word boundaries (the masked three-word compare up to 32 bytes,
     * the word loop above), anywhere in a buffer of other bytes including its very end, always give their own text.
     */
    @Test
    void stringCacheTellsLookAlikesApartAtEveryLength() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(21);
        StringCache cache = new StringCache();
        for (int i = 0; i < 200_000; i++) {
            int len = random.nextInt(1, 42);
            char[] text = new char[len];
            for (int k = 0; k < len; k++) {
                text[k] = "ab".charAt(random.nextInt(2)); // few letters: many texts share all but one byte
            }
            byte[] body = new String(text).getBytes(StandardCharsets.US_ASCII);
            int before = random.nextInt(0, 9);
            int after = random.nextInt(3) == 0 ? 0 : random.nextInt(1, 40);
            byte[] buf = new byte[before + len + after];
            for (int k = 0; k < buf.length; k++) {
                buf[k] = (byte) "ab".charAt(random.nextInt(2));
            }
            System.arraycopy(body, 0, buf, before, len);
            assertEquals(new String(text), cache.get(buf, before, before + len));
        }
    }

    /**
     * Texts that differ in one byte at the end or in the middle (labels of other generators, thread names) land
     * in different slots: the hash once kept "GET /api/v1/resource1".."9" in one slot and every lookup walked
     * the chain (issue 21). Longest probe with the old hash: 9 here.
     */
    @Test
    void stringCacheSpreadsLookAlikeTexts() {
        String[][] families = {
            {"GET /api/v1/resource%d", "20"}, {"Load Users 1-%d", "50"}, {"GET /api/v1/%d/orders/items", "30"},
            {"POST /api/v1/users/%04d/cart", "40"}};
        for (String[] family : families) {
            StringCache cache = new StringCache();
            for (int i = 0; i < Integer.parseInt(family[1]); i++) {
                byte[] k = (String.format(family[0], i) + "|padding").getBytes(StandardCharsets.UTF_8);
                cache.get(k, 0, k.length - 8);
            }
            assertTrue(cache.longestProbe() <= 6, family[0] + ": longest probe " + cache.longestProbe());
        }
    }

    @Test
    void digitsParsedEightAtATimeAgreeWithLongParseLong() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        String alphabet = "0123456789012345678901234567890123456789/:;-+ ,\u00ff";
        for (int i = 0; i < 300_000; i++) {
            StringBuilder text = new StringBuilder();
            int len = random.nextInt(0, 21);
            boolean digitsOnly = random.nextInt(4) != 0;
            for (int k = 0; k < len; k++) {
                text.append(digitsOnly ? (char) ('0' + random.nextInt(10))
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // around the text: other bytes, and the text sometimes at the very end of the array
            int before = random.nextInt(0, 9);
            int after = random.nextInt(3) == 0 ? 0 : random.nextInt(1, 9);
            byte[] body = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] buf = new byte[before + body.length + after];
            for (int k = 0; k < buf.length; k++) {
                buf[k] = (byte) random.nextInt(256);
            }
            System.arraycopy(body, 0, buf, before, body.length);
            String t = text.toString();
            long expected = !t.isEmpty() && t.length() <= 18 && t.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Long.parseLong(t) : Digits.INVALID;
            assertEquals(expected, Digits.parse(buf, before, before + body.length), "'" + t + "'");
            // the inlined fast path: the same value where it applies, INVALID (parse's turn) elsewhere
            int to = before + body.length;
            long small = t.length() <= 8 && to >= 8 ? expected : Digits.INVALID;
            assertEquals(small, Digits.upToEight(buf, before, to), "'" + t + "' up to eight");
        }
    }

    @Test
    void timestamps() {
        TimestampParser p = new TimestampParser(Optional.of("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"), ZoneOffset.UTC);
        byte[] ms = "1700000000123".getBytes(StandardCharsets.UTF_8);
        assertEquals(1_700_000_000_123L, p.parse(ms, 0, ms.length));
        assertEquals(1_700_000_000_123L, p.parseText("2023-11-14T23:13:20.123+01:00"));
        assertEquals(Long.MIN_VALUE, p.parseText("2023-20-14T23:13:20.123Z"), "month 20 is no date");
        assertEquals(Long.MIN_VALUE, p.parseText("soon"));
        assertEquals(Long.MIN_VALUE, p.parseText(""));
        new TimestampParser(Optional.of("ms"), ZoneOffset.UTC); // JMeter's own value for milliseconds
    }

    @Test
    void optionsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.defaults().withDelimiter('"'));
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.defaults().withDelimiter('\n'));
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.defaults().withTimestampFormat("yyyy-{{"));
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.defaults().withColumns(List.of("a", " ")));
        assertThrows(IllegalArgumentException.class, () -> ReadOptions.defaults().withMaxProblems(-1));
    }

    @Test
    void layoutDetection() throws ResultsReadException {
        CsvLayout header = CsvLayout.detect("f", "timestamp;Elapsed;LABEL;\"myVar\"", ReadOptions.defaults());
        assertEquals(';', header.delimiter());
        assertEquals(List.of("timeStamp", "elapsed", "label", "myVar"), header.columns());
        CsvLayout sixteen = CsvLayout.detect("f", "1|2|a|200|OK|t|text|true||1|2|1|1|5|0|3", ReadOptions.defaults());
        assertEquals(JMeterColumns.JMETER_3_DEFAULT, sixteen.columns());
        assertEquals('|', sixteen.delimiter());
        assertEquals(List.of("a,b", "c\"d", ""), CsvLayout.split("\"a,b\",\"c\"\"d\",", ','));
        ResultsReadException e = assertThrows(ResultsReadException.class,
                () -> CsvLayout.detect("f", "1,2,3,4", ReadOptions.defaults()));
        assertEquals(true, e.getMessage().contains("4 fields"));
    }
}
