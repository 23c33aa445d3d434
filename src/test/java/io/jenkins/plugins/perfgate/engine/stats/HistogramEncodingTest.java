package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramEncodingTest {

    /** What summaries held before: HdrHistogram's own compressed encoding, of a compact copy. */
    private static byte[] hdrEncoding(AbstractHistogram h) {
        AbstractHistogram copy = LabelStats.compactCopy(h);
        ByteBuffer buf = ByteBuffer.allocate(copy.getNeededByteBufferCapacity());
        int len = copy.encodeIntoCompressedByteBuffer(buf);
        return Arrays.copyOf(buf.array(), len);
    }

    @Test
    void sameBytesAsHdrHistogramForPackedAndFlatHistogramsOfAnyShape() {
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 24; round++) {
            Histogram packed = LabelStats.newHistogram();
            Histogram flat = new Histogram(LabelStats.SIGNIFICANT_DIGITS);
            int n = round == 0 ? 0 : random.nextInt(1, 20_000);
            long spread = 1L << random.nextInt(1, 40);
            for (int i = 0; i < n; i++) {
                long v = random.nextLong(spread);
                packed.recordValue(v);
                flat.recordValue(v);
            }
            assertArrayEquals(hdrEncoding(packed), HistogramEncoding.compressed(FrozenCounts.copyOf(packed)), "packed, round " + round);
            assertArrayEquals(hdrEncoding(flat), HistogramEncoding.compressed(FrozenCounts.copyOf(flat)), "flat, round " + round);
        }
    }
}
