package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the first bytes of a result file say about it: its format, where its content starts (after a byte order mark
 * and, for CSV, blank lines, which are counted so that line numbers stay the file's) and the bytes read to tell.
 */
record Sniffed(JtlFormat format, boolean gzip, byte[] prefix, int prefixLength, int contentStart, int skippedLines) {

    /** Bytes looked at to recognise the format and the CSV header. */
    static final int PREFIX = 64 * 1024;

    /**
     * Reads up to {@link #PREFIX} bytes of {@code in} (the decompressed content of a gzip file) and recognises them.
     *
     * @throws ResultsReadException for an empty, binary or damaged file
     */
    static Sniffed of(String name, InputStream in, boolean gzip) throws IOException {
        byte[] prefix = new byte[PREFIX];
        int len = 0;
        try {
            while (len < PREFIX) {
                int n = in.read(prefix, len, PREFIX - len);
                if (n < 0) {
                    break;
                }
                len += n;
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            if (len == 0) {
                throw new ResultsReadException(name + ": gzip data is damaged or cut off at its start: "
                        + e.getMessage(), e);
            }
            // a small compressed file cut off: what was decompressed is read, its last row reported as truncated
        }
        int p = 0;
        if (len >= 3 && (prefix[0] & 0xff) == 0xEF && (prefix[1] & 0xff) == 0xBB && (prefix[2] & 0xff) == 0xBF) {
            p = 3;
        }
        int contentStart = p;
        while (p < len && (prefix[p] == ' ' || prefix[p] == '\t' || prefix[p] == '\r' || prefix[p] == '\n')) {
            p++;
        }
        if (p >= len) {
            throw new ResultsReadException(name + ": is empty (no results were written)");
        }
        JtlFormat tool = ToolFormats.detect(name, prefix, p, len);
        if (tool != null) {
            return new Sniffed(tool, gzip, prefix, len, p, 0);
        }
        if (prefix[p] == '<') {
            return new Sniffed(JtlFormat.XML, gzip, prefix, len, p, 0);
        }
        for (int i = p; i < Math.min(len, p + 512); i++) {
            if (prefix[i] == 0) {
                throw new ResultsReadException(name + ": not a JMeter result file (binary content)");
            }
        }
        // CSV: leading blank lines are skipped but counted, so that line numbers stay those of the file
        int skipped = 0;
        for (int i = contentStart; i < p; i++) {
            if (prefix[i] == '\n') {
                skipped++;
                contentStart = i + 1;
            }
        }
        return new Sniffed(JtlFormat.CSV, gzip, prefix, len, contentStart, skipped);
    }

    /** Length of the first non-blank line including its line break (skipped blank lines included). */
    long headerBytes() {
        int nl = indexOf(prefix, contentStart, prefixLength, (byte) '\n');
        return nl < 0 ? prefixLength - contentStart : nl + 1 - contentStart;
    }

    /** The first non-blank line, checked to be one a result file can start with. */
    String firstLine(String name) throws ResultsReadException {
        int start = contentStart;
        int nl = indexOf(prefix, start, prefixLength, (byte) '\n');
        if (nl < 0 && prefixLength == PREFIX) {
            throw new ResultsReadException(name + ": not a JMeter result file: its first line is longer than "
                    + PREFIX + " bytes");
        }
        int end = nl < 0 ? prefixLength : nl;
        if (end > start && prefix[end - 1] == '\r') {
            end--;
        }
        String line = new String(Arrays.copyOfRange(prefix, start, end), StandardCharsets.UTF_8);
        if (line.isBlank()) {
            throw new ResultsReadException(name + ": starts with a blank line; not a JMeter result file");
        }
        return line;
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
