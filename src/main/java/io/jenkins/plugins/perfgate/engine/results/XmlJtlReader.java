package io.jenkins.plugins.perfgate.engine.results;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an XML result file ({@code <testResults>} with {@code <httpSample>}/{@code <sample>} elements) into
 * samples with StAX. DTDs are refused outright (no DOCTYPE in a JMeter result file; refusing it stops external
 * entities and entity expansion bombs before any entity is read). Nested samples are sub-results: rows of their own
 * by default, as JMeter's CSV writer saves them ({@link SubResultMode}). Not thread-safe.
 */
final class XmlJtlReader {

    private final ReadProgress progress;

    /** JMeter's CSV writer saves sub-results up to 10 recursion levels below the top-level sample. */
    static final int MAX_ROW_DEPTH = 12;
    /** Nesting beyond this is not a JMeter file (guards the stack against hostile input). */
    private static final int MAX_DEPTH = 64;

    private static final XMLInputFactory FACTORY = newFactory();

    private final ReadOptions options;
    private final ProblemLog log;
    private final SampleSink sink;
    private final TimestampParser timestamps;
    private long samples;

    /** @param progress where to report the samples read, every few thousand; may be null */
    XmlJtlReader(ReadOptions options, ProblemLog log, SampleSink sink, ReadProgress progress) {
        this.progress = progress;
        this.options = options;
        this.log = log;
        this.sink = sink;
        this.timestamps = new TimestampParser(options.timestampFormat(), options.zone());
    }

