package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text cache's slots (length, first 32 bytes, String, number, all bytes per slot): texts that differ in one byte
 * anywhere, or only in their length, are told apart, and each keeps its String and number as the table grows.
 */
class StringCacheTest {

    /** Every text of lengths 1-80 and its look-alikes with one byte changed at each position, or one byte more. */
    private static List<String> lookAlikes() {
        List<String> texts = new ArrayList<>();
        for (int len = 1; len <= 80; len += 7) {
            String base = "GET /api/v1/resource/0123456789/abcdefghijklmnopqrstuvwxyz/0123456789/ABCDEFGHIJ"
                    .substring(0, len);
            texts.add(base);
            texts.add(base + "\0"); // the same bytes zero-padded, but one byte longer
            for (int at = 0; at < len; at += 3) {
                char[] c = base.toCharArray();
                c[at] = (char) (c[at] == 'x' ? 'y' : 'x');
                texts.add(new String(c));
            }
        }
        // texts of 32 bytes that differ in one word only (bytes 8-15, 16-23 or 24-31): enough of them that their
        // slots' probes meet, so that a word left out of the comparison would return another text
        for (int word = 1; word <= 3; word++) {
            for (int k = 0; k < 300; k++) {
                char[] c = "0123456789abcdefghijklmnopqrstuv".toCharArray();
                String digits = String.format(java.util.Locale.ROOT, "%08d", k);
                digits.getChars(0, 8, c, 8 * word);
                texts.add(new String(c));
            }
        }
        // the same bytes zero-padded to other lengths: only the length tells them apart
        for (int k = 0; k < 200; k++) {
            for (int pad = 0; pad < 4; pad++) {
                texts.add(String.format(java.util.Locale.ROOT, "%06d", k) + "\0".repeat(pad));
            }
        }
        return texts.stream().distinct().toList();
    }

    @Test
    void looksAlikesAreToldApartAndKeepTheirStringAndNumberAsTheTableGrows() {
        StringCache cache = new StringCache();
        List<String> texts = lookAlikes();
        List<String> kept = new ArrayList<>();
        for (String t : texts) {
            byte[] b = ("|" + t + "|").getBytes(StandardCharsets.UTF_8);
            String s = cache.get(b, 1, b.length - 1);
            assertEquals(t, s);
            assertEquals(kept.size(), cache.lastNumber(), t);
            kept.add(s);
        }
        // again, from other arrays and offsets, at the very end of an array too (no word read past it)
        for (int i = 0; i < texts.size(); i++) {
            byte[] middle = ("some prefix " + texts.get(i) + " and a suffix long enough").getBytes(StandardCharsets.UTF_8);
            assertSame(kept.get(i), cache.get(middle, 12, 12 + texts.get(i).length()), texts.get(i));
            assertEquals(i, cache.lastNumber());
            byte[] end = ("xy" + texts.get(i)).getBytes(StandardCharsets.UTF_8);
            assertSame(kept.get(i), cache.get(end, 2, end.length), texts.get(i));
            assertEquals(i, cache.lastNumber());
        }
    }

    @Test
    void aFullCacheStillReturnsEqualTextsWithoutNumbers() {
        StringCache cache = new StringCache();
        int i = 0;
        while (!cache.full()) {
            byte[] b = ("label " + i++).getBytes(StandardCharsets.UTF_8);
            cache.get(b, 0, b.length);
        }
        byte[] old = "label 7".getBytes(StandardCharsets.UTF_8);
        assertEquals("label 7", cache.get(old, 0, old.length));
        assertEquals(7, cache.lastNumber());
        byte[] fresh = "a text that came too late".getBytes(StandardCharsets.UTF_8);
        assertEquals("a text that came too late", cache.get(fresh, 0, fresh.length));
        assertEquals(-1, cache.lastNumber());
    }
}
