package io.jenkins.plugins.perfgate.engine.results;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Streams the rows of a CSV result file (after its header) into samples. Works on bytes: fields are located in a
 * reusable buffer and only decoded when a sample needs them, repeated texts are decoded once ({@link StringCache}),
 * numbers are parsed in place. Quoted fields may hold delimiters, doubled quotes and line breaks. Rows that cannot
 * be read are counted and reported ({@link ProblemLog}); an incomplete last row is skipped as a truncated tail.
 * Not thread-safe: one per file or chunk.
 *
 * <p>Why one class of about 950 lines: this is the hot loop of reading (every byte of every result file passes
 * through {@link #parse}), and its row scan, field location, word-at-a-time delimiter search and field decoding
 * share the buffer and the field offsets as fields of this object. Splitting it would put that state behind calls
 * between objects inside the innermost loop, whose speed {@code perfgate bench} guards (docs/performance.md#benchmark).
 * The methods follow the loop: parse, row scan, word-at-a-time scan, then row handling and field decoding.
 */
final class CsvJtlReader {

    /** Longest row accepted; a longer one is skipped as malformed (keeps memory bounded on garbage input). */
    static final int MAX_ROW_BYTES = 4 << 20;
    private static final int MAX_FIELDS = 4096;
    private static final int NEED_MORE = -1;
    private static final int END = -2;
    /** From {@link #plainRow}: the row goes on past the bytes in the buffer (no quote in it so far). */
    private static final int BUFFER_END = -3;
    private static final long INVALID = Long.MIN_VALUE;
    /**
     * The first reads of a part are this small (then the buffer is filled): so that the fast path meets the end of
     * the buffer within its first few hundred rows, while the JIT gathers the profile it compiles it from. Read
     * whole from the start, the first buffer end came ~900 rows into a part, and C2, compiling {@link #plainRow}
     * after ~600-1,000 rows per thread, in some runs had never seen it: the buffer-end test was compiled as a
     * trap that threw the compiled code away at the first buffer end (docs/performance.md, "The JIT's work").
     */
    private static final int FIRST_READ_BYTES = 8 << 10;
    /** How many reads of {@link #FIRST_READ_BYTES} a part starts with (its first 128 KB). */
    private static final int FIRST_READS = 16;
    /** Longer messages skip a full text cache ({@link #message}). */
    private static final int LONG_TEXT = 32;

    private enum RowStatus { OK, UNCLOSED_QUOTE, TEXT_AFTER_QUOTE, TOO_MANY_FIELDS }

    /** Where a parse stopped: the stream offset after the last row read and the line breaks consumed. */
    record ParseEnd(long endOffset, long lines) {
    }

    /**
     * An empty part's end. Also initialises {@link ParseEnd} with this class: the JIT compiles {@link #parse}'s
     * loop long before the first part ends, and a class not yet initialised there made that code be thrown away
     * and compiled again when the first part returned (an "uninitialized" trap, seen in a compilation log).
     */
    private static final ParseEnd NOTHING = new ParseEnd(0, 0);

    private final byte delimiter;
    private final int fieldCount;
    private final int iTimeStamp;
    private final int iElapsed;
    private final int iLabel;
    private final int iCode;
    private final int iMessage;
    private final int iThread;
    private final int iSuccess;
    private final int iFailure;
    private final int iBytes;
    private final int iSent;
    private final int iAllThreads;
    private final int iLatency;
    private final int iConnect;
    private final TimestampParser timestamps;
    private final ProblemLog log;
    private final SampleSink sink;
    /** The sink when it takes figures without a Sample per row. */
    private final FieldSink fields;
    /** Whether rows go to {@link #fields} (no thread names wanted). */
    private final boolean figuresOnly;
    private final StringCache labels;
    private final StringCache codes;
    private final StringCache messages;
    private final StringCache threads;
    private final StringCache failures;
    /** The last response code looked up ({@link #code}): its bytes as a word, its length and its text. */
    private long lastCodeWord;
    private int lastCodeLength;
    private String lastCode;

    private byte[] buf = new byte[ResultFileReader.READ_BUFFER_BYTES];
    /** Escaped fields with their doubled quotes undone ({@link #unescape}). */
    private byte[] scratch = new byte[256];
    private int[] starts;
    private int[] ends;
    private boolean[] escaped;
    /** Whether {@link #escaped} may hold a true entry (the fast path clears it only then). */
    private boolean escapes;
    private int nf;
    /** Where {@link #parseRow} goes on after {@link #plainRow} gave up on a row, and the fields located before. */
    private int resumeAt;
    private int resumeFields;
    private long rowLines;
    private RowStatus status;
    private boolean unterminated;
    private long samples;
    private final ReadProgress progress;
    /** Samples already reported to {@link #progress}. */
    private long reported;

    /**
     * @param threadNames whether to decode thread names (left empty otherwise)
     * @param progress    where to report the samples read, once per buffer; may be null
     */
    CsvJtlReader(CsvLayout layout, ReadOptions options, ProblemLog log, SampleSink sink, boolean threadNames,
            ReadProgress progress) {
        this(layout, options, log, sink, threadNames, progress, new TextCaches());
    }

    /**
     * The text caches of a reader, which the next reader on the same thread may take over (the parts of a file):
     * a part's reader then neither decodes its labels, codes and messages again nor grows its caches from empty
     * (with 2,000 labels, 96,000 texts decoded for the 48 parts of a 700 MB file, a tenth of the allocation), and
     * its labels are the previous part's Strings with the same numbers ({@link StringCache#lastNumber}), which
     * the aggregation finds its label state by. Not thread-safe: one thread at a time.
     */
    static final class TextCaches {
        private final StringCache labels = new StringCache();
        private final StringCache codes = new StringCache();
        private final StringCache messages = new StringCache();
        private final StringCache threads = new StringCache();
        private final StringCache failures = new StringCache();
    }

    /** A reader whose texts are looked up in (and added to) {@code caches}. */
    CsvJtlReader(CsvLayout layout, ReadOptions options, ProblemLog log, SampleSink sink, boolean threadNames,
            ReadProgress progress, TextCaches caches) {
        this.labels = caches.labels;
        this.codes = caches.codes;
        this.messages = caches.messages;
        this.threads = caches.threads;
        this.failures = caches.failures;
        this.delimiter = (byte) layout.delimiter();
        this.fieldCount = layout.fieldCount();
        // room for a row of the expected width plus the fast path's unconditional writes (see plainRow)
        int room = Math.min(MAX_FIELDS, Math.max(32, fieldCount + 16));
        this.starts = new int[room];
        this.ends = new int[room];
        this.escaped = new boolean[room];
        this.iTimeStamp = layout.indexOf(JMeterColumns.TIME_STAMP);
        this.iElapsed = layout.indexOf(JMeterColumns.ELAPSED);
        this.iLabel = layout.indexOf(JMeterColumns.LABEL);
        this.iCode = layout.indexOf(JMeterColumns.RESPONSE_CODE);
        this.iMessage = layout.indexOf(JMeterColumns.RESPONSE_MESSAGE);
        this.iThread = threadNames ? layout.indexOf(JMeterColumns.THREAD_NAME) : -1;
        this.iSuccess = layout.indexOf(JMeterColumns.SUCCESS);
        this.iFailure = layout.indexOf(JMeterColumns.FAILURE_MESSAGE);
        this.iBytes = layout.indexOf(JMeterColumns.BYTES);
        this.iSent = layout.indexOf(JMeterColumns.SENT_BYTES);
        this.iAllThreads = layout.indexOf(JMeterColumns.ALL_THREADS);
        this.iLatency = layout.indexOf(JMeterColumns.LATENCY);
        this.iConnect = layout.indexOf(JMeterColumns.CONNECT);
        this.timestamps = new TimestampParser(options.timestampFormat(), options::zone);
        this.log = log;
        this.sink = sink;
        this.fields = sink instanceof FieldSink f ? f : null;
        this.figuresOnly = fields != null && iThread < 0;
        this.progress = progress;
    }

    long samples() {
        return samples;
    }

    /**
     * Reads rows from {@code in} until its end, or until the first row boundary at or after {@code stopAt} bytes.
     *
     * @param firstLine line number of the first row (for problems)
     */
    ParseEnd parse(InputStream in, long stopAt, long firstLine) {
        int pos = 0;
        int limit = 0;
        long base = 0;
        boolean eof = false;
        long line = firstLine;
        int reads = 0;
        while (base + pos < stopAt) {
            int next = plainRow(pos, limit);
            if (next < 0) {
                // a row cut by the buffer's end is read again by the fast path once more bytes are in: the
                // general path read it byte by byte only to ask for more, at each of a part's ~130 buffers, and
                // was compiled by both JIT tiers (twice on stack) during the warm-up for that alone. It still
                // reads the file's last row, and a row that fills the whole buffer (which grows for it).
                next = next == BUFFER_END && !eof && (pos > 0 || limit < buf.length) ? NEED_MORE
                        : parseRow(resumeAt, limit, eof, resumeFields);
            }
            if (next == END) {
                break;
            }
            if (next == NEED_MORE) {
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    base += pos;
                    limit -= pos;
                    pos = 0;
                }
                if (limit == buf.length) {
                    if (buf.length >= MAX_ROW_BYTES) {
                        // a row longer than any JMeter writes: skip to the next physical line break
                        log.malformed(line, "", "row longer than " + MAX_ROW_BYTES + " bytes, skipped");
                        int nl = indexOfNewline(0, limit);
                        while (nl < 0 && !eof) {
                            base += limit;
                            limit = 0;
                            int n = readSafely(in, line);
                            if (n < 0) {
                                eof = true;
                            } else {
                                limit = n;
                                nl = indexOfNewline(0, limit);
                            }
                        }
                        int skipped = nl < 0 ? limit : nl + 1;
                        base += skipped;
                        System.arraycopy(buf, skipped, buf, 0, limit - skipped);
                        limit -= skipped;
                        line++;
                        continue;
                    }
                    buf = Arrays.copyOf(buf, Math.min(MAX_ROW_BYTES, buf.length * 2));
                }
                report();
                try {
                    int room = buf.length - limit;
                    int n = in.read(buf, limit, reads++ < FIRST_READS ? Math.min(FIRST_READ_BYTES, room) : room);
                    if (n < 0) {
                        eof = true;
                    } else {
                        limit += n;
                    }
                } catch (EOFException e) {
                    eof = true;
                    log.truncatedTail(line, "the compressed data ends early (" + e.getMessage() + ")");
                    limit = pos; // drop the partial row
                } catch (IOException e) {
                    eof = true;
                    log.malformed(line, "", "read error, the rest of the file is skipped: " + e);
                    limit = pos;
                }
                continue;
            }
            handleRow(pos, line);
            line += rowLines;
            pos = next;
        }
        report();
        return base + pos == 0 && line == firstLine ? NOTHING : new ParseEnd(base + pos, line - firstLine);
    }

    private void report() {
        if (progress != null) {
            progress.add(0, samples - reported);
            reported = samples;
        }
    }

    /** Fills the whole buffer from its start while skipping an overlong row; -1 at the end. */
    private int readSafely(InputStream in, long line) {
        try {
            return in.read(buf, 0, buf.length);
        } catch (IOException e) {
            log.note(line, "", "read error while skipping an overlong row: " + e);
            return -1;
        }
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The fast path for a row without quotes that lies wholly in the buffer (nearly every row JMeter writes):
     * locates its fields eight bytes at a time and returns the position after it, {@link #BUFFER_END} at the
     * buffer's end, or -1 when the general {@link #parseRow} must read it (a field starting with a quote, very many
     * fields; the caller also hands it a row at the buffer's end when no more bytes can come). The
     * delimiters of each word are written out by position without a branch per field, so that varying field
     * lengths cost no mispredicted branches. The first quote byte ends the scan: a quoted field may hold
     * delimiters and line breaks, which this path would take literally, and a long quoted message (a failure with
     * a response excerpt) was scanned here for delimiters in vain. A quote that starts a field hands the row over
     * with the fields before it located; one inside a plain field goes to {@link #rowWithQuotes}.
     */
    private int plainRow(int p, int limit) {
        resumeFields = 0;
        resumeAt = p;
        final byte[] b = buf;
        final long delimiters = (delimiter & 0xffL) * ONES;
        int[] e = ends;
        int cap = e.length - 8;
        int n = 0;
        int base = p;
        while (true) {
            if (base + 8 > limit || n > cap) {
                return base + 8 > limit ? BUFFER_END : -1;
            }
            long w = (long) LONGS.get(b, base);
            long x = w ^ delimiters;
            long y = w ^ NEWLINES;
            long z = w ^ QUOTES;
            long yNonZero = ((y & LOWS) + LOWS) | y;
            long m = ~((((x & LOWS) + LOWS) | x) & yNonZero) & HIGHS;
            // line feeds and quotes: one test for both, so that the common word costs no extra branch
            long stop = ~((((z & LOWS) + LOWS) | z) & yNonZero) & HIGHS;
            if (stop != 0) {
                long first = stop & -stop;
                m &= (first << 1) - 1; // up to the line feed or quote (a quote is not in m)
                n = store(e, n, base, m);
                if ((first & ~yNonZero) != 0) {
                    break;
                }
                int quote = base + (Long.numberOfTrailingZeros(first) >>> 3);
                if (quote > p && b[quote - 1] != delimiter) {
                    return rowWithQuotes(p, limit);
                }
                // the general path goes on from the quoted field, the fields before it located
                setStarts(p, n);
                resumeFields = n;
                resumeAt = quote;
                return -1;
            }
            n = store(e, n, base, m);
            base += 8;
        }
        setStarts(p, n);
        int[] st = starts;
        int end = e[n - 1] + 1; // after the line feed
        if (e[n - 1] > st[n - 1] && b[e[n - 1] - 1] == '\r') {
            e[n - 1]--;
        }
        nf = n;
        rowLines = 1;
        status = RowStatus.OK;
        unterminated = false;
        return end;
    }

    /**
     * Writes the positions of the bytes flagged in {@code m} (the word at {@code base}) to {@code e} from index
     * {@code n}; returns the new count. The first position unconditionally (an entry beyond the count is
     * overwritten later), the rest in a loop: measured faster than two or four unconditional stores, which cost
     * more than the branch saves, and than gathering a row's flags 64 bytes at a time.
     */
    private static int store(int[] e, int n, int base, long m) {
        int count = Long.bitCount(m);
        e[n] = base + (Long.numberOfTrailingZeros(m) >>> 3);
        if (count > 1) {
            m &= m - 1;
            for (int k = n + 1; m != 0; k++) {
                e[k] = base + (Long.numberOfTrailingZeros(m) >>> 3);
                m &= m - 1;
            }
        }
        return n + count;
    }

    /** The starts of fields 0 to {@code n - 1} from their ends, and their escaped flags cleared. */
    private void setStarts(int p, int n) {
        int[] st = starts;
        int[] e = ends;
        if (escapes) {
            Arrays.fill(escaped, false);
            escapes = false;
        }
        st[0] = p;
        for (int k = 1; k < n; k++) {
            st[k] = e[k - 1] + 1;
        }
    }

    /**
     * A row with a quote inside a plain field: its fields are located word by word up to the line feed, and when
     * a later one starts with a quote the general path goes on from there.
     */
    private int rowWithQuotes(int p, int limit) {
        final byte[] b = buf;
        final long delimiters = (delimiter & 0xffL) * ONES;
        int[] e = ends;
        int cap = e.length - 8;
        int n = 0;
        int base = p;
        while (true) {
            if (base + 8 > limit || n > cap) {
                return -1;
            }
            long w = (long) LONGS.get(b, base);
            long m = structural(w, delimiters);
            long newline = equalBytes(w, NEWLINES);
            if (newline != 0) {
                m &= ((newline & -newline) << 1) - 1; // up to the line feed
            }
            n = store(e, n, base, m);
            if (newline != 0) {
                break;
            }
            base += 8;
        }
        setStarts(p, n);
        int[] st = starts;
        for (int k = 0; k < n; k++) {
            if (b[st[k]] == '"') {
                // the fields before the first quoted one are located: the general path goes on from there
                resumeFields = k;
                resumeAt = st[k];
                return -1;
            }
        }
        int end = e[n - 1] + 1; // after the line feed
        if (e[n - 1] > st[n - 1] && b[e[n - 1] - 1] == '\r') {
            e[n - 1]--;
        }
        nf = n;
        rowLines = 1;
        status = RowStatus.OK;
        unterminated = false;
        return end;
    }

    /**
     * Locates the fields of a row from {@code p}, where its field number {@code located} starts (the fields before it
     * were located by {@link #plainRow}); returns the position after the row, NEED_MORE or END.
     */
    private int parseRow(int p, int limit, boolean eof, int located) {
        nf = located;
        rowLines = 0;
        status = RowStatus.OK;
        unterminated = false;
        if (p >= limit) {
            return eof ? END : NEED_MORE;
        }
        final byte[] b = buf;
        final byte d = delimiter;
        final long delimiters = (d & 0xffL) * ONES;
        // delimiters and line feeds of the word [maskBase, maskBase + 8) not yet consumed, one high bit per byte;
        // words are loaded from scanFrom on. Consecutive unquoted fields share words: one load per 8 bytes of
        // the row rather than one or more per field.
        long mask = 0;
        int maskBase = p;
        int scanFrom = p;
        while (true) {
            if (nf == starts.length) {
                if (nf >= MAX_FIELDS) {
                    status = RowStatus.TOO_MANY_FIELDS;
                    return skipLine(p, limit, eof);
                }
                starts = Arrays.copyOf(starts, nf * 2);
                ends = Arrays.copyOf(ends, nf * 2);
                escaped = Arrays.copyOf(escaped, nf * 2);
            }
            if (p < limit && b[p] == '"') {
                int q = p + 1;
                boolean esc = false;
                while (true) {
                    // eight bytes at a time to the next quote (long quoted messages: failures with a response
                    // excerpt), counting the line breaks passed
                    while (q + 8 <= limit) {
                        long w = (long) LONGS.get(b, q);
                        long quotes = equalBytes(w, QUOTES);
                        long lineFeeds = equalBytes(w, NEWLINES);
                        // doubled quotes wholly in this word dropped without going back to a byte check and a
                        // new load each (JSON in a response excerpt doubles a quote every few bytes): pairs from
                        // the first quote, as q is never inside a pair
                        while (quotes != 0) {
                            long first = quotes & -quotes;
                            long second = first << 8; // 0 for the word's last byte: its pair is checked below
                            if ((quotes & second) == 0) {
                                break;
                            }
                            quotes &= ~(first | second);
                            esc = true;
                        }
                        if (quotes != 0) {
                            rowLines += Long.bitCount(lineFeeds & ((quotes & -quotes) - 1));
                            q += Long.numberOfTrailingZeros(quotes) >>> 3;
                            break;
                        }
                        rowLines += Long.bitCount(lineFeeds);
                        q += 8;
                    }
                    if (q >= limit) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        status = RowStatus.UNCLOSED_QUOTE;
                        unterminated = true;
                        return limit;
                    }
                    byte c = b[q];
                    if (c == '"') {
                        if (q + 1 >= limit && !eof) {
                            return NEED_MORE;
                        }
                        if (q + 1 < limit && b[q + 1] == '"') {
                            esc = true;
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        rowLines++;
                    }
                    q++;
                }
                starts[nf] = p + 1;
                ends[nf] = q;
                escaped[nf] = esc;
                escapes |= esc;
                nf++;
                p = q + 1;
                if (p >= limit) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    unterminated = true;
                    return p;
                }
                byte c = b[p];
                if (c == d) {
                    p++;
                    mask = 0;
                    scanFrom = p;
                    continue;
                }
                if (c == '\n') {
                    rowLines++;
                    return p + 1;
                }
                if (c == '\r') {
                    if (p + 1 >= limit) {
                        if (!eof) {
                            return NEED_MORE;
                        }
                        unterminated = true;
                        return p + 1;
                    }
                    if (b[p + 1] == '\n') {
                        rowLines++;
                        return p + 2;
                    }
                }
                status = RowStatus.TEXT_AFTER_QUOTE;
                return skipLine(p, limit, eof);
            }
            while (mask == 0 && scanFrom + 8 <= limit) {
                mask = structural((long) LONGS.get(b, scanFrom), delimiters);
                maskBase = scanFrom;
                scanFrom += 8;
            }
            int q;
            if (mask != 0) {
                q = maskBase + (Long.numberOfTrailingZeros(mask) >>> 3);
                mask &= mask - 1;
            } else {
                // fewer than 8 bytes left in the buffer; the bytes from p to scanFrom hold no delimiter
                q = endOfUnquoted(b, scanFrom, limit, d);
                scanFrom = q + 1;
            }
            if (q >= limit) {
                if (!eof) {
                    return NEED_MORE;
                }
                int e = q > p && b[q - 1] == '\r' ? q - 1 : q;
                starts[nf] = p;
                ends[nf] = e;
                escaped[nf] = false;
                nf++;
                unterminated = true;
                return q;
            }
            int e = b[q] == '\n' && q > p && b[q - 1] == '\r' ? q - 1 : q;
            starts[nf] = p;
            ends[nf] = e;
            escaped[nf] = false;
            nf++;
            if (b[q] == d) {
                p = q + 1;
                continue;
            }
            rowLines++;
            return q + 1;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = '\n' * ONES;

    private static final long QUOTES = '"' * ONES;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

    /** The bytes of {@code w} equal to the byte repeated in {@code pattern}, as the high bit of each (exact). */
    private static long equalBytes(long w, long pattern) {
        long x = w ^ pattern;
        return ~(((x & LOWS) + LOWS) | x) & HIGHS;
    }

    /**
     * The bytes of a word that are the delimiter or a line feed, as the high bit of each such byte. Exact for
     * every byte (no borrow crosses bytes): a byte equal to the one looked for becomes zero after the XOR, and
     * {@code ((x & 0x7F) + 0x7F) | x} has its high bit set exactly when x is not zero.
     */
    private static long structural(long w, long delimiters) {
        long x = w ^ delimiters;
        long y = w ^ NEWLINES;
        long xNonZero = ((x & LOWS) + LOWS) | x;
        long yNonZero = ((y & LOWS) + LOWS) | y;
        return ~(xNonZero & yNonZero) & HIGHS;
    }

    /** Position of the first delimiter or line feed at or after {@code p} (limit when none), byte by byte. */
    private static int endOfUnquoted(byte[] b, int p, int limit, byte d) {
        int q = p;
        while (q < limit) {
            byte c = b[q];
            if (c == d || c == '\n') {
                return q;
            }
            q++;
        }
        return q;
    }

    private int skipLine(int p, int limit, boolean eof) {
        int nl = indexOfNewline(p, limit);
        if (nl < 0) {
            if (!eof) {
                return NEED_MORE;
            }
            unterminated = true;
            return limit;
        }
        rowLines++;
        return nl + 1;
    }

    private void handleRow(int rowStart, long line) {
        switch (status) {
            case UNCLOSED_QUOTE -> {
                log.truncatedTail(line, "a quoted field is not closed");
                return;
            }
            case TEXT_AFTER_QUOTE -> {
                problem(line, "", "text after the closing quote of a field");
                return;
            }
            case TOO_MANY_FIELDS -> {
                problem(line, "", "more than " + MAX_FIELDS + " fields");
                return;
            }
            default -> {
            }
        }
        if (nf == 1 && starts[0] == ends[0]) {
            return; // blank line
        }
        if (nf != fieldCount) {
            problem(line, "", "expected " + fieldCount + " fields, found " + nf);
            return;
        }
        final byte[] b = buf;
        long ts = escaped[iTimeStamp] ? INVALID : timestamps.parse(b, starts[iTimeStamp], ends[iTimeStamp]);
        if (ts == INVALID) {
            problem(line, JMeterColumns.TIME_STAMP, "not a timestamp: '" + shown(iTimeStamp) + "'");
            return;
        }
        long elapsed = number(iElapsed);
        if (elapsed == INVALID || starts[iElapsed] == ends[iElapsed]) {
            problem(line, JMeterColumns.ELAPSED, "not a number: '" + shown(iElapsed) + "'");
            return;
        }
        boolean success;
        String code = iCode < 0 ? "" : code(iCode);
        if (iCode >= 0 && overCap(iCode)) {
            code = TextCaps.capped(code, TextCaps.MAX_TEXT_CHARS, log, line, JMeterColumns.RESPONSE_CODE);
        }
        if (iSuccess >= 0) {
            int flag = successFlag(starts[iSuccess], ends[iSuccess]);
            if (flag < 0) {
                problem(line, JMeterColumns.SUCCESS, "not true or false: '" + shown(iSuccess) + "'");
                return;
            }
            success = flag == 1;
        } else {
            // without a success column: HTTP 4xx/5xx and non-HTTP failures count as errors
            success = !(code.startsWith("4") || code.startsWith("5") || code.startsWith("Non HTTP"));
        }
        long bytes = optionalNumber(iBytes);
        long sent = optionalNumber(iSent);
        long all = optionalNumber(iAllThreads);
        long latency = optionalNumber(iLatency);
        long connect = optionalNumber(iConnect);
        if (bytes == INVALID || sent == INVALID || all == INVALID || latency == INVALID || connect == INVALID) {
            int bad = bytes == INVALID ? iBytes : sent == INVALID ? iSent : all == INVALID ? iAllThreads
                    : latency == INVALID ? iLatency : iConnect;
            problem(line, columnName(bad), "not a number: '" + shown(bad) + "'");
            return;
        }
        if (unterminated && !complete()) {
            log.truncatedTail(line, "the last line has no line break");
            return;
        }
        String label = string(iLabel, labels);
        int labelNumber = labels.lastNumber();
        if (ends[iLabel] - starts[iLabel] > TextCaps.MAX_LABEL_CHARS) {
            // no more characters than bytes: a shorter field is not measured (that read each label's String, a
            // cache miss per row with thousands of labels)
            label = TextCaps.capped(label, TextCaps.MAX_LABEL_CHARS, log, line, JMeterColumns.LABEL);
        }
        // the aggregation needs the message of a failed sample and of a Transaction Controller parent only
        String message = "";
        if (iMessage >= 0 && !(success && figuresOnly && !mayBeTransactionMessage(iMessage))) {
            message = message(iMessage, messages);
            if (overCap(iMessage)) {
                message = TextCaps.capped(message, TextCaps.MAX_TEXT_CHARS, log, line, JMeterColumns.RESPONSE_MESSAGE);
            }
        }
        String failure = iFailure < 0 ? "" : message(iFailure, failures);
        if (iFailure >= 0 && overCap(iFailure)) {
            failure = TextCaps.capped(failure, TextCaps.MAX_TEXT_CHARS, log, line, JMeterColumns.FAILURE_MESSAGE);
        }
        int allThreads = (int) Math.min(Integer.MAX_VALUE, all);
        if (figuresOnly) {
            fields.accept(ts, elapsed, label, labelNumber, code, message, success, failure, bytes, sent, allThreads,
                    latency, connect);
        } else {
            sink.accept(new Sample(ts, elapsed, label, code, message, iThread < 0 ? ""
                    : overCap(iThread) ? TextCaps.capped(string(iThread, threads), TextCaps.MAX_TEXT_CHARS, log,
                            line, JMeterColumns.THREAD_NAME) : string(iThread, threads),
                    success, failure, bytes, sent, allThreads, latency, connect));
        }
        samples++;
    }

    /**
     * Whether a text field may be longer than {@link TextCaps#MAX_TEXT_CHARS}: its bytes (a character takes at
     * least one) are more. Tested here so that the common row makes no call into {@link TextCaps}: the calls were
     * compiled on their own by both JIT tiers (C1 does not inline them into {@link #handleRow}) and queued for C2
     * ahead of {@code handleRow} itself (docs/performance.md, "The JIT's work").
     */
    private boolean overCap(int i) {
        return ends[i] - starts[i] > TextCaps.MAX_TEXT_CHARS;
    }

    /** 1 for true, 0 for false (any case), -1 for anything else: one word compared, not a byte at a time. */
    private int successFlag(int s, int e) {
        byte[] b = buf;
        int len = e - s;
        if (s + 8 <= b.length) {
            return JtlWords.successFlag((long) LONGS.get(b, s), len);
        }
        if (len == 4 && (b[s] | 0x20) == 't' && (b[s + 1] | 0x20) == 'r' && (b[s + 2] | 0x20) == 'u'
                && (b[s + 3] | 0x20) == 'e') {
            return 1;
        }
        return len == 5 && (b[s] | 0x20) == 'f' && (b[s + 1] | 0x20) == 'a' && (b[s + 2] | 0x20) == 'l'
                && (b[s + 3] | 0x20) == 's' && (b[s + 4] | 0x20) == 'e' ? 0 : -1;
    }

    /**
     * The response code: nearly every row repeats the previous row's (97 % in real JMeter output), so a code of up
     * to eight bytes is first compared with it as one word, before the text cache's hash and probe.
     */
    private String code(int i) {
        int s = starts[i];
        int len = ends[i] - s;
        if (len == 0 || len > 8 || escaped[i] || s + 8 > buf.length) {
            return string(i, codes);
        }
        long w = (long) LONGS.get(buf, s) & (-1L >>> ((8 - len) << 3));
        if (w == lastCodeWord && len == lastCodeLength) {
            return lastCode;
        }
        String c = string(i, codes);
        lastCodeWord = w;
        lastCodeLength = len;
        lastCode = c;
        return c;
    }

    /** Whether a field may start with {@link Sample#TRANSACTION_MESSAGE_PREFIX}: its first eight bytes match. */
    private boolean mayBeTransactionMessage(int i) {
        int s = starts[i];
        return ends[i] - s >= Sample.TRANSACTION_MESSAGE_PREFIX.length()
                && (escaped[i] || (long) LONGS.get(buf, s) == JtlWords.TRANSACTION_HEAD);
    }

    /**
     * Whether a last row without line break looks whole. JMeter always ends a row with a line break, so a row
     * without one was cut off unless its last field is a complete value (hand-made files often lack the final
     * line break): the last field must be non-empty.
     */
    private boolean complete() {
        return ends[nf - 1] > starts[nf - 1];
    }

    private void problem(long line, String field, String reason) {
        // a last row without line break that has all its fields was written whole: its errors are its own
        if (unterminated && (nf != fieldCount || !complete())) {
            log.truncatedTail(line, (field.isEmpty() ? "" : field + ": ") + reason);
        } else {
            log.malformed(line, field, reason);
        }
    }

    private String columnName(int index) {
        if (index == iBytes) {
            return JMeterColumns.BYTES;
        } else if (index == iSent) {
            return JMeterColumns.SENT_BYTES;
        } else if (index == iAllThreads) {
            return JMeterColumns.ALL_THREADS;
        } else if (index == iLatency) {
            return JMeterColumns.LATENCY;
        }
        return JMeterColumns.CONNECT;
    }

    private long optionalNumber(int i) {
        if (i < 0 || starts[i] == ends[i]) {
            return 0;
        }
        return number(i);
    }

    /**
     * A decimal integer field, or INVALID. Inlined once per numeric field into {@link #handleRow}, so kept small:
     * the common case (one to eight digits) here, the rest in {@link #anyNumber}. The whole parser inlined six
     * times made {@code handleRow} C2's largest compilation by far (27 KB of code; docs/performance.md).
     */
    private long number(int i) {
        long v = Digits.upToEight(buf, starts[i], ends[i]);
        if (v < 0) { // Digits.INVALID: another form
            v = anyNumber(i);
        }
        return v;
    }

    /** A decimal integer field of any form: empty (0), negative, longer than eight digits, or INVALID. */
    private long anyNumber(int i) {
        if (escaped[i]) {
            return INVALID;
        }
        int p = starts[i];
        int e = ends[i];
        if (p == e) {
            return 0;
        }
        if (buf[p] == '-') {
            long v = Digits.parse(buf, p + 1, e);
            return v == Digits.INVALID ? INVALID : -v;
        }
        return Digits.parse(buf, p, e);
    }

    /**
     * A message field's text: as {@link #string}, but once the cache keeps no more texts a long one is decoded
     * without a lookup. Such a cache is full of messages that differ in every sample (a failure that quotes the
     * response): a lookup then nearly always missed after probing entries that share the message's first bytes
     * (a third of the reading of the {@code failing} shape), and decoded the text anyway.
     */
    private String message(int i, StringCache cache) {
        return ends[i] - starts[i] > LONG_TEXT && cache.full() ? text(i) : string(i, cache);
    }

    private String string(int i, StringCache cache) {
        if (escaped[i]) {
            // doubled quotes undone into the scratch buffer, then looked up there: a message with quotes that
            // repeats (JMeter's assertion messages) is decoded once
            int n = unescape(i); // first: it may replace the scratch buffer
            return cache.get(scratch, 0, n);
        }
        return cache.get(buf, starts[i], ends[i]);
    }

    /** The decoded text of a field (doubled quotes undone), for problems. */
    private String text(int i) {
        if (escaped[i]) {
            int n = unescape(i);
            return new String(scratch, 0, n, StandardCharsets.UTF_8);
        }
        return new String(buf, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }

    /**
     * Copies an escaped field into {@link #scratch} with its doubled quotes undone; returns its length. Eight bytes
     * at a time: a word is copied whole and the copy goes on after its first quote (JSON in a response excerpt
     * quotes every few bytes; a byte loop was a fifth of the reading of such rows).
     */
    private int unescape(int i) {
        int from = starts[i];
        int to = ends[i];
        // room for the word copies and for StringCache's word reads past the end of a text
        if (scratch.length < to - from + 32) {
            scratch = new byte[Math.max(2 * scratch.length, to - from + 32)];
        }
        byte[] b = buf;
        byte[] out = scratch;
        int n = 0;
        int k = from;
        while (k + 8 <= to) {
            long w = (long) LONGS.get(b, k);
            LONGS.set(out, n, w);
            long quotes = equalBytes(w, QUOTES);
            if (quotes == 0) {
                k += 8;
                n += 8;
            } else {
                // the field was scanned as quoted: a quote inside it is always doubled, the second one dropped
                int kept = (Long.numberOfTrailingZeros(quotes) >>> 3) + 1;
                n += kept;
                k += kept + 1;
            }
        }
        for (; k < to; k++) {
            byte c = b[k];
            out[n++] = c;
            if (c == '"') {
                k++;
            }
        }
        return n;
    }

    /** A field as shown in a problem: abbreviated. */
    private String shown(int i) {
        String s = text(i);
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
