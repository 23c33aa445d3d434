package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XML result files: sub-results, assertion messages, hostile and broken XML. */
class XmlReadingTest {

    @TempDir
    Path tmp;

    private static final String NESTED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testResults version="1.2">
            <httpSample t="300" it="0" lt="20" ct="5" ts="1000" s="true" lb="home" rc="200" rm="OK" tn="tg 1-1" by="900" sby="100" ng="1" na="2">
              <httpSample t="100" lt="20" ct="5" ts="1000" s="true" lb="home-0" rc="302" rm="Found" tn="tg 1-1" by="100" sby="50"/>
              <httpSample t="200" lt="30" ct="0" ts="1100" s="true" lb="home-1" rc="200" rm="OK" tn="tg 1-1" by="800" sby="50">
                <httpSample t="50" ts="1150" s="true" lb="home-1-0" rc="200"/>
              </httpSample>
            </httpSample>
            <sample t="900" ts="2000" s="false" lb="checkout" rc="200" rm="Number of samples in transaction : 1, number of failing samples : 1" tn="tg 1-1">
              <assertionResult><name>ok</name><failure>false</failure><error>false</error></assertionResult>
              <assertionResult><name>price</name><failure>true</failure><error>false</error><failureMessage>price missing</failureMessage></assertionResult>
              <httpSample t="900" ts="2000" s="false" lb="pay" rc="500" rm="Server Error" tn="tg 1-1">
                <responseData class="java.lang.String">&lt;html&gt;oops</responseData>
              </httpSample>
            </sample>
            </testResults>
            """;

    private record Read(FileReadResult result, List<Sample> samples) {
    }

    private Read read(String xml, ReadOptions options) throws IOException {
        Path f = tmp.resolve("r" + System.nanoTime() + ".xml");
        Files.writeString(f, xml);
        List<Sample> samples = new ArrayList<>();
        return new Read(new ResultFileReader(options).read(f, samples::add), samples);
    }

    private static List<String> labels(Read r) {
        return r.samples().stream().map(Sample::label).sorted().toList();
    }

    @Test
    void subResultsAreRowsOfTheirOwnByDefaultLikeJMetersCsvWriter() throws IOException {
        Read r = read(NESTED, ReadOptions.defaults());
        assertEquals(List.of("checkout", "home", "home-0", "home-1", "home-1-0", "pay"), labels(r));
        Sample pay = r.samples().stream().filter(s -> s.label().equals("pay")).findFirst().orElseThrow();
        assertFalse(pay.success());
        assertEquals("500", pay.responseCode());
        Sample home = r.samples().stream().filter(s -> s.label().equals("home")).findFirst().orElseThrow();
        assertEquals(300, home.elapsed());
        assertEquals(20, home.latency());
        assertEquals(5, home.connect());
        assertEquals(900, home.bytes());
        assertEquals(100, home.sentBytes());
        assertEquals(2, home.allThreads());
        Sample checkout = r.samples().stream().filter(s -> s.label().equals("checkout")).findFirst().orElseThrow();
        assertEquals("price missing", checkout.failureMessage());
        assertTrue(checkout.transactionParent());
    }

    @Test
    void topLevelOnlyOnRequest() throws IOException {
        Read r = read(NESTED, ReadOptions.defaults().withSubResults(SubResultMode.TOP_LEVEL_ONLY));
        assertEquals(List.of("checkout", "home"), labels(r));
    }

    @Test
    void externalEntityIsRefusedWithoutBeingRead() throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger hits = new AtomicInteger();
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            for (String doctype : List.of(
                    "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
                    "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + url + "\">]>",
                    "<!DOCTYPE r SYSTEM \"" + url + "\">",
                    "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>")) {
                String xml = "<?xml version=\"1.0\"?>" + doctype + "<testResults><httpSample t=\"1\" ts=\"1\" "
                        + "s=\"true\" lb=\"&xxe;\"/></testResults>";
                ResultsReadException e = assertThrows(ResultsReadException.class,
                        () -> read(xml, ReadOptions.defaults()), doctype);
                assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
                assertTrue(e.getMessage().contains("DOCTYPE") || e.getMessage().contains("entity"), e.getMessage());
            }
            assertEquals(0, hits.get(), "no external entity or DTD was fetched");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void billionLaughsIsRefusedQuickly() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        String xml = "<?xml version=\"1.0\"?>" + dtd + "<testResults><httpSample t=\"1\" ts=\"1\" s=\"true\" "
                + "lb=\"&lol9;\"/></testResults>";
        long t0 = System.nanoTime();
        ResultsReadException e = assertThrows(ResultsReadException.class, () -> read(xml, ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "no expansion happened");
    }

    @Test
    void cutOffXmlKeepsTheSamplesReadAndIsFlaggedAsTruncated() throws IOException {
        String cut = NESTED.substring(0, NESTED.indexOf("<sample t=\"900\"") + 30);
        Read r = read(cut, ReadOptions.defaults());
        assertEquals(List.of("home", "home-0", "home-1", "home-1-0"), labels(r));
        assertTrue(r.result().truncatedTail());
        assertEquals(0, r.result().malformedLines());
    }

    @Test
    void brokenXmlInTheMiddleIsMalformedAndKeepsWhatCameBefore() throws IOException {
        StringBuilder sb = new StringBuilder("<testResults>\n");
        for (int i = 0; i < 2000; i++) {
            sb.append("<httpSample t=\"").append(i).append("\" ts=\"1000\" s=\"true\" lb=\"a\"/>\n");
        }
        sb.append("<httpSample t=\"1\" ts=\"1\" <<< broken\n");
        for (int i = 0; i < 2000; i++) {
            sb.append("<httpSample t=\"1\" ts=\"1000\" s=\"true\" lb=\"b\"/>\n");
        }
        sb.append("</testResults>\n");
        Read r = read(sb.toString(), ReadOptions.defaults());
        assertEquals(2000, r.samples().size());
        assertEquals(1, r.result().malformedLines());
        assertEquals(2002, r.result().problems().get(0).line());
        assertFalse(r.result().truncatedTail());
    }

    @Test
    void badAttributesSkipOneSample() throws IOException {
        Read r = read("<testResults><httpSample t=\"x\" ts=\"1\" s=\"true\" lb=\"a\"/>\n"
                + "<httpSample t=\"1\" ts=\"1\" s=\"maybe\" lb=\"a\"/>\n<httpSample t=\"1\" ts=\"1\" s=\"true\"/>\n"
                + "<httpSample t=\"4\" ts=\"1\" s=\"true\" lb=\"ok\"/></testResults>", ReadOptions.defaults());
        assertEquals(List.of("ok"), labels(r));
        assertEquals(3, r.result().malformedLines());
        assertEquals(List.of("t", "s", "lb"), r.result().problems().stream().map(p -> p.field()).toList());
    }

    @Test
    void otherXmlIsNotAResultFile() throws IOException {
        ResultsReadException e = assertThrows(ResultsReadException.class,
                () -> read("<html><body>hi</body></html>", ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("<html>"), e.getMessage());
    }
}
