package io.jenkins.plugins.perfgate.engine.results;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;

/** Where a CSV result file may be cut into parts that threads read on their own ({@code readParallel}). */
final class RowCuts {

    private RowCuts() {
    }

    /** Parts the last part-sized stretch of each thread is cut into. */
    static final int TAIL_SPLIT = 4;

    /**
     * Where to aim the cuts of {@code span} bytes read by {@code threads} threads in about {@code parts} equal
     * parts: offsets (from the start of the data) of the starts of the second part on. The threads take parts as
     * they come, so they run out of work up to one part's reading apart while the others finish theirs; the last
     * {@code threads} parts are therefore cut in {@link #TAIL_SPLIT} each, so that the threads end within a
     * fraction of a part of one another. Equal parts when the quarters would be smaller than {@code minPart}.
     */
    static long[] aims(long span, int parts, int threads, long minPart) {
        boolean tail = parts > threads && span / parts / TAIL_SPLIT >= minPart;
        int full = tail ? parts - threads : parts;
        int count = full + (tail ? threads * TAIL_SPLIT : 0);
        long[] aims = new long[count - 1];
        for (int k = 1; k < full; k++) {
            aims[k - 1] = span * k / parts;
        }
        if (tail) {
            long from = span * full / parts;
            int pieces = threads * TAIL_SPLIT;
            for (int j = 0; j < pieces; j++) {
                aims[full - 1 + j] = from + (span - from) * j / pieces;
            }
        }
        return aims;
    }

    /** Bytes read at a time past the first 4 KB. */
    private static final int WINDOW = 64 * 1024;

    /**
     * Where to cut a file at or after {@code from}: the start of the first line there that looks like a whole row
     * (as many delimiters as the layout has fields less one, no quote), for a line inside a quoted field rarely
     * does; the first line start when none does within {@link CsvJtlReader#MAX_ROW_BYTES}; the size when there is
     * none.
     */
    @SuppressFBWarnings(value = "OS_OPEN_STREAM",
            justification = "a RegionInputStream holds no resource of its own: the channel is the caller's to close")
    static long rowStartAtOrAfter(FileChannel channel, long from, long size, CsvLayout layout) throws IOException {
        if (from <= 0) {
            return 0;
        }
        long firstLineStart = -1;
        long lineStart = -1; // the line being looked at, once a line break was seen
        int delimiters = 0;
        boolean quote = false;
        byte d = (byte) layout.delimiter();
        int wanted = layout.fieldCount() - 1;
        long pos = from - 1;
        long limit = Math.min(size, pos + CsvJtlReader.MAX_ROW_BYTES);
        // 4 KB first: a cut is found within a row or two, and a split makes one cut per part (~50 for 700 MB)
        byte[] window = new byte[4 * 1024];
        InputStream in = new RegionInputStream(channel, pos);
        while (pos < limit) {
            int got = in.read(window, 0, (int) Math.min(window.length, limit - pos));
            if (got <= 0) {
                break;
            }
            for (int i = 0; i < got; i++) {
                byte c = window[i];
                if (c == '\n') {
                    if (lineStart >= 0 && !quote && delimiters == wanted) {
                        return lineStart;
                    }
                    lineStart = pos + i + 1;
                    if (firstLineStart < 0) {
                        firstLineStart = lineStart;
                    }
                    delimiters = 0;
                    quote = false;
                } else if (c == d) {
                    delimiters++;
                } else if (c == '"') {
                    quote = true;
                }
            }
            pos += got;
            if (window.length < WINDOW) {
                window = new byte[WINDOW]; // long rows: larger reads
            }
        }
        if (lineStart >= 0 && lineStart < size && pos >= size && !quote && delimiters == wanted) {
            return lineStart; // the last row, without a line break
        }
        return firstLineStart >= 0 ? firstLineStart : size;
    }
}
