package io.jenkins.plugins.perfgate.engine.stats;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;

/**
 * HdrHistogram's compressed encoding of frozen counts ({@link FrozenCounts}), byte for byte what
 * {@code AbstractHistogram.encodeIntoCompressedByteBuffer} writes for the histogram they stand for, without making
 * that histogram: HdrHistogram's encoder asks for every count of the range (a walk of the packed tree each, for
 * packed histograms) and keeps an uncompressed buffer of the whole range in the histogram afterwards; frozen
 * counts are already in the encoding's form.
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
        /** The plain encoding of an empty histogram of range {@link #headerRange}, or null. */
        byte[] header;
        long headerRange;
        final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    }

    /** Bytes of the plain encoding's header, before the counts. */
    private static final int HEADER = 40;

    /** Buffers this large are not kept between encodings. */
    private static final int KEEP_AT_MOST = 1 << 20;

    /** One spare scratch (taken by one encoding at a time; concurrent encodings make their own). */
    private static final AtomicReference<Scratch> SPARE = new AtomicReference<>();

    /**
     * The compressed encoding of frozen counts: the same bytes as that of the histogram they stand for, whose
     * plain form is HdrHistogram's header (of an empty histogram of the same range: the last one is kept, as most
     * labels share a range) and the counts as they are.
     */
    static byte[] compressed(FrozenCounts counts) {
        Scratch s = SPARE.getAndSet(null);
        if (s == null) {
            s = new Scratch();
        }
        boolean keep = false;
        try {
            byte[] payload = counts.payload();
            int needed = HEADER + Math.max(payload.length, 16);
            if (s.plain.capacity() < needed) {
                s.plain = ByteBuffer.allocate(needed);
            }
            ByteBuffer plain = s.plain;
            plain.clear();
            if (s.header == null || s.headerRange != counts.highestTrackable()) {
                s.header = emptyEncoding(counts.highestTrackable());
                s.headerRange = counts.highestTrackable();
            }
            int plainLength;
            if (counts.totalCount() == 0) {
                plain.put(s.header);
                plainLength = s.header.length;
            } else {
                plain.put(s.header, 0, HEADER);
                plain.put(payload);
                plain.putInt(4, payload.length);
                plainLength = plain.position();
            }
            byte[] compressed = deflated(s, plainLength);
            keep = true;
            return compressed;
        } finally {
            release(s, keep);
        }
    }

    /** HdrHistogram's plain encoding of an empty histogram of perfgate's precision and this highest trackable value. */
    private static byte[] emptyEncoding(long highestTrackable) {
        PackedHistogram empty = new PackedHistogram(1, Math.max(FrozenCounts.NEW_RANGE, highestTrackable),
                LabelStats.SIGNIFICANT_DIGITS);
        ByteBuffer buf = ByteBuffer.allocate(empty.getNeededByteBufferCapacity());
        int length = empty.encodeIntoByteBuffer(buf);
        if (length < HEADER) {
            throw new IllegalStateException("histogram encoding: header of " + length + " bytes");
        }
        return Arrays.copyOf(buf.array(), length);
    }

    /** The plain form in {@code s.plain} compressed, behind the compressed form's cookie and length. */
    private static byte[] deflated(Scratch s, int plainLength) {
        // as HdrHistogram sizes its target: the uncompressed size bounds what Deflater writes for such data
        int outLength = 8 + plainLength + plainLength / 100 + 64;
        if (s.out.length < outLength) {
            s.out = new byte[outLength];
        }
        byte[] out = s.out;
        Deflater deflater = s.deflater;
        deflater.reset();
        deflater.setInput(s.plain.array(), 0, plainLength);
        deflater.finish();
        int compressedLength = deflater.deflate(out, 8, outLength - 8);
        if (!deflater.finished()) {
            throw new IllegalStateException("histogram encoding: compressed form larger than expected");
        }
        ByteBuffer head = ByteBuffer.wrap(out);
        head.putInt(0, COOKIE);
        head.putInt(4, compressedLength);
        return Arrays.copyOf(out, 8 + compressedLength);
    }

    /** Keeps the scratch for the next encoding unless it failed or grew too large. */
    private static void release(Scratch s, boolean keep) {
        if (keep && s.plain.capacity() <= KEEP_AT_MOST && s.out.length <= KEEP_AT_MOST) {
            SPARE.set(s);
        } else {
            s.deflater.end();
        }
    }
}
