package io.jenkins.plugins.perfgate.engine.stats;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * HdrHistogram's compressed encoding of a histogram, byte for byte what
 * {@code AbstractHistogram.encodeIntoCompressedByteBuffer} writes, without touching the histogram: that method
 * keeps an uncompressed buffer of the histogram's whole range in the histogram afterwards, so a summary used to
 * encode a copy of each label's (packed) histograms, and copying a packed histogram walks every bucket of its
 * range (about a tenth of the CPU of a 2M-sample, 2,000-label report).
 */
final class HistogramEncoding {

    /** The compressed form's first four bytes (V2, the same for every histogram), read off HdrHistogram itself. */
    private static final int COOKIE;

    static {
        Histogram probe = new Histogram(2, 1);
        ByteBuffer buf = ByteBuffer.allocate(probe.getNeededByteBufferCapacity() + 64);
        probe.encodeIntoCompressedByteBuffer(buf);
        COOKIE = buf.getInt(0);
    }

    private HistogramEncoding() {
    }

    /**
     * What one encoding needs, kept for the next: a summary encodes three histograms per label, and each used to
     * allocate a buffer for the histogram's whole range (about 110 KB for times up to 2 s: 660 MB of zeroed
     * garbage for 2,000 labels) and a zlib stream (a few hundred KB of native memory set up and torn down).
     */
    private static final class Scratch {
        ByteBuffer plain = ByteBuffer.allocate(0);
        byte[] out = new byte[0];
        final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    }

    /** Buffers this large are not kept between encodings. */
    private static final int KEEP_AT_MOST = 1 << 20;

    /** One spare scratch (taken by one encoding at a time; concurrent encodings make their own). */
    private static final AtomicReference<Scratch> SPARE = new AtomicReference<>();

    /** The compressed encoding of {@code h} (read only). */
    static byte[] compressed(AbstractHistogram h) {
        Scratch s = SPARE.getAndSet(null);
        if (s == null) {
            s = new Scratch();
        }
        boolean keep = true;
        try {
            int needed = h.getNeededByteBufferCapacity();
            if (s.plain.capacity() < needed) {
                s.plain = ByteBuffer.allocate(needed);
            }
            ByteBuffer plain = s.plain;
            plain.clear();
            int plainLength = h.encodeIntoByteBuffer(plain);
            // as HdrHistogram sizes its target: the uncompressed size bounds what Deflater writes for such data
            int outLength = 8 + plainLength + plainLength / 100 + 64;
            if (s.out.length < outLength) {
                s.out = new byte[outLength];
            }
            byte[] out = s.out;
            Deflater deflater = s.deflater;
            deflater.reset();
            deflater.setInput(plain.array(), 0, plainLength);
            deflater.finish();
            int compressedLength = deflater.deflate(out, 8, outLength - 8);
            if (!deflater.finished()) {
                keep = false;
                throw new IllegalStateException("histogram encoding: compressed form larger than expected");
            }
            ByteBuffer head = ByteBuffer.wrap(out);
            head.putInt(0, COOKIE);
            head.putInt(4, compressedLength);
            keep = s.plain.capacity() <= KEEP_AT_MOST && s.out.length <= KEEP_AT_MOST;
            return Arrays.copyOf(out, 8 + compressedLength);
        } finally {
            if (keep) {
                SPARE.set(s);
            } else {
                s.deflater.end();
            }
        }
    }
}
