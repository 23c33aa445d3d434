package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads a file from a position to its end with positional reads, so several threads can share one channel. */
final class RegionInputStream extends InputStream {
    private final FileChannel channel;
    private long position;

    RegionInputStream(FileChannel channel, long start) {
        this.channel = channel;
        this.position = start;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, len), position);
        if (n > 0) {
            position += n;
        }
        return n;
    }
}