    static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resources are not loaded: " + systemId);
        });
        return f;
    }

    long samples() {
        return samples;
    }

    /** A sample element being read: its attributes and the first failed assertion's message. */
    private static final class Pending {
        final long line;
        final int depth;
        String invalidField;
        String invalidReason;
        long timeStamp;
        long elapsed;
        String label;
        String code;
        String message;
        String thread;
        boolean success;
        long bytes;
        long sentBytes;
        int allThreads;
        long latency;
        long connect;
        String failureMessage = "";

        Pending(long line, int depth) {
            this.line = line;
            this.depth = depth;
        }
    }

    void read(InputStream raw) throws ResultsReadException {
        try {
            readAll(raw);
        } finally {
            if (progress != null) {
                progress.add(0, samples & 4095); // those not reported yet
            }
        }
    }

    private void readAll(InputStream raw) throws ResultsReadException {
        EofTrackingStream in = new EofTrackingStream(raw);
        XMLStreamReader r;
        try {
            r = FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new ResultsReadException(log.file() + ": not readable as XML: " + e.getMessage(), e);
        }
        Deque<Pending> open = new ArrayDeque<>();
        boolean inAssertion = false;
        boolean assertionFailed = false;
        String assertionMessage = "";
        boolean rootSeen = false;
        long line = 1;
        try {
            while (r.hasNext()) {
                int event = r.next();
                line = r.getLocation().getLineNumber();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new ResultsReadException(log.file()
                            + ": contains a DOCTYPE declaration; result files with DTDs are refused (they could "
                            + "read external entities or expand entities without bound)");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ResultsReadException(log.file() + ":"
                            + line + ": entity reference &" + r.getLocalName() + "; is not allowed");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = r.getLocalName();
                        if (!rootSeen) {
                            rootSeen = true;
                            if (!"testResults".equals(name)) {
                                throw new ResultsReadException(log.file() + ": not a JMeter result file: the root "
                                        + "element is <" + name + ">, not <testResults>");
                            }
                        } else if ("sample".equals(name) || "httpSample".equals(name)) {
                            if (open.size() >= MAX_DEPTH) {
                                throw new ResultsReadException(log.file() + ":" + line + ": samples nested more than "
                                        + MAX_DEPTH + " levels deep");
                            }
                            open.push(pending(r, line, open.size() + 1));
                        } else if ("assertionResult".equals(name) && !open.isEmpty()) {
                            inAssertion = true;
                            assertionFailed = false;
                            assertionMessage = "";
                        } else if (inAssertion && ("failure".equals(name) || "error".equals(name))) {
                            assertionFailed |= "true".equalsIgnoreCase(r.getElementText().trim());
                        } else if (inAssertion && "failureMessage".equals(name)) {
                            assertionMessage = r.getElementText();
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = r.getLocalName();
                        if ("assertionResult".equals(name) && inAssertion) {
                            inAssertion = false;
                            Pending p = open.peek();
                            if (assertionFailed && p != null && p.failureMessage.isEmpty()) {
                                p.failureMessage = assertionMessage.isEmpty() ? "(assertion failed)"
                                        : assertionMessage;
                            }
                        } else if (("sample".equals(name) || "httpSample".equals(name)) && !open.isEmpty()) {
                            emit(open.pop());
                        }
                    }
                    default -> {
                    }
                }
            }
            if (!rootSeen) {
                throw new ResultsReadException(log.file() + ": not a JMeter result file: no XML element found");
            }
        } catch (XMLStreamException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ");
            long at = e.getLocation() == null || e.getLocation().getLineNumber() < 0 ? line
                    : e.getLocation().getLineNumber();
            if (in.cutOffAt(at)) {
                log.truncatedTail(at, "the XML ends early: " + reason);
            } else {
                log.malformed(at, "", "XML is not well-formed, the rest of the file is skipped: " + reason);
            }
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing a broken reader: nothing left to lose
            }
        }
    }

    private void emit(Pending p) {
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
        sink.accept(new Sample(p.timeStamp, p.elapsed,
                TextCaps.capped(p.label, TextCaps.MAX_LABEL_CHARS, log, p.line, "lb"),
                TextCaps.capped(p.code, TextCaps.MAX_TEXT_CHARS, log, p.line, "rc"),
                TextCaps.capped(p.message, TextCaps.MAX_TEXT_CHARS, log, p.line, "rm"),
                TextCaps.capped(p.thread, TextCaps.MAX_TEXT_CHARS, log, p.line, "tn"), p.success,
                TextCaps.capped(p.failureMessage, TextCaps.MAX_TEXT_CHARS, log, p.line, "failureMessage"),
                p.bytes, p.sentBytes, p.allThreads, p.latency, p.connect));
        samples++;
        if (progress != null && (samples & 4095) == 0) {
            progress.add(0, 4096);
        }
    }

    private Pending pending(XMLStreamReader r, long line, int depth) {
        Pending p = new Pending(line, depth);
        String ts = r.getAttributeValue(null, "ts");
        p.timeStamp = ts == null ? Long.MIN_VALUE : timestamps.parseText(ts);
        if (p.timeStamp == Long.MIN_VALUE) {
            invalid(p, "ts", ts == null ? "missing" : "not a timestamp: '" + ts + "'");
        }
        p.elapsed = number(p, r, "t", true);
        p.label = r.getAttributeValue(null, "lb");
        if (p.label == null) {
            invalid(p, "lb", "missing");
        }
        p.code = orEmpty(r.getAttributeValue(null, "rc"));
        p.message = orEmpty(r.getAttributeValue(null, "rm"));
        p.thread = orEmpty(r.getAttributeValue(null, "tn"));
        String s = r.getAttributeValue(null, "s");
        if (s == null) {
            p.success = !(p.code.startsWith("4") || p.code.startsWith("5") || p.code.startsWith("Non HTTP"));
        } else if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
            p.success = "true".equalsIgnoreCase(s);
        } else {
            invalid(p, "s", "not true or false: '" + s + "'");
        }
        p.bytes = number(p, r, "by", false);
        p.sentBytes = number(p, r, "sby", false);
        p.allThreads = (int) Math.min(Integer.MAX_VALUE, number(p, r, "na", false));
        p.latency = number(p, r, "lt", false);
        p.connect = number(p, r, "ct", false);
        return p;
    }

    private static long number(Pending p, XMLStreamReader r, String attribute, boolean required) {
        String v = r.getAttributeValue(null, attribute);
        if (v == null || v.isEmpty()) {
            if (required) {
                invalid(p, attribute, "missing");
            }
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            invalid(p, attribute, "not a number: '" + (v.length() > 60 ? v.substring(0, 57) + "..." : v) + "'");
            return 0;
        }
    }

    private static void invalid(Pending p, String field, String reason) {
        if (p.invalidField == null) {
            p.invalidField = field;
            p.invalidReason = reason;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * Remembers whether the underlying stream was read to its end and how many lines it had: a parse error on the
     * last line of a file read to its end means a cut-off file, not a malformed one.
     */
    private static final class EofTrackingStream extends FilterInputStream {
        private boolean eof;
        private long lines = 1;

        EofTrackingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (java.io.EOFException e) {
                eof = true; // compressed data cut off
                throw e;
            }
            if (n < 0) {
                eof = true;
            }
            for (int i = off; i < off + n; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            return n;
        }

        /** Whether an error on this line is the cut-off end of the file. */
        boolean cutOffAt(long line) {
            return eof && line >= lines - 1;
        }
    }
}
