package io.jenkins.plugins.perfgate.engine.stats;

import java.nio.ByteBuffer;
import java.util.Arrays;
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

    /** The compressed encoding of {@code h} (read only). */
    static byte[] compressed(AbstractHistogram h) {
        ByteBuffer plain = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int plainLength = h.encodeIntoByteBuffer(plain);
        // as HdrHistogram sizes its target: the uncompressed size bounds what Deflater writes for such data
        byte[] out = new byte[8 + plainLength + plainLength / 100 + 64];
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(plain.array(), 0, plainLength);
            deflater.finish();
            int compressedLength = deflater.deflate(out, 8, out.length - 8);
            if (!deflater.finished()) {
                throw new IllegalStateException("histogram encoding: compressed form larger than expected");
            }
            ByteBuffer head = ByteBuffer.wrap(out);
            head.putInt(0, COOKIE);
            head.putInt(4, compressedLength);
            return Arrays.copyOf(out, 8 + compressedLength);
        } finally {
            deflater.end();
        }
    }
}
