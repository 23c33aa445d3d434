package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large XML file read by several threads in parts ({@link XmlParts}) gives what one thread gives: the same samples,
 * problems with the same line numbers; and where a cut cannot be trusted (a nested sample written at the start of a
 * line, a file that breaks off or is broken in the middle), the file is read again by one thread.
 */
class XmlPartsTest {

    @TempDir
    Path tmp;

    /** The samples of a read, counted, and the threads that read them. */
    private static final class Counted implements SampleSink {
        final Map<Sample, Integer> samples = new HashMap<>();
        final Set<String> threads = new HashSet<>();

        @Override
        public void accept(Sample s) {
            samples.merge(s, 1, Integer::sum);
            threads.add(Thread.currentThread().getName());
        }

        void addAll(Counted other) {
            other.samples.forEach((s, n) -> samples.merge(s, n, Integer::sum));
            threads.addAll(other.threads);
        }
    }

    private record Read(FileReadResult result, Counted sink) {
    }

    private static Read read(Path f, int threads) throws ResultsReadException {
        ResultFileReader.ParallelRead<Counted> r = new ResultFileReader(ReadOptions.defaults()).readParallel(f,
                threads, Counted::new, Counted::addAll);
        return new Read(r.result(), r.sink());
    }

    /**
     * About 10 MB of JMeter-style XML: top-level samples at the start of a line, nested ones indented, failures
     * with assertion results, one sample with a bad attribute; {@code middle} is written at the middle.
     */
    private Path file(String middle, boolean closed) throws IOException {
        Path f = tmp.resolve("r" + System.nanoTime() + ".xml");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n");
            for (int i = 0; i < 36_000; i++) {
                if (i == 18_000) {
                    w.write(middle);
                }
                boolean failed = i % 37 == 0;
                w.write("<httpSample t=\"" + (i % 991) + "\" it=\"0\" lt=\"3\" ct=\"1\" ts=\"" + (1_700_000_000_000L + i)
                        + "\" s=\"" + !failed + "\" lb=\"GET /r" + (i % 23) + " \u00e9\" rc=\"" + (failed ? 500 : 200)
                        + "\" rm=\"OK\" tn=\"tg 1-" + (i % 9) + "\" by=\"" + i + "\" sby=\"5\" ng=\"1\" na=\"1\">\n");
                if (i % 5 == 0) {
                    w.write("  <httpSample t=\"2\" ts=\"" + (1_700_000_000_000L + i) + "\" s=\"true\" lb=\"sub-"
                            + (i % 3) + "\" rc=\"200\"/>\n");
                }
                if (failed) {
                    w.write("  <assertionResult>\n    <name>code</name>\n    <failure>true</failure>\n"
                            + "    <failureMessage>expected 200 &amp; got " + i + "</failureMessage>\n"
                            + "  </assertionResult>\n");
                }
                w.write("  <java.net.URL>http://h/r?a=1&amp;i=" + i + "</java.net.URL>\n</httpSample>\n");
                if (i == 9_000) {
                    w.write("<httpSample t=\"x\" ts=\"1\" s=\"true\" lb=\"bad\"/>\n");
                }
            }
            if (closed) {
                w.write("</testResults>\n");
            }
        }
        assertTrue(Files.size(f) > ResultFileReader.PARALLEL_THRESHOLD, "large enough for parts");
        return f;
    }

    private static void assertSame(Read one, Read parts) {
        assertEquals(one.sink().samples, parts.sink().samples);
        assertEquals(one.result().samples(), parts.result().samples());
        assertEquals(one.result().malformedLines(), parts.result().malformedLines());
        assertEquals(one.result().truncatedTail(), parts.result().truncatedTail());
        assertEquals(one.result().problems(), parts.result().problems());
    }

    private static boolean readInParts(Read r) {
        return r.sink().threads.stream().allMatch(t -> t.startsWith("perfgate-xml-part-"));
    }

    /**
     * Into the aggregation (figures only: the readers hand the label numbers over, and each thread's readers their
     * text cache and state from part to part), every label's figures are one thread's.
     */
    @Test
    void partsIntoTheAggregationGiveWhatOneThreadGives() throws Exception {
        ParallelReadTest.assertSameAsOneThread(file("", true));
    }

    @Test
    void partsGiveWhatOneThreadGives() throws Exception {
        Path f = file("", true);
        Read one = read(f, 1);
        assertEquals(36_000 + 36_000 / 5, one.result().samples());
        assertEquals(1, one.result().malformedLines());
        Read parts = read(f, 3);
        assertTrue(readInParts(parts), "read in parts: " + parts.sink().threads);
        assertSame(one, parts);
        long line = 2; // the declaration and <testResults>
        for (int i = 0; i <= 9_000; i++) {
            line += 3 + (i % 5 == 0 ? 1 : 0) + (i % 37 == 0 ? 5 : 0);
        }
        assertEquals(line + 1, one.result().problems().get(0).line(), "the bad sample's line");
    }

    @Test
    void untrustworthyCutsAndBrokenFilesAreReadByOneThread() throws Exception {
        String nestedAtLineStart = "<sample t=\"9\" ts=\"1700000000000\" s=\"true\" lb=\"tc\">\n"
                + "<httpSample t=\"4\" ts=\"1700000000000\" s=\"true\" lb=\"child\"/>\n".repeat(50_000)
                + "</sample>\n";
        Path trap = file(nestedAtLineStart, true);
        Read trapParts = read(trap, 2);
        assertTrue(!readInParts(trapParts), "a cut inside a parent sample is noticed");
        assertSame(read(trap, 1), trapParts);
        Path broken = file("<httpSample t=\"1\" ts=\"1\" <<< broken\n", true);
        Read brokenOne = read(broken, 1);
        assertEquals(2, brokenOne.result().malformedLines(), "the bad sample and the broken tag");
        assertSame(brokenOne, read(broken, 2));
        Path unclosed = file("", false);
        Read unclosedOne = read(unclosed, 1);
        assertTrue(unclosedOne.result().truncatedTail());
        assertSame(unclosedOne, read(unclosed, 2));
    }
}
