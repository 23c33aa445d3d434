package io.jenkins.plugins.perfgate.engine.results;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.zip.ZipException;

/**
 * The lexical layer of {@link XmlJtlReader}: the bytes of an XML file read as UTF-8 through one buffer, in the pieces
 * a JMeter result file is made of (names, quoted attribute values, character data, references, comments, CDATA
 * sections, processing instructions), checked as they go by: strict UTF-8, only the characters XML allows, only the
 * five predefined entities and character references (there is no DTD, so no other entity exists). Attribute values
 * that need no decoding are left in the buffer ({@link #valueFrom}..{@link #valueTo}) for the caller to parse in
 * place; the others are decoded, their first {@link #KEEP_CHARS} characters kept and all counted. Line breaks are
 * counted for the messages. Errors are {@link XmlError}s naming the line. Not thread-safe.
 */
final class XmlScanner {

    static final int BUFFER_BYTES = 128 * 1024;
    /** A value longer than this is decoded as it streams by instead of being looked at in the buffer. */
    private static final int MAX_IN_BUFFER = BUFFER_BYTES / 2;
    private static final int MAX_NAME_BYTES = 1024;
    /** Characters of a decoded text kept: more than any cap on kept texts, so that the caps see the cut. */
    static final int KEEP_CHARS = Math.max(TextCaps.MAX_LABEL_CHARS, TextCaps.MAX_TEXT_CHARS) + 2;

