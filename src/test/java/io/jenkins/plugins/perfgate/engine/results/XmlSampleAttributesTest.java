package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * The XML reader's in-place path ({@link XmlSampleAttributes}, the word-at-a-time scanning of {@link XmlScanner}):
 * random samples in JMeter's form read exactly as the general path reads the same samples written with two spaces
 * before each attribute (a form the in-place path never takes), values, problems and lines alike, through both kinds
 * of sink; and valid samples read as the JDK's own XML parser reads their attributes.
 */
class XmlSampleAttributesTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n";
    private static final String[] ORDER = {"t", "it", "lt", "ct", "ts", "s", "lb", "rc", "rm", "tn", "dt", "by",
        "sby", "ng", "na"};

    private record Read(FileReadResult result, List<Sample> samples) {
    }

    /** The samples as a {@link FieldSink} gets them (no thread names), as Samples. */
    private static final class Fields implements FieldSink {
        final List<Sample> samples = new ArrayList<>();

        @Override
        public void accept(Sample sample) {
            samples.add(sample);
        }

        @Override
        public void accept(long timeStamp, long elapsed, String label, String responseCode, String responseMessage,
                boolean success, String failureMessage, long bytes, long sentBytes, int allThreads, long latency,
                long connect) {
            samples.add(new Sample(timeStamp, elapsed, label, responseCode, responseMessage, "", success,
                    failureMessage, bytes, sentBytes, allThreads, latency, connect));
        }
    }

    private static Read read(String xml, boolean fields) throws ResultsReadException {
        ResultFileReader reader = new ResultFileReader(ReadOptions.defaults());
        ByteArrayInputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
        if (fields) {
            Fields sink = new Fields();
            return new Read(reader.withoutThreadNames().read("r.xml", in, false, sink), sink.samples);
        }
        List<Sample> samples = new ArrayList<>();
        return new Read(reader.read("r.xml", in, false, samples::add), samples);
    }

    /** A value for attribute {@code name}: mostly JMeter's, sometimes another form, some of them wrong. */
    private static String value(String name, Random r, boolean odd) {
        if (odd && r.nextInt(4) == 0) {
            String[] others = {"", " 12", "-5", "1e3", "&#49;2", "0x1F", "12 ", "00000000000000000000007",
                "123456789012345678", "1234567890123456789", "TRUE", "False", "yes", "1\n2", "\u00e9", "&amp;",
                "2024/01/02 03:04:05", "99999999", "100000000", "9".repeat(16), "9".repeat(17)};
            return others[r.nextInt(others.length)];
        }
        return switch (name) {
            case "ts" -> Long.toString(1_700_000_000_000L + r.nextInt(1_000_000));
            case "s" -> r.nextInt(5) == 0 ? "false" : "true";
            case "lb" -> r.nextBoolean() ? "GET /api/v1/r" + r.nextInt(20) : "l\u00e9 &lt;" + r.nextInt(5) + "&gt;";
            case "rc" -> r.nextInt(5) == 0 ? "500" : "200";
            case "rm" -> r.nextInt(7) == 0 ? "Number of samples in transaction : 3, number of failing samples : 0"
                    : r.nextBoolean() ? "OK" : "Internal Server Error";
            case "tn" -> "Users 1-" + r.nextInt(30);
            case "dt" -> "text";
            default -> Long.toString(r.nextInt(8) == 0 ? r.nextLong(1L << 50) : r.nextInt(1 << r.nextInt(31)));
        };
    }

    /** Random samples; {@code spaces} before each attribute. */
    private static String document(long seed, int samples, boolean odd, String spaces) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < samples; i++) {
            List<String> names = new ArrayList<>(List.of(ORDER));
            if (odd && r.nextInt(10) == 0) {
                names.remove(r.nextInt(names.size()));
            }
            if (odd && r.nextInt(10) == 0) {
                names.add(r.nextInt(names.size()), r.nextBoolean() ? "varname" : "xyz");
            }
            if (odd && r.nextInt(15) == 0) {
                java.util.Collections.swap(names, r.nextInt(names.size()), r.nextInt(names.size()));
            }
            if (odd && r.nextInt(400) == 0) {
                names.add(names.get(r.nextInt(names.size()))); // twice in one element: stops the read
            }
            String element = r.nextInt(30) == 0 ? "sample" : "httpSample";
            sb.append('<').append(element);
            for (String name : names) {
                char quote = odd && r.nextInt(40) == 0 ? '\'' : '"';
                String eq = odd && r.nextInt(60) == 0 ? "= " : "=";
                sb.append(spaces).append(name).append(eq).append(quote).append(value(name, r, odd)).append(quote);
            }
            if (r.nextBoolean()) {
                sb.append("/>\n");
            } else {
                sb.append(">\n  <java.net.URL>http://h:8080/p?q=1&amp;r=").append(i).append("</java.net.URL>\n</")
                        .append(element).append(">\n");
            }
        }
        return sb.append("</testResults>\n").toString();
    }

    @Test
    void inPlaceReadingIsTheGeneralPathsReading() throws Exception {
        for (long seed = 0; seed < 120; seed++) {
            boolean odd = seed % 4 != 0;
            int samples = seed % 10 == 0 ? 1_500 : 60; // some across the scanner's buffer refills
            String jmeter = document(seed, samples, odd, " ");
            String general = document(seed, samples, odd, "  ");
            for (boolean fields : new boolean[] {false, true}) {
                Read fast = read(jmeter, fields);
                Read slow = read(general, fields);
                String what = "seed " + seed + (fields ? ", fields" : ", samples");
                assertEquals(slow.result().problems().toString(), fast.result().problems().toString(), what);
                assertEquals(slow.result().samples(), fast.result().samples(), what);
                assertEquals(slow.samples().size(), fast.samples().size(), what);
                for (int i = 0; i < slow.samples().size(); i++) { // one by one: no dump of all samples
                    assertEquals(slow.samples().get(i), fast.samples().get(i), what + ", sample " + i);
                }
                if (!odd) {
                    assertEquals(samples, fast.samples().size(), what);
                }
            }
        }
    }

    @Test
    void validSamplesReadAsTheJdksParserReadsThem() throws Exception {
        String xml = document(7, 3_000, false, " ");
        List<Sample> read = read(xml, false).samples();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader x = factory.createXMLStreamReader(new StringReader(xml));
        int i = 0;
        while (x.hasNext()) {
            if (x.next() != XMLStreamConstants.START_ELEMENT || x.getLocalName().equals("testResults")
                    || x.getLocalName().equals("java.net.URL")) {
                continue;
            }
            Sample s = read.get(i++);
            String at = "sample " + i;
            assertEquals(Long.parseLong(x.getAttributeValue(null, "ts")), s.timeStamp(), at);
            assertEquals(Long.parseLong(x.getAttributeValue(null, "t")), s.elapsed(), at);
            assertEquals(Long.parseLong(x.getAttributeValue(null, "lt")), s.latency(), at);
            assertEquals(Long.parseLong(x.getAttributeValue(null, "ct")), s.connect(), at);
            assertEquals(Long.parseLong(x.getAttributeValue(null, "by")), s.bytes(), at);
            assertEquals(Long.parseLong(x.getAttributeValue(null, "sby")), s.sentBytes(), at);
            assertEquals(Math.min(Integer.MAX_VALUE, Long.parseLong(x.getAttributeValue(null, "na"))), s.allThreads(),
                    at);
            assertEquals(Boolean.parseBoolean(x.getAttributeValue(null, "s")), s.success(), at);
            assertEquals(x.getAttributeValue(null, "lb"), s.label(), at);
            assertEquals(x.getAttributeValue(null, "rc"), s.responseCode(), at);
            assertEquals(x.getAttributeValue(null, "rm"), s.responseMessage(), at);
            assertEquals(x.getAttributeValue(null, "tn"), s.threadName(), at);
        }
        assertEquals(read.size(), i);
        assertTrue(i > 2_000);
    }
}
