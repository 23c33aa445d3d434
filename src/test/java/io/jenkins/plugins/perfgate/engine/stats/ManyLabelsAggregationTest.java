package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Per-label state that follows the label's data: histograms exact in their packed, zeros-only and flat forms and
 * across merges; label series widened within the budget while the overall row keeps its full resolution.
 */
class ManyLabelsAggregationTest {

    @Test
    void adaptiveHistogramsCountExactlyInEveryForm() {
        SplittableRandom random = new SplittableRandom(3);
        Histogram reference = LabelStats.newHistogram();
        AdaptiveHistogram a = new AdaptiveHistogram();
        AdaptiveHistogram zerosOnly = new AdaptiveHistogram();
        for (int i = 0; i < 5; i++) {
            zerosOnly.record(0);
            reference.recordValue(0);
        }
        for (int i = 0; i < AdaptiveHistogram.FLAT_AFTER - 10; i++) {
            long v = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(60_000);
            a.record(v);
            reference.recordValue(v);
        }
        assertFalse(a.isFlat(), "still packed below the threshold");
        a.add(zerosOnly);
        AdaptiveHistogram b = new AdaptiveHistogram();
        for (int i = 0; i < 100; i++) {
            long v = 1 + random.nextInt(3_000_000);
            b.record(v);
            reference.recordValue(v);
        }
        a.add(b);
        assertTrue(a.isFlat(), "flat once past the threshold");
        assertEquals(reference, a.frozen().toHistogram());
        Histogram zeros = new AdaptiveHistogram().frozen().toHistogram();
        assertEquals(0, zeros.getTotalCount());
        AdaptiveHistogram onlyZeros = new AdaptiveHistogram();
        onlyZeros.record(0);
        onlyZeros.record(0);
        assertEquals(2, onlyZeros.frozen().toHistogram().getCountAtValue(0));
    }

    /**
     * Samples are held back per label and recorded in batches, and runs of one response code are counted at once:
     * a label's codes, series (count, errors, threads per interval) and percentiles still equal a direct
     * computation, whatever the interleaving and with batches cut off by the end, by merges and by a freeze.
     */
    @Test
    void batchedSamplesCountExactly() {
        AggregationOptions options = AggregationOptions.defaults();
        RunAggregator agg = new RunAggregator(options);
        RunAggregator part = new RunAggregator(options);
        SplittableRandom random = new SplittableRandom(9);
        String[] codes = {"200", "200", "200", "404", "500"};
        Map<String, Map<String, Long>> codeCounts = new HashMap<>();
        Map<String, Map<Long, long[]>> perSecond = new HashMap<>();
        Map<String, Histogram> elapsed = new HashMap<>();
        long start = 1_760_000_000_000L;
        for (int i = 0; i < 20_000; i++) {
            String label = "L" + random.nextInt(7);
            long t = start + random.nextInt(120_000);
            String code = codes[random.nextInt(i % 3 == 0 ? 5 : 1)];
            boolean ok = !code.equals("500");
            int threads = 1 + random.nextInt(40);
            long e = random.nextInt(10) == 0 ? 1L << 33 : random.nextInt(5_000);
            (i < 15_000 ? agg : part).accept(t, e, label, code, "m", ok, ok ? "" : "boom", 1, 1, threads, e / 2, 0);
            if (i == 5_000) {
                agg.aggregate(); // a freeze midway changes nothing
            }
            codeCounts.computeIfAbsent(label, k -> new HashMap<>()).merge(code, 1L, Long::sum);
            long[] second = perSecond.computeIfAbsent(label, k -> new HashMap<>())
                    .computeIfAbsent(Math.floorDiv(t, 1000L), k -> new long[3]);
            second[0]++;
            second[1] += ok ? 0 : 1;
            second[2] = Math.max(second[2], threads);
            elapsed.computeIfAbsent(label, k -> LabelStats.newHistogram()).recordValue(e);
        }
        agg.addAll(part);
        RunAggregator.Aggregate a = agg.aggregate();
        assertEquals(7, a.labels().size());
        for (LabelStats l : a.labels()) {
            assertEquals(codeCounts.get(l.label()), l.responseCodes().entries(), l.label());
            assertEquals(elapsed.get(l.label()), l.elapsedHistogram(), l.label());
            IntervalSeries series = l.series();
            assertEquals(1000, series.bucketMillis(), "7 labels keep 1 s intervals");
            Map<Long, long[]> expected = perSecond.get(l.label());
            assertEquals(expected.size(), series.intervals().size(), l.label());
            for (IntervalSeries.Interval in : series.intervals()) {
                long[] want = expected.get(in.startMillis() / 1000);
                assertEquals(want[0], in.count(), l.label() + " count at " + in.startMillis());
                assertEquals(want[1], in.errors(), l.label() + " errors at " + in.startMillis());
                assertEquals(want[2], in.maxThreads(), l.label() + " threads at " + in.startMillis());
            }
        }
    }

    @Test
    void labelSeriesShareABudgetTheOverallRowKeepsFullResolution() {
        AggregationOptions options = AggregationOptions.defaults();
        RunAggregator agg = new RunAggregator(options);
        RunAggregator otherPart = new RunAggregator(options);
        int labels = 1_000;
        long start = 1_760_000_000_000L;
        long samples = 0;
        for (long t = 0; t < 2 * 3_600_000L; t += 37) {
            int l = (int) ((t / 37) % labels);
            (t % 2 == 0 ? agg : otherPart).accept(start + t, 10 + l % 50, "L" + l, "200", "OK", true, "", 1, 1, 4,
                    5, 0);
            samples++;
        }
        agg.addAll(otherPart);
        RunAggregator.Aggregate a = agg.aggregate();
        assertEquals(samples, a.overall().count());
        assertEquals(samples, a.overall().series().intervals().stream().mapToLong(IntervalSeries.Interval::count)
                .sum(), "the overall series holds every sample");
        assertTrue(a.overall().series().intervals().size() > options.maxIntervals() / 2,
                "overall at full resolution: " + a.overall().series().intervals().size());
        int bound = RunAggregator.labelSeriesIntervals(options.maxIntervals(), labels);
        assertEquals(RunAggregator.LABEL_SERIES_BUDGET / labels, bound);
        for (LabelStats l : a.labels()) {
            assertTrue(l.series().intervals().size() <= bound, l.label() + ": " + l.series().intervals().size());
            assertEquals(l.count(), l.series().intervals().stream().mapToLong(IntervalSeries.Interval::count).sum(),
                    l.label());
        }
        assertEquals(options.maxIntervals(), RunAggregator.labelSeriesIntervals(options.maxIntervals(), 20),
                "a few labels keep full series");
        assertEquals(RunAggregator.MIN_LABEL_INTERVALS, RunAggregator.labelSeriesIntervals(240, 5_000));
    }
}
