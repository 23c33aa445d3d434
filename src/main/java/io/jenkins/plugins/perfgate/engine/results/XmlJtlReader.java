package io.jenkins.plugins.perfgate.engine.results;

import static io.jenkins.plugins.perfgate.engine.results.XmlThreadState.ASSERTION;
import static io.jenkins.plugins.perfgate.engine.results.XmlThreadState.FAILED;
import static io.jenkins.plugins.perfgate.engine.results.XmlThreadState.FAILURE_MESSAGE;
import static io.jenkins.plugins.perfgate.engine.results.XmlThreadState.SAMPLE;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Streams an XML result file ({@code <testResults>} with {@code <httpSample>}/{@code <sample>} elements) into
 * samples. The file is read by perfgate's own scanner ({@link XmlScanner}), not a general XML parser: a result file
 * is a flat list of elements with attributes, and a parser that resolves namespaces, builds attribute tables and
 * decodes every character costs several times the CSV reader's work per byte. It checks what a well-formed file
 * must be (matching tags, quoted attributes, strict UTF-8, legal characters and references) and stops at the first
 * error with the line. DTDs are refused outright (no DOCTYPE in a JMeter result file; refusing it stops external
 * entities and entity expansion bombs before any entity is read), and only the five predefined entities and
 * character references exist. A file that declares another encoding than UTF-8 is decoded with it first. Nested
 * samples are sub-results: rows of their own by default, as JMeter's CSV writer saves them
 * ({@link SubResultMode}). Not thread-safe.
 */
final class XmlJtlReader {

    /** JMeter's CSV writer saves sub-results up to 10 recursion levels below the top-level sample. */
    static final int MAX_ROW_DEPTH = 12;
    /** Nesting beyond this is not a JMeter file (guards the stack against hostile input). */
    static final int MAX_DEPTH = 64;
    /** Elements of any kind nested deeper than this are not a JMeter file either. */
    static final int MAX_ELEMENT_DEPTH = 256;

    /** Bytes kept in the scanner's buffer ahead of each element: more than a JMeter sample's start tag. */
    private static final int AHEAD = 4096;


    private final ReadProgress progress;
    private final ReadOptions options;
    private final ProblemLog log;
    private final SampleSink sink;
    /** The sink when it takes figures without a Sample and no thread names are wanted, else null. */
    private final FieldSink fields;
    private final TimestampParser timestamps;
    private final StringCache cache;
    private final XmlSampleAttributes inPlace;
    private long samples;

    private final XmlThreadState state;
    private final XmlSampleFields[] open;
    private int openSamples;
    private final byte[][] names;
    private final int[] nameLengths;
    private final int[] kinds;
    private int depth;
    private boolean inAssertion;
    private boolean assertionFailed;
    private String assertionMessage = "";
    private long assertionMessageLength;
    /** The kind of element whose text is being collected ({@link #FAILED}, {@link #FAILURE_MESSAGE}), or 0. */
    private int collecting;
    /** Reading a part of a file that ends between two top-level samples ({@link #readPart}). */
    private boolean partEnds;
    private long lines;

    /** @param progress where to report the samples read, every few thousand; may be null */
    XmlJtlReader(ReadOptions options, ProblemLog log, SampleSink sink, boolean threadNames, ReadProgress progress) {
        this(options, log, sink, threadNames, progress, new XmlThreadState());
    }

    /** A reader that takes over what the reader before it on this thread left ({@code state}). */
    XmlJtlReader(ReadOptions options, ProblemLog log, SampleSink sink, boolean threadNames, ReadProgress progress,
            XmlThreadState state) {
        this.state = state;
        this.cache = state.cache;
        this.inPlace = state.inPlace;
        this.open = state.open;
        this.names = state.names;
        this.nameLengths = state.nameLengths;
        this.kinds = state.kinds;
        this.progress = progress;
        this.options = options;
        this.log = log;
        this.sink = sink;
        this.fields = !threadNames && sink instanceof FieldSink f ? f : null;
        this.timestamps = new TimestampParser(options.timestampFormat(), options::zone);
    }

