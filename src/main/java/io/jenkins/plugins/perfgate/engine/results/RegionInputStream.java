package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Bytes of a file from a position to an end (or to the file's end), with positional reads, so that several threads
 * can share one channel. Holds no resource of its own: the channel is the caller's to close.
 */
final class RegionInputStream extends BulkInputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    /** From {@code start} to the end of the file. */
    RegionInputStream(FileChannel channel, long start) {
        this(channel, start, Long.MAX_VALUE);
    }

    /** Bytes {@code [start, end)}. */
    RegionInputStream(FileChannel channel, long start, long end) {
        this.channel = channel;
        this.position = start;
        this.end = end;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
        if (n > 0) {
            position += n;
        }
        return n;
    }
}