    private static final boolean[] NAME_BYTES = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            NAME_BYTES[c] = Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
        }
    }

    private final InputStream in;
    /** Padded: word reads a little past a value's end ({@code Digits}, {@code StringCache}) stay in the array. */
    final byte[] buf = new byte[BUFFER_BYTES + 64];
    int pos;
    private int limit;
    private boolean eof;
    private long line = 1;

    /** The last {@link #value()}: in the buffer when {@link #valueText} is null, else decoded. */
    int valueFrom;
    int valueTo;
    String valueText;
    /** Characters of the last decoded value or text, all of them (the kept text may be shorter). */
    long valueLength;
    /** Where the last {@link #name()} is in the buffer (valid until the buffer is next filled). */
    int nameFrom;

    private final StringBuilder text = new StringBuilder();

    /** @param line the line the stream starts on */
    XmlScanner(InputStream in, long line) {
        this.in = in;
        this.line = line;
    }

    long line() {
        return line;
    }

    /** The bytes looked at but not taken yet, and the stream after them. */
    byte[] unread() {
        return java.util.Arrays.copyOfRange(buf, pos, limit);
    }

    InputStream stream() {
        return in;
    }

    XmlError error(String reason) {
        return new XmlError(line, reason, false);
    }

    XmlError endsEarly(String where) {
        return new XmlError(line, "the file ends " + where, true);
    }

    /**
     * Reads more bytes, keeping those from {@code keepFrom} on, which move to the start of the buffer ({@link #pos}
     * moves with them). False at the end of the stream.
     */
    private boolean fill(int keepFrom) throws IOException, XmlError {
        if (eof) {
            return false;
        }
        int keep = limit - keepFrom;
        System.arraycopy(buf, keepFrom, buf, 0, keep);
        pos -= keepFrom;
        limit = keep;
        while (true) {
            int n;
            try {
                n = in.read(buf, limit, BUFFER_BYTES - limit);
            } catch (EOFException e) {
                eof = true;
                throw new XmlError(line, "the compressed data is cut off", true);
            } catch (ZipException e) {
                eof = true;
                throw new XmlError(line, "the compressed data is damaged: " + e.getMessage(), false);
            } catch (CharacterCodingException e) {
                eof = true;
                throw new XmlError(line, "bytes that are not valid in the encoding the file declares", false);
            }
            if (n < 0) {
                eof = true;
                return false;
            }
            if (n > 0) {
                limit += n;
                return true;
            }
        }
    }

    /** Whether {@code n} bytes from {@link #pos} are in the buffer, reading more when needed. */
    private boolean ensure(int n) throws IOException, XmlError {
        while (limit - pos < n) {
            if (!fill(pos)) {
                return false;
            }
        }
        return true;
    }

    /** The next byte (0..255) without taking it, or -1 at the end. */
    int peek() throws IOException, XmlError {
        return pos < limit || fill(pos) ? buf[pos] & 0xff : -1;
    }

    /** Whether the next bytes are {@code ascii}; nothing is taken. */
    boolean lookingAt(String ascii) throws IOException, XmlError {
        if (!ensure(ascii.length())) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (buf[pos + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    void skip(int n) {
        pos += n;
    }

    /** Takes {@code ascii}, which must come next. */
    void expect(String ascii, String where) throws IOException, XmlError {
        if (!lookingAt(ascii)) {
            if (!ensure(1)) {
                throw endsEarly(where);
            }
            throw error("'" + ascii + "' expected " + where + ", found " + shown(buf[pos]));
        }
        pos += ascii.length();
    }

    /** Skips white space; whether there was any. */
    boolean space() throws IOException, XmlError {
        int skipped = 0;
        while (pos < limit || fill(pos)) {
            byte c = buf[pos];
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
            pos++;
            skipped++;
        }
        return skipped > 0;
    }

    /** Reads a name; its length, its bytes at {@link #nameFrom}. */
    int name(String where) throws IOException, XmlError {
        int start = pos;
        int i = pos;
        while (true) {
            if (i >= limit) {
                if (i - start >= MAX_NAME_BYTES) {
                    throw error("a name longer than " + MAX_NAME_BYTES + " bytes " + where);
                }
                int taken = i - start;
                if (!fill(start)) {
                    throw endsEarly(where);
                }
                start = 0;
                i = taken;
                continue;
            }
            byte c = buf[i];
            if (c >= 0 && NAME_BYTES[c]) {
                i++;
            } else if (c < 0) {
                int n = Utf8.length(buf, i, limit, eof);
                if (n < 0) {
                    throw error("invalid UTF-8 in a name " + where);
                }
                if (n == 0) { // the rest of the character is read first
                    int taken = i - start;
                    if (!fill(start)) {
                        throw endsEarly(where);
                    }
                    start = 0;
                    i = taken;
                    continue;
                }
                i += n;
            } else {
                break;
            }
        }
        byte first = buf[start];
        if (i == start || (first >= '0' && first <= '9') || first == '-' || first == '.') {
            throw error("a name was expected " + where + ", found " + shown(buf[start]));
        }
        nameFrom = start;
        pos = i;
        return i - start;
    }

    /** Whether the last name is {@code ascii}. */
    boolean nameIs(int length, String ascii) {
        if (length != ascii.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buf[nameFrom + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    String nameText(int length) {
        return new String(buf, nameFrom, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads a quoted attribute value. A value of printable ASCII or valid UTF-8 without references or line breaks,
     * short enough for the buffer, stays there ({@link #valueText} null); any other is decoded: references
     * replaced, tabs and line breaks normalised to spaces as XML wants.
     */
    void value() throws IOException, XmlError {
        int q = peek();
        if (q != '"' && q != '\'') {
            throw q < 0 ? endsEarly("in a start tag") : error("an attribute value must be quoted");
        }
        pos++;
        int start = pos;
        int i = pos;
        while (true) {
            if (i >= limit) {
                int taken = i - start;
                if (taken > MAX_IN_BUFFER) {
                    break;
                }
                if (!fill(start)) {
                    throw endsEarly("inside an attribute value");
                }
                start = 0;
                i = taken;
                continue;
            }
            byte c = buf[i];
            if (c == q) {
                valueFrom = start;
                valueTo = i;
                valueText = null;
                pos = i + 1;
                return;
            }
            if (c >= 0x20 && c != '&' && c != '<') {
                i++;
            } else if (c < 0) {
                int n = Utf8.length(buf, i, limit, eof);
                if (n < 0) {
                    throw error("invalid UTF-8 in an attribute value");
                }
                if (n == 0) { // the rest of the character is read first
                    int taken = i - start;
                    if (!fill(start)) {
                        throw endsEarly("inside an attribute value");
                    }
                    start = 0;
                    i = taken;
                    continue;
                }
                i += n;
            } else {
                break; // a reference, a line break or something refused: decoded (or refused) below
            }
        }
        pos = start;
        decodeValue((byte) q);
    }

    private void decodeValue(byte q) throws IOException, XmlError {
        text.setLength(0);
        valueLength = 0;
        while (true) {
            if (!ensure(1)) {
                throw endsEarly("inside an attribute value");
            }
            byte c = buf[pos];
            if (c == q) {
                pos++;
                break;
            }
            if (c >= 0x20 && c != '&' && c != '<' && text.length() >= KEEP_CHARS) {
                // past what is kept (a huge value): plain ASCII is only counted, a run at a time
                int i = pos;
                while (i < limit && buf[i] >= 0x20 && buf[i] != q && buf[i] != '&' && buf[i] != '<') {
                    i++;
                }
                valueLength += i - pos;
                pos = i;
                continue;
            }
            if (c == '<') {
                throw error("'<' is not allowed in an attribute value (write &lt;)");
            }
            if (c == '\r' || c == '\n' || c == '\t') {
                pos++;
                if (c == '\n') {
                    line++;
                } else if (c == '\r' && ensure(1) && buf[pos] == '\n') {
                    pos++;
                    line++;
                }
                keep(' ');
            } else {
                keep(c == '&' ? reference() : character());
            }
        }
        valueText = text.toString();
    }

    private void keep(int cp) {
        valueLength += Character.charCount(cp);
        if (text.length() < KEEP_CHARS) {
            text.appendCodePoint(cp);
        }
    }

    /** The character at {@link #pos} (no reference, no line break), taken and checked. */
    private int character() throws IOException, XmlError {
        byte c = buf[pos];
        if (c >= 0x20) {
            pos++;
            return c;
        }
        if (c >= 0) {
            throw error("character " + shown(c) + " is not allowed in XML");
        }
        ensure(4);
        int n = Utf8.length(buf, pos, limit, eof);
        if (n <= 0) {
            throw error("invalid UTF-8");
        }
        int cp = Utf8.decode(buf, pos, n);
        pos += n;
        return cp;
    }

    /** A reference at {@link #pos} ('&'): the character it stands for. */
    private int reference() throws IOException, XmlError {
        pos++;
        ensure(12);
        int end = -1;
        for (int i = pos; i < Math.min(limit, pos + 12); i++) {
            if (buf[i] == ';') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw error("'&' must start a reference such as &amp; or &#38; (write & as &amp;)");
        }
        String ref = new String(buf, pos, end - pos, java.nio.charset.StandardCharsets.ISO_8859_1);
        pos = end + 1;
        switch (ref) {
            case "lt" -> {
                return '<';
            }
            case "gt" -> {
                return '>';
            }
            case "amp" -> {
                return '&';
            }
            case "quot" -> {
                return '"';
            }
            case "apos" -> {
                return '\'';
            }
            default -> {
                return characterReference(ref);
            }
        }
    }

    private int characterReference(String ref) throws XmlError {
        int cp = -1;
        if (ref.startsWith("#x") && ref.length() > 2) {
            cp = parse(ref.substring(2), 16);
        } else if (ref.startsWith("#") && ref.length() > 1) {
            cp = parse(ref.substring(1), 10);
        } else {
            throw error("entity reference &" + printable(ref) + "; is not allowed: result files have no DTD, so "
                    + "only &lt; &gt; &amp; &quot; &apos; and character references are read");
        }
        if (!Utf8.isXmlChar(cp)) {
            throw error("character reference &" + printable(ref) + "; is not a character XML allows");
        }
        return cp;
    }

    private static int parse(String digits, int radix) {
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0 || v > 0x10FFFF) {
                return -1;
            }
            v = v * radix + d;
        }
        return v;
    }

    /**
     * Skips character data up to the next '<' (false at the end of the file instead), checking it. This is where
     * most bytes of a file go by: the plain bytes are passed over in a tight loop.
     */
    boolean skipContent() throws IOException, XmlError {
        while (true) {
            byte[] b = buf;
            int i = pos;
            int lim = limit;
            while (i < lim) {
                byte c = b[i];
                if (c > '<' || (c >= 0x20 && c != '&' && c != '<')) {
                    i++;
                } else if (c == '\n') {
                    line++;
                    i++;
                } else {
                    break;
                }
            }
            pos = i;
            if (i >= lim) {
                if (!fill(pos)) {
                    return false;
                }
                continue;
            }
            byte c = b[i];
            if (c == '<') {
                return true;
            } else if (c == '&') {
                reference();
            } else if (c == '\t' || c == '\r') {
                pos++;
            } else {
                character();
            }
        }
    }

    /**
     * Reads character data up to the next '<' (false at the end of the file instead) into the text, line breaks
     * normalised to '\n'; the text is cleared by {@link #takeText()}.
     */
    boolean collectContent() throws IOException, XmlError {
        while (true) {
            if (!ensure(1)) {
                return false;
            }
            byte c = buf[pos];
            if (c == '<') {
                return true;
            }
            if (c == '\r' || c == '\n' || c == '\t') {
                pos++;
                if (c == '\t') {
                    keep('\t');
                    continue;
                }
                if (c == '\r' && ensure(1) && buf[pos] == '\n') {
                    pos++;
                }
                line++;
                keep('\n');
            } else {
                keep(c == '&' ? reference() : character());
            }
        }
    }

    /** The text collected since the last call ({@link #valueLength} characters in all). */
    String takeText() {
        String s = text.toString();
        text.setLength(0);
        return s;
    }

    void clearText() {
        text.setLength(0);
        valueLength = 0;
    }

    /**
     * Passes over checked characters up to and including {@code end} (a comment's, a CDATA section's or a
     * processing instruction's), collecting them when asked. In a comment, "--" may only come before its end.
     */
    void passUntil(String end, boolean collect, String where) throws IOException, XmlError {
        boolean comment = end.equals("-->");
        while (true) {
            if (!ensure(1)) {
                throw endsEarly(where);
            }
            byte c = buf[pos];
            if (c == end.charAt(0) && lookingAt(end)) {
                pos += end.length();
                return;
            }
            if (comment && c == '-' && lookingAt("--")) {
                throw error("'--' is not allowed inside a comment");
            }
            int cp;
            if (c == '\n' || c == '\r') {
                pos++;
                if (c == '\r' && ensure(1) && buf[pos] == '\n') {
                    pos++;
                }
                line++;
                cp = '\n'; // "\r\n" and "\r" become "\n", as XML wants
            } else if (c == '\t') {
                pos++;
                cp = '\t';
            } else {
                cp = character();
            }
            if (collect) {
                keep(cp);
            }
        }
    }

    static String shown(byte c) {
        int v = c & 0xff;
        return v >= 0x21 && v < 0x7f ? "'" + (char) v + "'" : String.format("byte 0x%02x", v);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x21 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }

    /** What is not well-formed, and where; {@code endsEarly} when the file just stops. */
    static final class XmlError extends Exception {
        private static final long serialVersionUID = 1L;
        final long line;
        final boolean endsEarly;

        XmlError(long line, String reason, boolean endsEarly) {
            super(reason, null, false, false);
            this.line = line;
            this.endsEarly = endsEarly;
        }
    }
}
