package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** One-byte reads through the block read: every byte value unsigned, then the end. */
class BulkInputStreamTest {

    @Test
    void singleBytesAreUnsignedAndEndWithMinusOne() throws IOException {
        byte[] content = {0, 1, 127, (byte) 128, (byte) 0xff};
        BulkInputStream in = new BulkInputStream() {
            private int at;

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= content.length) {
                    return -1;
                }
                b[off] = content[at++];
                return 1;
            }
        };
        int[] expected = {0, 1, 127, 128, 255, -1, -1};
        for (int e : expected) {
            assertEquals(e, in.read());
        }
    }
}
