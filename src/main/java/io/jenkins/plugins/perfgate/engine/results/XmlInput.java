package io.jenkins.plugins.perfgate.engine.results;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.zip.ZipException;

/**
 * The bytes of an XML file through one buffer, for {@link XmlScanner}: refilled keeping what is still being looked
 * at, white space and literals, single characters checked (strict UTF-8, only what XML 1.0 allows) and references
 * (only the five predefined entities and character references: without a DTD no other entity exists). Line breaks
 * are counted for the messages. Not thread-safe.
 */
class XmlInput {

    static final int BUFFER_BYTES = 128 * 1024;

    private final InputStream in;
    /** Padded: word reads a little past a value's end ({@code Digits}, {@code StringCache}) stay in the array. */
    final byte[] buf = new byte[BUFFER_BYTES + 64];
    int pos;
    int limit;
    boolean eof;
    long line = 1;

    /** @param line the line the stream starts on */
    XmlInput(InputStream in, long line) {
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
    boolean fill(int keepFrom) throws IOException, XmlError {
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

    /**
     * Reads more when fewer than {@code n} bytes are left in the buffer: called between elements, so that the
     * buffer's refills happen there, at one place of the reading loop, and nearly never inside a tag or value,
     * where the compiled loop would meet a branch it had rarely seen taken (and throw itself away).
     */
    void keepAhead(int n) throws IOException, XmlError {
        if (limit - pos < n) {
            fill(pos); // at the end of the stream too: the test of eof is fill's (not a branch of the loop's own)
        }
    }

    /** Whether {@code n} bytes from {@link #pos} are in the buffer, reading more when needed. */
    boolean ensure(int n) throws IOException, XmlError {
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

    /** The character at {@link #pos} (no reference, no line break), taken and checked. */
    int character() throws IOException, XmlError {
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
    int reference() throws IOException, XmlError {
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
}
