package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;

/**
 * The lexical layer of {@link XmlJtlReader}: the bytes of an XML file read as UTF-8 through one buffer, in the pieces
 * a JMeter result file is made of (names, quoted attribute values, character data, references, comments, CDATA
 * sections, processing instructions), checked as they go by: strict UTF-8, only the characters XML allows, only the
 * five predefined entities and character references (there is no DTD, so no other entity exists). Attribute values
 * that need no decoding are left in the buffer ({@link #valueFrom}..{@link #valueTo}) for the caller to parse in
 * place; the others are decoded, their first {@link #KEEP_CHARS} characters kept and all counted. Line breaks are
 * counted for the messages. Errors are {@link XmlError}s naming the line. Not thread-safe.
 */
final class XmlScanner extends XmlInput {

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
        super(in, line);
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

    /**
     * Takes the name {@code name[0..length)} when it comes next, whole (followed by a byte no name goes on with) and
     * in the buffer: most tags repeat the name of the element before them at the same depth, and a name read
     * before needs no check again. Compared a word at a time: {@code name} holds whole words. False, taking
     * nothing, otherwise ({@link #name} then reads what is there).
     */
    boolean nameIsNext(byte[] name, int length) {
        int p = pos;
        if (length == 0 || p + length >= limit) {
            return false;
        }
        byte after = buf[p + length];
        if (after < 0 || NAME_BYTES[after]) {
            return false;
        }
        int k = 0;
        for (; k + 8 <= length; k += 8) {
            if (XmlWords.word(buf, p + k) != XmlWords.word(name, k)) {
                return false;
            }
        }
        if (k < length && ((XmlWords.word(buf, p + k) ^ XmlWords.word(name, k)) & (-1L >>> ((8 - length + k) << 3)))
                != 0) {
            return false;
        }
        nameFrom = p;
        pos = p + length;
        return true;
    }

    /**
     * When the next bytes are one space, one to seven bytes and '=', all in the buffer: those bytes (the name, if
     * they are one) as a word, the first lowest, the bytes after it zero; else 0. Nothing is taken: the caller takes
     * the name ({@link #takeShortName}) once it knows it, which checks it.
     */
    long shortName() {
        int p = pos;
        if (p + 16 > limit || buf[p] != ' ') {
            return 0;
        }
        long w = XmlWords.word(buf, p + 1);
        long equals = XmlWords.equalsSigns(w);
        int length = XmlWords.first(equals);
        if (equals == 0 || length == 0) {
            return 0;
        }
        return w & (-1L >>> ((8 - length) << 3));
    }

    /** Takes the space, the name of {@code length} bytes and the '=' that {@link #shortName} looked at. */
    void takeShortName(int length) {
        pos += length + 2;
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
        long quotes = q == '"' ? XmlWords.DOUBLE_QUOTES : XmlWords.SINGLE_QUOTES;
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
            // eight bytes at a time up to the first that is not plain (the buffer's padding may be read: a byte
            // flagged at or past the limit is not real, and the limit is met first)
            long stops = XmlWords.valueStops(XmlWords.word(buf, i), quotes);
            if (stops == 0) {
                i = Math.min(i + 8, limit);
                continue;
            }
            i += XmlWords.first(stops);
            if (i >= limit) {
                i = limit;
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
            if (c < 0) {
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
                // eight bytes at a time (the buffer's padding may be read: a byte flagged at or past the limit is
                // not real, and the limit is met first)
                long stops = XmlWords.contentStops(XmlWords.word(b, i));
                if (stops == 0) {
                    i += 8;
                    continue;
                }
                i += XmlWords.first(stops);
                if (i < lim && b[i] == '\n') {
                    line++;
                    i++;
                } else {
                    break;
                }
            }
            i = Math.min(i, lim);
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
}
