package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * perfgate's own XML scanner ({@link XmlScanner}, {@link XmlJtlReader}): references, line breaks in values,
 * encodings, values across buffer refills, and broken or cut-off input reported with its line and field.
 */
class XmlScannerTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n";

    private record Read(FileReadResult result, List<Sample> samples) {
        List<String> labels() {
            return samples.stream().map(Sample::label).toList();
        }

        ReadProblem problem() {
            return result.problems().get(0);
        }
    }

    private static Read read(byte[] content, boolean gzip) throws ResultsReadException {
        List<Sample> samples = new ArrayList<>();
        FileReadResult r = new ResultFileReader(ReadOptions.defaults()).read("r.xml",
                new ByteArrayInputStream(content), gzip, samples::add);
        return new Read(r, samples);
    }

    private static Read read(String xml) throws ResultsReadException {
        return read(xml.getBytes(StandardCharsets.UTF_8), false);
    }

    private static String sample(String label) {
        return "<httpSample t=\"5\" ts=\"1000\" s=\"true\" lb=\"" + label + "\" rc=\"200\"/>\n";
    }

    @Test
    void referencesAndLineBreaksAreDecodedAsXmlWants() throws Exception {
        Read r = read(HEAD + sample("a &amp; b &lt;c&gt; &quot;q&quot; &apos;s&apos; &#65;&#x42;\u00e9\u20ac\ud83d\ude00")
                + "<sample t=\"7\" ts=\"1000\" s=\"false\" lb='two\nlines\ttab&#10;kept' rc=\"500\">\n"
                + "  <!-- a comment --><?pi data?>\n"
                + "  <assertionResult><failure>true</failure><failureMessage><![CDATA[<b>&amp;</b>]]> &lt;x&gt;"
                + "\r\nend</failureMessage></assertionResult>\n"
                + "</sample>\n</testResults>\n<!-- after -->\n");
        assertEquals(List.of("a & b <c> \"q\" 's' AB\u00e9\u20ac\ud83d\ude00", "two lines tab\nkept"), r.labels());
        assertEquals("<b>&amp;</b> <x>\nend", r.samples().get(1).failureMessage());
        assertEquals(0, r.result().malformedLines());
        assertFalse(r.result().truncatedTail());
    }

    @Test
    void anUndeclaredEntityStopsTheReadAtItsLine() throws Exception {
        Read r = read(HEAD + sample("one") + sample("two &xxe; three") + sample("never"));
        assertEquals(List.of("one"), r.labels());
        assertEquals(1, r.result().malformedLines());
        assertEquals(4, r.problem().line());
        assertTrue(r.problem().reason().contains("&xxe;") && r.problem().reason().contains("no DTD"),
                r.problem().reason());
    }

    @Test
    void invalidUtf8IsATypedErrorNamingTheLine() throws Exception {
        byte[] head = (HEAD + sample("one") + "<httpSample t=\"5\" ts=\"1000\" lb=\"caf").getBytes(
                StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xC3, '('}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF})) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(head);
            out.write(bad);
            out.write("\"/>\n</testResults>\n".getBytes(StandardCharsets.UTF_8));
            Read r = read(out.toByteArray(), false);
            assertEquals(List.of("one"), r.labels());
            assertEquals(1, r.result().malformedLines());
            assertEquals(4, r.problem().line());
            assertTrue(r.problem().reason().contains("UTF-8"), r.problem().reason());
        }
    }

    @Test
    void brokenStructureIsMalformedWithItsReason() throws Exception {
        String[][] cases = {
            {"<httpSample t=\"5\" ts=\"1\" lb=\"x\"></sample>\n", "does not match"},
            {"<httpSample t=\"5\" ts=\"1\" lb=x/>\n", "quoted"},
            {"<httpSample t=\"5\"ts=\"1\" lb=\"x\"/>\n", "white space"},
            {"<httpSample t=\"5\" ts=\"1\" lb=\"a<b\"/>\n", "'<'"},
            {"<httpSample t=\"5\" t=\"6\" ts=\"1\" lb=\"x\"/>\n", "twice"},
            {"<httpSample t=\"5\" ts=\"1\" lb=\"x\">\u0001</httpSample>\n", "not allowed"},
            {"<!DOCTYPE x>\n", "'<!'"},
            {"<!-- a -- b -->\n", "'--'"},
            {"<httpSample t=\"5\" ts=\"1\" lb=\"x\">&#0;</httpSample>\n", "&#0;"},
        };
        for (String[] c : cases) {
            Read r = read(HEAD + sample("one") + c[0] + sample("never") + "</testResults>\n");
            assertEquals(List.of("one"), r.labels(), c[0]);
            assertEquals(1, r.result().malformedLines(), c[0]);
            assertEquals(4, r.problem().line(), c[0]);
            assertTrue(r.problem().reason().contains(c[1]), c[0] + ": " + r.problem().reason());
        }
        Read after = read(HEAD + sample("one") + "</testResults>\n<more/>\n");
        assertEquals(List.of("one"), after.labels());
        assertEquals(1, after.result().malformedLines());
    }

    @Test
    void aFileCutOffAnywhereKeepsTheWholeSamplesAndIsTruncated() throws Exception {
        String xml = HEAD + sample("one") + sample("two") + sample("three");
        int third = xml.indexOf("<httpSample t=\"5\" ts=\"1000\" s=\"true\" lb=\"three");
        for (int cut = third; cut < xml.length(); cut += 7) {
            Read r = read(xml.substring(0, cut));
            assertEquals(List.of("one", "two"), r.labels(), "cut at " + cut);
            assertTrue(r.result().truncatedTail(), "cut at " + cut);
            assertEquals(0, r.result().malformedLines(), "cut at " + cut);
        }
        Read unclosed = read(xml);
        assertEquals(List.of("one", "two", "three"), unclosed.labels());
        assertTrue(unclosed.result().truncatedTail(), "no </testResults>: a file still being written");
    }

    @Test
    void aCutOffGzipIsTruncatedNotBroken() throws Exception {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < 20_000; i++) {
            sb.append(sample("label " + (i % 50)));
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(sb.append("</testResults>\n").toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = gz.toByteArray();
        Read r = read(java.util.Arrays.copyOf(all, all.length / 2), true);
        assertTrue(r.samples().size() > 1000 && r.samples().size() < 20_000, "samples " + r.samples().size());
        assertTrue(r.result().truncatedTail());
        assertEquals(0, r.result().malformedLines());
    }

    @Test
    void anotherDeclaredEncodingIsDecodedWithIt() throws Exception {
        String xml = "<?xml version='1.0' encoding='ISO-8859-1'?>\n<testResults>\n" + sample("caf\u00e9 \u00e0 la carte")
                + "<httpSample t=\"5\" ts=\"1000\" lb=\"\u00fc\">\n<bad></httpSample>\n</testResults>\n";
        Read r = read(xml.getBytes(Charset.forName("ISO-8859-1")), false);
        assertEquals(List.of("caf\u00e9 \u00e0 la carte"), r.labels());
        assertEquals(5, r.problem().line(), "lines are counted through the decoding");
    }

    /** Values, names and multi-byte characters across the scanner's buffer refills, and values too long for it. */
    @Test
    void valuesAcrossBufferRefillsAndHugeValuesReadExactly() throws Exception {
        Random random = new Random(21);
        StringBuilder sb = new StringBuilder(HEAD);
        List<String> expected = new ArrayList<>();
        String[] pieces = {"a", "\u00e9", "\u20ac", "\ud83d\ude00", " ", "/"};
        for (int i = 0; i < 6_000; i++) {
            StringBuilder label = new StringBuilder("L");
            int n = random.nextInt(60);
            for (int k = 0; k < n; k++) {
                label.append(pieces[random.nextInt(pieces.length)]);
            }
            expected.add(label.toString());
            sb.append("<httpSample t=\"").append(i).append("\" lt=\"3\" ts=\"1000\" s=\"true\" lb=\"").append(label)
                    .append("\" rc=\"200\" rm=\"OK\" tn=\"g 1-1\" by=\"").append(random.nextInt(100_000))
                    .append("\"/>\n");
        }
        String huge = "H".repeat(200_000) + "\u00e9";
        sb.append(sample(huge)).append("</testResults>\n");
        expected.add(TextCaps.capped(huge, TextCaps.MAX_LABEL_CHARS));
        Read r = read(sb.toString());
        List<String> labels = r.labels();
        assertEquals(expected.size(), labels.size(), r.result().problems().toString());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(expected.get(i).equals(labels.get(i)), "sample " + i); // no dump of 6,000 labels
        }
        assertEquals(5999, r.samples().get(5999).elapsed());
        ReadProblem cut = r.problem();
        assertEquals("lb", cut.field());
        assertTrue(cut.reason().contains("lb of 200001 characters"), cut.reason());
    }
}
