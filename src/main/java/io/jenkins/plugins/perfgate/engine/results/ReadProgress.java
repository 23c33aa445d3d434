package io.jenkins.plugins.perfgate.engine.results;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the reading of result files has come, for a progress line while multi-gigabyte files are read. The
 * readers add what they read once per buffer (not per row), from any number of threads; anyone may look at any time.
 * Bytes are those of the files as stored (compressed bytes for gzip files), so they can be compared with the files'
 * sizes.
 */
public final class ReadProgress {

    private final long totalBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();

    /** @param totalBytes the size of all files to read (what 100 % is) */
    public ReadProgress(long totalBytes) {
        this.totalBytes = Math.max(0, totalBytes);
    }

    void add(long readBytes, long newSamples) {
        if (readBytes != 0) {
            bytes.addAndGet(readBytes);
        }
        if (newSamples != 0) {
            samples.addAndGet(newSamples);
        }
    }

    /** Bytes read so far (a file read again after a failed split counts twice: see {@link #fraction}). */
    public long bytes() {
        return bytes.get();
    }

    public long samples() {
        return samples.get();
    }

    public long totalBytes() {
        return totalBytes;
    }

    /** The share of the bytes read, 0 to 1. */
    public double fraction() {
        return totalBytes == 0 ? 0 : Math.min(1.0, (double) bytes.get() / totalBytes);
    }
}
