package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteFlagsTest {

    /** The word whose byte j has its high bit set when bit j of {@code pattern} is set. */
    private static long flags(int pattern) {
        long m = 0;
        for (int j = 0; j < 8; j++) {
            if ((pattern >>> j & 1) != 0) {
                m |= 0x80L << (8 * j);
            }
        }
        return m;
    }

    @Test
    void everyFlagPatternOfAWordIsCountedAsBitCountDoes() {
        for (int pattern = 0; pattern < 256; pattern++) {
            long m = flags(pattern);
            assertEquals(Long.bitCount(m), ByteFlags.count(m), Long.toHexString(m));
        }
    }

    @Test
    void everyFlagPatternOfAWordHasItsLowestByteAsNumberOfTrailingZerosFindsIt() {
        for (int pattern = 1; pattern < 256; pattern++) {
            long m = flags(pattern);
            assertEquals(Long.numberOfTrailingZeros(m) >>> 3, ByteFlags.lowest(m), Long.toHexString(m));
        }
    }

    @Test
    void aWordsFlagsAreWalkedLowestFirstAsTheReaderStoresThem() {
        // the reader's loop: the lowest flag's index, then that flag cleared, until none is left
        for (int pattern = 1; pattern < 256; pattern++) {
            long m = flags(pattern);
            int seen = 0;
            for (int j = 0; j < 8; j++) {
                if ((pattern >>> j & 1) != 0) {
                    assertEquals(j, ByteFlags.lowest(m), Long.toHexString(m));
                    m &= m - 1;
                    seen++;
                }
            }
            assertEquals(0, m);
            assertEquals(Integer.bitCount(pattern), seen);
        }
    }
}
