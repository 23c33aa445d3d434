package io.jenkins.plugins.perfgate.engine.stats;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.HdrHistogram.packedarray.IterationValue;
import org.HdrHistogram.packedarray.PackedLongArray;

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
        /** The plain encoding of an empty histogram of range {@link #headerRange}, or null. */
        byte[] header;
        long headerRange;
        final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    }

    /** Bytes of the plain encoding's header, before the counts. */
    private static final int HEADER = 40;

    /**
     * HdrHistogram's plain (V2) encoding of {@code h} into {@code plain}, its length returned. HdrHistogram asks a
     * packed histogram for every count of its range, each a walk of the packed tree; here the packed counts are
     * walked once, non-zero ones only, and the gaps written as HdrHistogram writes them: a single zero as a count
     * of 0, longer runs as their negated length, every number zig-zag LEB128 (at most nine bytes). The header is
     * HdrHistogram's own, of an empty histogram of the same range.
     */
    private static int encode(AbstractHistogram h, ByteBuffer plain) {
        PackedLongArray counts = PackedSizing.countsOf(h);
        if (counts == null || h.getTotalCount() == 0) {
            return h.encodeIntoByteBuffer(plain);
        }
        int headerLength = new PackedHistogram(h).encodeIntoByteBuffer(plain);
        if (headerLength < HEADER) {
            throw new IllegalStateException("histogram encoding: header of " + headerLength + " bytes");
        }
        int limit = HdrIndex.of(h.getMaxValue()) + 1;
        plain.position(HEADER);
        int next = 0;
        for (IterationValue v : counts.nonZeroValues()) {
            int index = v.getIndex();
            if (index >= limit) {
                break;
            }
            putZeros(plain, index - next);
            putLong(plain, v.getValue());
            next = index + 1;
        }
        putZeros(plain, limit - next);
        plain.putInt(4, plain.position() - HEADER);
        return plain.position();
    }

    private static void putZeros(ByteBuffer out, int zeros) {
        if (zeros == 1) {
            putLong(out, 0);
        } else if (zeros > 1) {
            putLong(out, -zeros);
        }
    }

    /** Zig-zag LEB128 as HdrHistogram writes it: seven bits a byte, the ninth byte holding the last eight. */
    private static void putLong(ByteBuffer out, long value) {
        long z = (value << 1) ^ (value >> 63);
        for (int i = 0; i < 8; i++) {
            if ((z >>> 7) == 0) {
                out.put((byte) z);
                return;
            }
            out.put((byte) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.put((byte) z);
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
        boolean keep = false;
        try {
            int needed = h.getNeededByteBufferCapacity();
            if (s.plain.capacity() < needed) {
                s.plain = ByteBuffer.allocate(needed);
            }
            s.plain.clear();
            byte[] compressed = deflated(s, encode(h, s.plain));
            keep = true;
            return compressed;
        } finally {
            release(s, keep);
        }
    }

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
