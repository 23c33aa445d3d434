package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.GZIPInputStream;

/**
 * A gzip-compressed CSV stream decompressed on a thread of its own into parts that end at row starts, for several
 * threads to read at once ({@link GzipCsvParts}). A part ends before the last line of its buffer that looks like a
 * whole row (as {@link RowCuts} cuts a file: the layout's delimiters, no quote); that line and what follows start
 * the next part, copied to the start of its buffer (a row or two). A line inside a quoted field rarely looks like a
 * row; when one did, the part before it ends inside the field, which its reader finds (a quote left open) and the
 * caller then reads the file with one thread. When no line of a full buffer looks like a row, the parts stop and
 * {@link #abandoned()} says so.
 *
 * <p>The bytes are those a {@link GZIPInputStream} gives; the failure that ends the decompression (data cut off or
 * damaged) comes at the end of the last part, after the bytes decompressed before it. Memory: up to {@value #AHEAD}
 * parts waiting, one per reader (the decompressing thread included) and one being filled, of {@value #PART_BYTES}
 * bytes each. {@link #close()} stops the thread (the compressed stream is closed by whoever opened it).
 */
final class GunzipParts implements AutoCloseable {

    /** Bytes of a part: a few milliseconds of reading, so that the readers take turns often and end together. */
    static final int PART_BYTES = 1 << 20;
    static final int AHEAD = 3;

    /**
     * Bytes {@code [from, to)} of {@code bytes}, number {@code index} of the stream (from 0); then the failure that
     * ended the decompression, if any.
     */
    record Part(int index, byte[] bytes, int from, int to, IOException failure) {
        int length() {
            return to - from;
        }

