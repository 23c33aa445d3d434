package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RowCutsTest {

    @Test
    void lastPartOfEachThreadIsCutInQuarters() {
        long span = 16_000;
        long[] aims = RowCuts.aims(span, 16, 2, 100);
        // 14 parts of 1,000 bytes, then the last 2,000 bytes in 8 parts of 250
        assertEquals(14 + 8 - 1, aims.length);
        for (int k = 1; k < 14; k++) {
            assertEquals(1_000L * k, aims[k - 1]);
        }
        for (int j = 0; j < 8; j++) {
            assertEquals(14_000L + 250L * j, aims[13 + j]);
        }
        for (int k = 1; k < aims.length; k++) {
            assertTrue(aims[k] > aims[k - 1], "increasing at " + k);
        }
        assertTrue(span - aims[aims.length - 1] == 250, "the last part is a quarter");
    }

    @Test
    void equalPartsWhenQuartersWouldBeTooSmall() {
        assertArrayEquals(new long[] {1_000, 2_000, 3_000}, RowCuts.aims(4_000, 4, 2, 300));
        assertArrayEquals(new long[] {500}, RowCuts.aims(1_000, 2, 2, 1), "no more parts than threads: no tail");
        assertArrayEquals(new long[0], RowCuts.aims(1_000, 1, 2, 1));
    }
}
