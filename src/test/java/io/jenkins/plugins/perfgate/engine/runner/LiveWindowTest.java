package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveWindowTest {

    @Test
    void windowsCrossProcessesAsOneLineAndMergeExactly() {
        long[] first = new long[100];
        long[] second = new long[300];
        for (int i = 0; i < first.length; i++) {
            first[i] = 10 + i; // 10..109 ms
        }
        for (int i = 0; i < second.length; i++) {
            second[i] = 200 + i; // 200..499 ms
        }
        LiveWindow a = LiveWindow.of(5_000, first, 10, 3);
        LiveWindow b = LiveWindow.of(4_000, second, 0, 5);
        String line = a.format();
        assertTrue(line.startsWith("[perfgate] window 5000 n 100 err 10 sum 5950 threads 3 h "), line);
        assertEquals(Optional.of(a), LiveWindow.parse(line));
        assertEquals(Optional.empty(), LiveWindow.parse(line.replace(" n 100 ", " n 101 ")),
                "a count the histogram does not hold is refused");
        assertEquals(Optional.empty(), LiveWindow.parse("[perfgate] window 5000 n 1 err 0 sum 1 threads 1 h !!"));

        LiveStats.Snapshot merged = LiveWindow.merge(List.of(a, b));
        assertEquals(400, merged.windowSamples());
        assertEquals(100 / 5.0 + 300 / 4.0, merged.windowRps(), 1e-9, "throughputs add up");
        assertEquals(100.0 * 10 / 400, merged.windowErrorPercent(), 1e-9);
        long sum = 5950 + (200 + 499) * 300 / 2;
        assertEquals((double) sum / 400, merged.windowAvg(), 1e-9);
        // every value recorded: the merged percentiles are those of all 400 values (nearest rank)
        long[] all = new long[400];
        System.arraycopy(first, 0, all, 0, 100);
        System.arraycopy(second, 0, all, 100, 300);
        java.util.Arrays.sort(all);
        assertEquals(LiveStats.percentile(all, 95), merged.windowP95(), 0.5);
        assertEquals(LiveStats.percentile(all, 99), merged.windowP99(), 0.5);
        assertEquals(8, merged.activeThreads());
        assertTrue(Double.isNaN(LiveWindow.merge(List.of(LiveWindow.of(5_000, new long[0], 0, 1))).windowP95()));
    }
}