        /** The part's bytes, then its failure if it has one. */
        InputStream stream() {
            return new BulkInputStream() {
                private int at = from;
                private boolean thrown;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    if (at >= to) {
                        if (failure != null && !thrown) {
                            thrown = true;
                            throw failure;
                        }
                        return -1;
                    }
                    int n = Math.min(len, to - at);
                    System.arraycopy(bytes, at, b, off, n);
                    at += n;
                    return n;
                }
            };
        }
    }

    private static final Part END = new Part(-1, new byte[0], 0, 0, null);

    /** Reads a part on the decompressing thread. */
    interface Help {
        void read(Part part);
    }

    private final BlockingQueue<Part> full = new ArrayBlockingQueue<>(AHEAD + 1);
    /** Buffers whose parts were read, for the decompressing thread to fill again. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(AHEAD + 8);
    private final int partBytes;
    private final byte delimiter;
    private final int delimiters;
    private final Help help;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean abandoned;
    /** What a part read by the decompressing thread threw, which ended the parts. */
    private volatile Throwable helpFailure;

    /**
     * Decompresses {@code compressed}, whose content's rows start at byte {@code dataStart} (after the header),
     * rows of {@code fieldCount} fields separated by {@code delimiter}, in parts of {@code partBytes} bytes. When
     * the readers fall behind (the queue is full), the decompressing thread reads the part it just cut with
     * {@code help} instead of waiting: so no thread waits while there is work, which on a busy machine (where a
     * woken reader may wait long for a core) keeps the decompression, the one thing that cannot be shared, going.
     */
    GunzipParts(InputStream compressed, int dataStart, char delimiter, int fieldCount, int partBytes, Help help) {
        this.partBytes = partBytes;
        this.help = help;
        this.delimiter = (byte) delimiter;
        this.delimiters = fieldCount - 1;
        thread = new Thread(() -> inflate(compressed, dataStart), "perfgate-gunzip");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next part in the order of the stream, or null when there is none left; any thread may ask. */
    Part next() throws InterruptedIOException {
        try {
            Part p = full.take();
            if (p == END) {
                markEnd(); // for the other readers
                return null;
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while decompressing");
        }
    }

    /**
     * Gives a part's buffer back once its bytes were read; false when it is left to the collector (a larger first
     * buffer, or more buffers than the list holds).
     */
    boolean release(Part p) {
        return p.bytes().length == partBytes && free.offer(p.bytes());
    }

    /**
     * Puts the end mark in the queue. Nothing is queued after the end but end marks (one per reader that took it,
     * one from {@link #stop()}, at most one part the decompressing thread offers while it stops), so there is room.
     */
    private void markEnd() {
        if (!full.offer(END)) {
            throw new IllegalStateException("no room for the end of the parts");
        }
    }

    /** What a part read on the decompressing thread threw, if anything (the parts ended there). */
    Throwable helpFailure() {
        return helpFailure;
    }

    /** Whether the parts stopped before the end because a full buffer had no line that looks like a row. */
    boolean abandoned() {
        return abandoned;
    }

    private byte[] buffer(int atLeast) {
        byte[] b = free.poll();
        return b != null && b.length >= atLeast ? b : new byte[Math.max(partBytes, atLeast)];
    }

    private void inflate(InputStream compressed, int dataStart) {
        int index = 0;
        try {
            GZIPInputStream gz = new GZIPInputStream(compressed, 1 << 16);
            // the first buffer holds the header too
            byte[] b = buffer(dataStart + partBytes);
            int from = dataStart;
            int n = 0;
            while (!closed) {
                int got = 0;
                try {
                    while (n < b.length && (got = gz.read(b, n, b.length - n)) >= 0) {
                        n += got;
                    }
                } catch (IOException e) {
                    // what came before the damage, as a plain read gives it, and then the damage
                    full.put(new Part(index, b, Math.min(from, n), n, e));
                    full.put(END);
                    return;
                }
                if (got < 0) {
                    PhaseTrace.mark("gzip stream inflated");
                    full.put(new Part(index, b, Math.min(from, n), n, null));
                    full.put(END);
                    return;
                }
                int cut = lastRowStart(b, from, n);
                if (cut < 0) {
                    abandoned = true;
                    full.put(END);
                    return;
                }
                byte[] next = buffer(n - cut);
                System.arraycopy(b, cut, next, 0, n - cut);
                Part p = new Part(index++, b, from, cut, null);
                if (!full.offer(p)) {
                    try {
                        help.read(p);
                        release(p);
                    } catch (RuntimeException | Error e) {
                        helpFailure = e;
                        full.put(END);
                        return;
                    }
                }
                b = next;
                n -= cut;
                from = 0;
            }
        } catch (IOException e) {
            putQuietly(new Part(index, new byte[0], 0, 0, e)); // the gzip header itself is damaged
        } catch (InterruptedException e) {
            // closed by the reader: nobody waits for more
        }
    }

    private void putQuietly(Part p) {
        try {
            full.put(p);
            full.put(END);
        } catch (InterruptedException e) {
            // closed by the reader
        }
    }

    /**
     * The start of the last line of {@code b[from, to)} that ends within it and looks like a whole row, after
     * {@code from}; -1 when none does.
     */
    int lastRowStart(byte[] b, int from, int to) {
        int end = lastNewline(b, from, to);
        while (end > from) {
            int before = lastNewline(b, from, end);
            if (before < 0) {
                return -1;
            }
            if (looksLikeRow(b, before + 1, end)) {
                return before + 1;
            }
            end = before;
        }
        return -1;
    }

    private static int lastNewline(byte[] b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean looksLikeRow(byte[] b, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == delimiter) {
                count++;
            } else if (c == '"') {
                return false;
            }
        }
        return count == delimiters;
    }

    /**
     * Ends the parts early (a reader failed): the decompression stops and {@link #next()} gives null from now on,
     * so that the other readers stop too. Any thread may call it; {@link #close()} still waits for the thread.
     */
    void stop() {
        closed = true;
        thread.interrupt();
        full.clear();
        markEnd();
    }

    /**
     * Stops the decompressing thread and waits for it (it must not read the compressed stream once closed); readers
     * still waiting for a part get none.
     */
    @Override
    public void close() throws InterruptedIOException {
        stop();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the decompression");
        }
    }
}
