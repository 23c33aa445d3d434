package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.GZIPInputStream;

/**
 * A gzip stream decompressed on a thread of its own, a few chunks ahead of its reader: decompression costs about a
 * fifth of the reading, and on a machine with a second core it need not add to the wall time. The reader gets the
 * same bytes and the same exceptions as from a {@link GZIPInputStream} ({@code EOFException} for data cut off,
 * {@code ZipException} for damaged data), in the same place. Memory: up to {@value #AHEAD} + 2 chunks of
 * {@value #CHUNK} bytes. {@link #close()} stops the thread (the compressed stream is closed by whoever opened it).
 * One reader.
 */
final class GunzipAhead extends BulkInputStream {

    /**
     * Bytes a chunk holds. Each chunk is a hand-off between the threads (a wake-up of the one waiting): 512 KB
     * chunks cost about 3 % less process CPU than 256 KB ones, 1 MB ones no less, 64 KB ones more
     * (docs/performance.md).
     */
    static final int CHUNK = 512 * 1024;
    static final int AHEAD = 4;

    /** A decompressed chunk; or the end ({@code length} -1); or the failure that ended the decompression. */
    private record Chunk(byte[] bytes, int length, IOException failure) {
    }

    private static final Chunk END = new Chunk(new byte[0], -1, null);

    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(AHEAD);
    /** Chunks the reader is done with, for the decompressing thread to fill again. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(AHEAD + 2);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int at;

    GunzipAhead(InputStream compressed) {
        thread = new Thread(() -> inflate(compressed), "perfgate-gunzip");
        thread.setDaemon(true);
        thread.start();
    }

    private void inflate(InputStream compressed) {
        try {
            GZIPInputStream gz = new GZIPInputStream(compressed, 1 << 16);
            while (!closed) {
                byte[] b = free.poll();
                if (b == null) {
                    b = new byte[CHUNK];
                }
                int n = 0;
                int got = 0;
                try {
                    while (n < CHUNK && (got = gz.read(b, n, CHUNK - n)) >= 0) {
                        n += got;
                    }
                } catch (IOException e) {
                    if (n > 0) {
                        full.put(new Chunk(b, n, null)); // what came before the damage, as a plain read gives it
                    }
                    throw e;
                }
                if (n > 0) {
                    full.put(new Chunk(b, n, null));
                }
                if (got < 0) {
                    PhaseTrace.mark("gzip stream inflated");
                    full.put(END);
                    return;
                }
            }
        } catch (IOException e) {
            putQuietly(new Chunk(null, -1, e));
        } catch (InterruptedException e) {
            // closed by the reader: nobody waits for more
        }
    }

    private void putQuietly(Chunk c) {
        try {
            full.put(c);
        } catch (InterruptedException e) {
            // closed by the reader
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || at >= current.length) {
            if (current == END) {
                return -1;
            }
            if (current != null && current.failure == null && !free.offer(current.bytes)) {
                // cannot happen (at most AHEAD + 2 chunks exist at once); the chunk is then left to the collector
                current = null;
            }
            try {
                current = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while decompressing");
            }
            at = 0;
            if (current.failure != null) {
                IOException f = current.failure;
                current = END;
                throw f;
            }
            if (current == END) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - at);
        System.arraycopy(current.bytes, at, b, off, n);
        at += n;
        return n;
    }

    /** Stops the decompressing thread and waits for it (it must not read the compressed stream once closed). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the decompression");
        }
    }
}
