package io.jenkins.plugins.perfgate.engine.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.stats.IntervalSeries;
import io.jenkins.plugins.perfgate.engine.stats.IntervalSeries.Interval;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReadableIntervalsTest {

    private static IntervalSeries series(long spanMillis, long everyMillis, long seed) {
        IntervalSeries.Builder b = new IntervalSeries.Builder(1000, 10_000);
        SplittableRandom r = new SplittableRandom(seed);
        for (long t = 0; t < spanMillis; t += everyMillis + r.nextLong(everyMillis)) {
            b.record(SyntheticRuns.START + t, 10 + r.nextLong(100), r.nextInt(10) > 0, 3);
        }
        return b.build();
    }

    @Test
    void aDenseShortRunKeepsItsSeconds() {
        IntervalSeries s = series(60_000, 10, 1);
        assertEquals(1000, ReadableIntervals.width(s));
        assertEquals(s, ReadableIntervals.at(s, 1000));
    }

    @Test
    void aSparseRunIsWidenedUntilMostIntervalsHoldSamples() {
        IntervalSeries s = series(120_000, 1500, 2); // a sample every 1.5-3 s: most 1 s intervals empty
        long width = ReadableIntervals.width(s);
        assertTrue(width >= 2000, "width " + width);
        IntervalSeries wide = ReadableIntervals.at(s, width);
        assertEquals(width, wide.bucketMillis());
        long first = wide.intervals().get(0).startMillis();
        long last = wide.intervals().get(wide.intervals().size() - 1).startMillis();
        assertTrue(wide.intervals().size() >= 0.8 * ((last - first) / width + 1), "coverage");
        assertEquals(total(s), total(wide), "no sample lost");
        assertEquals(errors(s), errors(wide));
    }

    @Test
    void aLongRunIsCappedInPoints() {
        IntervalSeries s = series(3 * 3_600_000L, 200, 3);
        long width = ReadableIntervals.width(s);
        IntervalSeries wide = ReadableIntervals.at(s, width);
        assertTrue(wide.intervals().size() <= ReadableIntervals.MAX_POINTS, "points " + wide.intervals().size());
        assertEquals(total(s), total(wide));
    }

    private static long total(IntervalSeries s) {
        return s.intervals().stream().mapToLong(Interval::count).sum();
    }

    private static long errors(IntervalSeries s) {
        return s.intervals().stream().mapToLong(Interval::errors).sum();
    }
}
