package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the reader of one part of an XML file hands to the reader of the next part on the same thread
 * ({@link XmlParts}), as {@code CsvJtlReader.TextCaches} does for CSV: the text cache (so that a part's labels are
 * the previous part's Strings, with the same numbers, which the aggregation finds its label state by), the order of
 * a sample's attributes ({@link XmlSampleAttributes}), the open samples' fields and the names of the elements last
 * seen at each depth. A fresh reader met all of these empty at its first samples: branches the compiled reading loop
 * had never seen taken, which threw it away at the start of every part (docs/performance.md, "XML"). Not
 * thread-safe: one reader at a time.
 */
final class XmlThreadState {

    /** The kinds of element the reader tells apart. */
    static final int OTHER = 0;
    static final int SAMPLE = 1;
    static final int ASSERTION = 2;
    static final int FAILED = 3;
    static final int FAILURE_MESSAGE = 4;

    final StringCache cache = new StringCache();
    final XmlSampleAttributes inPlace = new XmlSampleAttributes();
    /** The fields of the samples open at each depth, made once. */
    final XmlSampleFields[] open = new XmlSampleFields[XmlJtlReader.MAX_DEPTH];
    /** The name of the element open, or last open, at each depth (whole words: {@link XmlScanner#nameIsNext}). */
    final byte[][] names = new byte[XmlJtlReader.MAX_ELEMENT_DEPTH][];
    final int[] nameLengths = new int[XmlJtlReader.MAX_ELEMENT_DEPTH];
    /** The kind of the element of {@link #names} at each depth. */
    final int[] kinds = new int[XmlJtlReader.MAX_ELEMENT_DEPTH];

    /** Keeps the name just read ({@code n} bytes at the scanner's name) as the element's at {@code depth}; its kind. */
    int keepName(XmlScanner sc, int depth, int n) {
        byte[] slot = names[depth];
        if (slot == null || slot.length < n) {
            slot = new byte[Math.max(32, (n + 7) & ~7)]; // whole words (XmlScanner.nameIsNext)
            names[depth] = slot;
        }
        System.arraycopy(sc.buf, sc.nameFrom, slot, 0, n);
        nameLengths[depth] = n;
        return depth == 0 ? OTHER : kind(sc, n);
    }

    private static int kind(XmlScanner sc, int n) {
        if (sc.nameIs(n, "httpSample") || sc.nameIs(n, "sample")) {
            return SAMPLE;
        } else if (sc.nameIs(n, "assertionResult")) {
            return ASSERTION;
        } else if (sc.nameIs(n, "failure") || sc.nameIs(n, "error")) {
            return FAILED;
        } else if (sc.nameIs(n, "failureMessage")) {
            return FAILURE_MESSAGE;
        }
        return OTHER;
    }

    /**
     * Reads the name of the end tag of the element at {@code top} when it did not simply come next in the buffer
     * ({@link XmlScanner#nameIsNext}): an error when it is another name.
     */
    void endName(XmlScanner sc, int top) throws IOException, XmlError {
        int n = sc.name("after '</'");
        if (n != nameLengths[top] || !Arrays.equals(sc.buf, sc.nameFrom, sc.nameFrom + n, names[top], 0, n)) {
            throw sc.error("the end tag </" + sc.nameText(Math.min(n, 100)) + "> does not match <" + name(top) + ">");
        }
    }

    /** The name of the element at {@code depth}. */
    String name(int depth) {
        return new String(names[depth], 0, nameLengths[depth], StandardCharsets.UTF_8);
    }
}
