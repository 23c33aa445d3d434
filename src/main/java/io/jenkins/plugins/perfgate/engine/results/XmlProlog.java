package io.jenkins.plugins.perfgate.engine.results;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * What an XML result file may hold around its root element, for {@link XmlJtlReader}: the XML declaration (and the
 * encoding it declares), comments and processing instructions; a DOCTYPE is refused before anything in it is read.
 */
final class XmlProlog {

    private XmlProlog() {
    }

    /** Reads the XML declaration if there is one; a scanner of the rest as UTF-8. */
    static XmlScanner declaration(XmlScanner sc, String file) throws IOException, XmlError, ResultsReadException {
        if (!(sc.lookingAt("<?xml ") || sc.lookingAt("<?xml\t") || sc.lookingAt("<?xml\n")
                || sc.lookingAt("<?xml\r"))) {
            return sc;
        }
        sc.skip(5);
        String encoding = null;
        while (true) {
            boolean space = sc.space();
            if (sc.lookingAt("?>")) {
                sc.skip(2);
                break;
            }
            if (!space) {
                throw sc.error("'?>' expected to end the XML declaration");
            }
            int n = sc.name("in the XML declaration");
            boolean isEncoding = sc.nameIs(n, "encoding");
            sc.space();
            sc.expect("=", "in the XML declaration");
            sc.space();
            sc.value();
            if (isEncoding) {
                encoding = sc.valueText != null ? sc.valueText
                        : new String(sc.buf, sc.valueFrom, sc.valueTo - sc.valueFrom, StandardCharsets.UTF_8);
            }
        }
        Charset charset;
        try {
            charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ResultsReadException(file + ": declares the encoding '" + encoding.trim()
                    + "', which cannot be read here");
        }
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
            return sc;
        }
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(sc.unread()), sc.stream());
        return new XmlScanner(new Utf8TranscodingStream(rest, charset), sc.line());
    }

    /**
     * Passes over comments and processing instructions up to the root element, refusing a DOCTYPE; the line of the
     * root element's '<', which is taken.
     */
    static long prolog(XmlScanner sc, String file) throws IOException, XmlError, ResultsReadException {
        while (true) {
            sc.space();
            int c = sc.peek();
            if (c < 0) {
                throw sc.endsEarly("before its root element <testResults>");
            }
            if (c != '<') {
                throw sc.error("text is not allowed before the root element");
            }
            if (sc.lookingAt("<!--")) {
                sc.skip(4);
                sc.passUntil("-->", false, "inside a comment");
            } else if (sc.lookingAt("<!DOCTYPE")) {
                throw new ResultsReadException(file + ": contains a DOCTYPE declaration; result files with "
                        + "DTDs are refused (they could read external entities or expand entities without bound)");
            } else if (sc.lookingAt("<?")) {
                instruction(sc);
            } else if (sc.lookingAt("<!")) {
                throw sc.error("'<!' is only allowed for comments before the root element");
            } else {
                long line = sc.line();
                sc.skip(1);
                return line;
            }
        }
    }

    /** After the root element: comments, processing instructions and white space only. */
    static void epilog(XmlScanner sc) throws IOException, XmlError {
        while (true) {
            sc.space();
            if (sc.peek() < 0) {
                return;
            }
            if (sc.lookingAt("<!--")) {
                sc.skip(4);
                sc.passUntil("-->", false, "inside a comment");
            } else if (sc.lookingAt("<?")) {
                instruction(sc);
            } else {
                throw sc.error("only comments may follow the root element's end tag");
            }
        }
    }

    static void instruction(XmlScanner sc) throws IOException, XmlError {
        sc.skip(2);
        instructionBody(sc);
    }

    /** A processing instruction after its "<?". */
    static void instructionBody(XmlScanner sc) throws IOException, XmlError {
        int n = sc.name("after '<?'");
        if (n == 3 && sc.nameText(n).equalsIgnoreCase("xml")) {
            throw sc.error("the XML declaration must come first in the file");
        }
        sc.passUntil("?>", false, "inside a processing instruction");
    }
}
