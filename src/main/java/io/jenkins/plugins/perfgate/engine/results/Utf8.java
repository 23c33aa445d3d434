package io.jenkins.plugins.perfgate.engine.results;

/**
 * Strict UTF-8 as XML wants it: no overlong forms, no surrogates, nothing above U+10FFFF, and only the characters
 * XML 1.0 allows.
 */
final class Utf8 {

    private Utf8() {
    }

    /**
     * The length (2 to 4) of the valid multi-byte character at {@code i}; 0 when it runs past {@code limit} and
     * more bytes may follow ({@code atEnd} false); -1 when it is not valid UTF-8 or not a character XML allows.
     */
    static int length(byte[] b, int i, int limit, boolean atEnd) {
        int b0 = b[i] & 0xff;
        int n;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
        } else {
            return -1;
        }
        int end = Math.min(limit, i + n);
        for (int k = i + 1; k < end; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        if (end < i + n) {
            return atEnd ? -1 : 0;
        }
        int cp = decode(b, i, n);
        if (n == 3 && (cp < 0x800 || !isXmlChar(cp)) || n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) {
            return -1;
        }
        return n;
    }

    /** The code point of the {@code n} bytes at {@code i}, already checked by {@link #length}. */
    static int decode(byte[] b, int i, int n) {
        int cp = b[i] & (0x7F >> n);
        for (int k = 1; k < n; k++) {
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        return cp;
    }

    /** Whether XML 1.0 allows the character (its production Char). */
    static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