    long samples() {
        return samples;
    }

    /** Line breaks read (for the line numbers of the next part). */
    long linesRead() {
        return lines;
    }

    /**
     * Reads one part of a UTF-8 file cut before top-level samples ({@link XmlParts}): the first part from the file's
     * start, the others from inside the root element; every part but the last must end between top-level samples.
     *
     * @return false when the part did not end cleanly or met an error that stops a read (or the file declares
     *         another encoding): the file must then be read by one thread
     */
    boolean readPart(InputStream in, boolean first, boolean last) throws ResultsReadException {
        XmlScanner sc = new XmlScanner(in, 1);
        partEnds = !last;
        try {
            if (first) {
                if (XmlProlog.declaration(sc, log.file()) != sc) {
                    return false;
                }
                startTag(sc, XmlProlog.prolog(sc, log.file()));
            } else {
                names[0] = Arrays.copyOf("testResults".getBytes(StandardCharsets.US_ASCII), 32); // whole words
                nameLengths[0] = "testResults".length();
                depth = 1;
            }
            elements(sc);
            if (depth > 0 || !last) {
                return depth == 1 && openSamples == 0 && collecting == 0 && !last;
            }
            XmlProlog.epilog(sc);
            return true;
        } catch (XmlError e) {
            if (last) { // the parts before it ended cleanly: the read with one thread would stop here too
                report(e);
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new ResultsReadException(log.file() + ": cannot read: " + e.getMessage(), e);
        } finally {
            lines = sc.line() - 1;
            if (progress != null) {
                progress.add(0, samples & 4095);
            }
        }
    }

    void read(InputStream raw) throws ResultsReadException {
        try {
            readAll(raw);
        } catch (IOException e) {
            throw new ResultsReadException(log.file() + ": cannot read: " + e.getMessage(), e);
        } finally {
            if (progress != null) {
                progress.add(0, samples & 4095); // those not reported yet
            }
        }
    }

    private void readAll(InputStream raw) throws ResultsReadException, IOException {
        XmlScanner sc = new XmlScanner(raw, 1);
        try {
            sc = XmlProlog.declaration(sc, log.file());
            startTag(sc, XmlProlog.prolog(sc, log.file()));
            elements(sc);
            XmlProlog.epilog(sc);
        } catch (XmlError e) {
            report(e);
        }
    }

    private void report(XmlError e) {
        if (e.endsEarly) {
            log.truncatedTail(e.line, "the XML ends early: " + e.getMessage());
        } else {
            log.malformed(e.line, "", "XML is not well-formed, the rest of the file is skipped: " + e.getMessage());
        }
    }

    /** Everything inside the root element, up to its end tag. */
    private void elements(XmlScanner sc) throws IOException, XmlError, ResultsReadException {
        while (depth > 0) {
            sc.keepAhead(AHEAD);
            boolean more = collecting != 0 ? sc.collectContent() : sc.skipContent();
            if (!more && partEnds) {
                return; // the end of a part: the caller checks where it is
            }
            if (!more) {
                throw sc.endsEarly("before </" + state.name(depth - 1) + ">");
            }
            long line = sc.line();
            sc.skip(1);
            int c = sc.peek();
            if (c == '/') {
                sc.skip(1);
                endTag(sc);
            } else if (c == '!') {
                if (sc.lookingAt("!--")) {
                    sc.skip(3);
                    sc.passUntil("-->", false, "inside a comment");
                } else if (sc.lookingAt("![CDATA[")) {
                    sc.skip(8);
                    sc.passUntil("]]>", collecting != 0, "inside a CDATA section");
                } else {
                    throw sc.error("'<!' is only allowed for comments and CDATA sections inside the document");
                }
            } else if (c == '?') {
                sc.skip(1);
                XmlProlog.instructionBody(sc);
            } else if (collecting != 0) {
                throw sc.error("an element inside <" + (collecting == FAILED ? "failure" : "failureMessage")
                        + ">, which holds text only");
            } else {
                startTag(sc, line);
            }
        }
    }

    private void startTag(XmlScanner sc, long line) throws IOException, XmlError, ResultsReadException {
        int kind;
        if (depth > 0 && depth < MAX_ELEMENT_DEPTH && sc.nameIsNext(names[depth], nameLengths[depth])) {
            kind = kinds[depth]; // the name of the element before at this depth, and so its kind
        } else {
            kind = newName(sc);
        }
        XmlSampleFields sample = null;
        if (kind == SAMPLE) {
            if (openSamples >= MAX_DEPTH) {
                throw new ResultsReadException(log.file() + ":" + line + ": samples nested more than " + MAX_DEPTH
                        + " levels deep");
            }
            sample = open[openSamples];
            if (sample == null) {
                sample = new XmlSampleFields(fields == null);
                open[openSamples] = sample;
            }
            sample.reset(line, openSamples + 1);
        }
        boolean empty = attributes(sc, sample);
        kinds[depth++] = kind;
        if (sample != null) {
            sample.finish();
            openSamples++;
        } else if (kind == ASSERTION && openSamples > 0) {
            inAssertion = true;
            assertionFailed = false;
            assertionMessage = "";
            assertionMessageLength = 0;
        } else if (inAssertion && (kind == FAILED || kind == FAILURE_MESSAGE)) {
            collecting = kind;
            sc.clearText();
        }
        if (empty) {
            depth--;
            end(sc, kind);
        }
    }

    /** Reads the name of a start tag, keeps it for its end tag; its kind. */
    private int newName(XmlScanner sc) throws IOException, XmlError, ResultsReadException {
        int n = sc.name("after '<'");
        if (depth == 0 && !sc.nameIs(n, "testResults")) {
            throw new ResultsReadException(log.file() + ": not a JMeter result file: the root element is <"
                    + sc.nameText(Math.min(n, 100)) + ">, not <testResults>");
        }
        if (depth >= MAX_ELEMENT_DEPTH) {
            throw sc.error("elements nested more than " + MAX_ELEMENT_DEPTH + " levels deep");
        }
        return state.keepName(sc, depth, n);
    }

    /** Reads the attributes of a start tag, a sample's into its fields; whether the element is empty ("/>"). */
    private boolean attributes(XmlScanner sc, XmlSampleFields sample) throws IOException, XmlError {
        if (sample != null) {
            inPlace.startTag();
        }
        while (true) {
            if (sample != null) {
                if (inPlace.next(sc, sample, cache, timestamps)) {
                    continue; // as at this place in the sample before
                }
                // the usual attribute: one space, a short name JMeter writes, '=' (no name check, no space)
                long word = sc.shortName();
                int id = word == 0 ? -1 : XmlSampleFields.knownId(word);
                if (id >= 0) {
                    int length = XmlSampleFields.knownLength(word);
                    sc.takeShortName(length);
                    if (sc.buf[sc.pos] == '"') {
                        inPlace.learn(word, length, id);
                    } else {
                        inPlace.forget();
                        sc.space(); // as below: white space may follow the '='
                    }
                    sc.value();
                    if (id != XmlSampleFields.IGNORED) {
                        sample.set(id, sc, cache, timestamps);
                    }
                    continue;
                }
            }
            boolean space = sc.space();
            int c = sc.peek();
            if (c == '>') {
                sc.skip(1);
                return false;
            }
            if (c == '/') {
                sc.skip(1);
                sc.expect(">", "after '/' in a start tag");
                return true;
            }
            if (c < 0) {
                throw sc.endsEarly("inside a start tag");
            }
            if (!space) {
                throw sc.error("white space is needed before an attribute, found " + XmlScanner.shown((byte) c));
            }
            int n = sc.name("for an attribute");
            int id = -1;
            if (sample != null) {
                id = XmlSampleFields.id(sc.buf, sc.nameFrom, n);
                inPlace.forget();
            }
            if (sc.peek() == '=') {
                sc.skip(1);
            } else {
                sc.space();
                sc.expect("=", "after an attribute name");
            }
            if (sc.peek() != '"') {
                sc.space();
            }
            sc.value();
            if (id >= 0) {
                sample.set(id, sc, cache, timestamps);
            }
        }
    }

    private void endTag(XmlScanner sc) throws IOException, XmlError {
        int top = depth - 1;
        if (!sc.nameIsNext(names[top], nameLengths[top])) {
            state.endName(sc, top);
        }
        sc.space();
        sc.expect(">", "to close an end tag");
        depth--;
        end(sc, kinds[top]);
    }

    private void end(XmlScanner sc, int kind) {
        if (kind == SAMPLE && openSamples > 0) {
            emit(open[--openSamples]);
        } else if (kind == ASSERTION && inAssertion) {
            inAssertion = false;
            XmlSampleFields p = openSamples > 0 ? open[openSamples - 1] : null;
            if (assertionFailed && p != null && p.failureMessage.isEmpty()) {
                boolean none = assertionMessage.isEmpty();
                p.failureMessage = none ? "(assertion failed)" : assertionMessage;
                p.failureLength = none ? p.failureMessage.length() : assertionMessageLength;
            }
        } else if (kind == collecting && collecting != 0) {
            long length = sc.valueLength;
            String text = sc.takeText();
            if (kind == FAILED) {
                assertionFailed |= "true".equalsIgnoreCase(text.trim());
            } else {
                assertionMessage = text;
                assertionMessageLength = length;
            }
            collecting = 0;
        }
    }

    private void emit(XmlSampleFields p) {
        boolean wanted = p.depth == 1
                || (options.subResults() == SubResultMode.AS_ROWS && p.depth <= MAX_ROW_DEPTH);
        if (!wanted) {
            return;
        }
        if (p.invalidField != null) {
            log.malformed(p.line, p.invalidField, p.invalidReason);
            return;
        }
        // the same caps as for CSV rows, each cut noted with its line and attribute
        String label = TextCaps.capped(p.label, p.labelLength, TextCaps.MAX_LABEL_CHARS, log, p.line, "lb");
        String code = TextCaps.capped(p.code, p.codeLength, TextCaps.MAX_TEXT_CHARS, log, p.line, "rc");
        String message = TextCaps.capped(p.message, p.messageLength, TextCaps.MAX_TEXT_CHARS, log, p.line, "rm");
        long[] v = p.numbers;
        int allThreads = (int) Math.min(Integer.MAX_VALUE, v[XmlSampleFields.NA]);
        if (fields != null) {
            String failure = TextCaps.capped(p.failureMessage, p.failureLength, TextCaps.MAX_TEXT_CHARS, log,
                    p.line, "failureMessage");
            // a cut label (TextCaps) is another String than the one the number stands for
            int labelNumber = p.labelLength <= TextCaps.MAX_LABEL_CHARS ? p.labelNumber : -1;
            fields.accept(p.timeStamp, v[XmlSampleFields.T], label, labelNumber, code, message, p.success, failure,
                    v[XmlSampleFields.BY], v[XmlSampleFields.SBY], allThreads, v[XmlSampleFields.LT],
                    v[XmlSampleFields.CT]);
        } else {
            String thread = TextCaps.capped(p.thread, p.threadLength, TextCaps.MAX_TEXT_CHARS, log, p.line, "tn");
            String failure = TextCaps.capped(p.failureMessage, p.failureLength, TextCaps.MAX_TEXT_CHARS, log,
                    p.line, "failureMessage");
            sink.accept(new Sample(p.timeStamp, v[XmlSampleFields.T], label, code, message, thread, p.success,
                    failure, v[XmlSampleFields.BY], v[XmlSampleFields.SBY], allThreads, v[XmlSampleFields.LT],
                    v[XmlSampleFields.CT]));
        }
        samples++;
        if (progress != null && (samples & 4095) == 0) {
            progress.add(0, 4096);
        }
    }
}
