package io.jenkins.plugins.perfgate.engine.results;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reports the bytes read from a file to a {@link ReadProgress}: once per read call, so once per buffer, and at most
 * the length of the region it stands for (a reader of one part of a file reads a little past the part's end, into
 * the next part, which reports those bytes itself).
 */
final class CountingInputStream extends FilterInputStream {
    private final ReadProgress progress;
    private long uncounted;

    CountingInputStream(InputStream in, ReadProgress progress, long length) {
        super(in);
        this.progress = progress;
        this.uncounted = length;
    }

    private void count(long n) {
        long counted = Math.min(n, uncounted);
        if (counted > 0) {
            uncounted -= counted;
            progress.add(counted, 0);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        count(skipped);
        return skipped;
    }
}
