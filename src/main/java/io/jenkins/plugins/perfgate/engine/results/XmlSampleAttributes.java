package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.util.Arrays;

/**
 * A sample's start tag read in place, the way JMeter writes it: every sample's attributes in the same order, each
 * as {@code  name="value"}. The next attribute is compared, as one word, with the one at the same place in the
 * sample before (space, name, '=', quote), and a number (nine of JMeter's fifteen attributes) is checked and parsed
 * in the words that also find its closing quote, without a scan of its own. Anything else (another attribute or
 * order, another form, a value that is not plain digits, the buffer's end near) is left to the general path of
 * {@link XmlJtlReader}, which tells this class the order it found ({@link #learn}, {@link #forget}). The checks
 * are the general path's: what is taken here is exactly what it would take. Not thread-safe.
 */
final class XmlSampleAttributes {

    /** Attributes of one tag remembered (JMeter writes up to 20). */
    private static final int MAX = 32;
    /** Bytes a read in place needs before the buffer's limit: the head and two words of digits. */
    private static final int ROOM = 32;

    private static final long TRUE = 't' | 'r' << 8 | 'u' << 16 | (long) 'e' << 24 | (long) '"' << 32;
    private static final long FALSE = 'f' | 'a' << 8 | 'l' << 16 | (long) 's' << 24 | (long) 'e' << 32
            | (long) '"' << 40;

    /** Space, name, '=' and '"' of each attribute of the sample before, the first byte lowest; -1 for none. */
    private final long[] heads = new long[MAX];
    private final long[] masks = new long[MAX];
    private final int[] headLengths = new int[MAX];
    private final int[] ids = new int[MAX];
    /** The place of the next attribute in the tag being read. */
    private int index;

    XmlSampleAttributes() {
        Arrays.fill(heads, -1); // masks 0: never matched
    }

    /** A sample's start tag begins: its first attribute comes next. */
    void startTag() {
        index = 0;
    }

    /**
     * The general path read the attribute at this place in the usual form: one space, a name of {@code length}
     * bytes that {@link XmlSampleFields#knownId} knows ({@code word}, its id {@code id}), '=' and '"'.
     */
    void learn(long word, int length, int id) {
        int k = index++;
        if (k >= MAX) {
            return;
        }
        if (length > 5) {
            heads[k] = -1;
            masks[k] = 0;
            return;
        }
        int bytes = length + 3;
        heads[k] = ' ' | word << 8 | (long) '=' << ((length + 1) << 3) | (long) '"' << ((length + 2) << 3);
        masks[k] = -1L >>> ((8 - bytes) << 3);
        headLengths[k] = bytes;
        ids[k] = id;
    }

    /** The general path read the attribute at this place in another form, or one it does not know. */
    void forget() {
        int k = index++;
        if (k < MAX) {
            heads[k] = -1;
            masks[k] = 0;
        }
    }

    /**
     * Reads the next attribute when it comes as the one at the same place in the sample before did, into the
     * sample's fields; false, having taken nothing, otherwise.
     */
    boolean next(XmlScanner sc, XmlSampleFields sample, StringCache cache, TimestampParser timestamps)
            throws IOException, XmlError {
        int k = index;
        int p = sc.pos;
        if (k >= MAX || p + ROOM > sc.limit) {
            return false;
        }
        byte[] b = sc.buf;
        if ((XmlWords.word(b, p) & masks[k]) != heads[k]) {
            return false;
        }
        index = k + 1;
        int id = ids[k];
        int v = p + headLengths[k]; // the value's first byte
        int end = -1; // the closing quote, when the value was taken here
        if (id == XmlSampleFields.S) {
            long w = XmlWords.word(b, v);
            if ((w & 0xFF_FFFF_FFFFL) == TRUE) {
                sample.setParsed(XmlSampleFields.S, 1, sc);
                end = v + 4;
            } else if ((w & 0xFFFF_FFFF_FFFFL) == FALSE) {
                sample.setParsed(XmlSampleFields.S, 0, sc);
                end = v + 5;
            }
        } else if (XmlSampleFields.isNumber(id)) {
            end = digitsEnd(b, v);
            if (end >= 0) {
                sample.setParsed(id, Digits.ofDigits(b, v, end), sc);
            }
        } else {
            end = plainEnd(b, v, sc.limit);
            if (end >= 0 && id != XmlSampleFields.IGNORED) {
                sc.valueFrom = v;
                sc.valueTo = end;
                sc.valueText = null;
                sample.set(id, sc, cache, timestamps);
            }
        }
        if (end >= 0) {
            sc.pos = end + 1;
        } else {
            // a value to be read as the general path reads it
            sc.pos = v - 1;
            sc.value();
            if (id != XmlSampleFields.IGNORED) {
                sample.set(id, sc, cache, timestamps);
            }
        }
        return true;
    }

    /** Where the value of one to sixteen digits at {@code v} ends with its '"', else -1. */
    private static int digitsEnd(byte[] b, int v) {
        long other = Digits.notDigits(XmlWords.word(b, v));
        int at;
        if (other != 0) {
            at = v + XmlWords.first(other);
            if (at == v) {
                return -1;
            }
        } else {
            long other2 = Digits.notDigits(XmlWords.word(b, v + 8));
            if (other2 == 0) {
                return -1;
            }
            at = v + 8 + XmlWords.first(other2);
        }
        return b[at] == '"' ? at : -1;
    }

    /**
     * Where the value at {@code v} ends with its '"' when it is plain (printable ASCII, no reference) and ends before
     * {@code limit}, else -1: the scanner's reading of such a value, without its refills and decoding.
     */
    private static int plainEnd(byte[] b, int v, int limit) {
        for (int i = v; i < limit; i += 8) {
            long stops = XmlWords.valueStops(XmlWords.word(b, i), XmlWords.DOUBLE_QUOTES);
            if (stops != 0) {
                int at = i + XmlWords.first(stops);
                return at < limit && b[at] == '"' ? at : -1;
            }
        }
        return -1;
    }
}
