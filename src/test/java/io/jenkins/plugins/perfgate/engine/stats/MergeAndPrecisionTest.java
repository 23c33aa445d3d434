package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.results.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Percentiles within HdrHistogram precision of the exact nearest rank; merging parts equals summarising the whole. */
public class MergeAndPrecisionTest {

    private static List<Sample> samples(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>();
        long t = 1_700_000_000_000L;
        for (int i = 0; i < n; i++) {
            t += r.nextInt(40);
            long elapsed = (long) Math.exp(2 + r.nextDouble() * 8); // 7 ms .. 22 s
            boolean ok = r.nextInt(20) != 0;
            String label = "l" + r.nextInt(5);
            out.add(new Sample(t, elapsed, label, ok ? "200" : "50" + r.nextInt(3), "OK", "t", ok,
                    ok ? "" : "boom " + r.nextInt(3), r.nextInt(5000), r.nextInt(500), 1 + r.nextInt(50),
                    elapsed / 2, r.nextInt(3)));
        }
        return out;
    }

    private static RunAggregator.Aggregate aggregate(List<Sample> samples, AggregationOptions o) {
        RunAggregator a = new RunAggregator(o);
        samples.forEach(a::accept);
        return a.aggregate();
    }

    @Test
    void shiftingOntoAnotherClockMovesTimesAndWholeIntervalsOnly() {
        List<Sample> controllerClock = samples(5_000, 9);
        long width = aggregate(controllerClock, AggregationOptions.defaults()).overall().series().bucketMillis();
        for (long offset : new long[] {3 * width, 3 * width + width / 3}) {
            // the same samples as a machine whose clock runs `offset` ms ahead recorded them
            List<Sample> ahead = controllerClock.stream().map(x -> new Sample(x.timeStamp() + offset, x.elapsed(),
                    x.label(), x.responseCode(), x.responseMessage(), x.threadName(), x.success(),
                    x.failureMessage(), x.bytes(), x.sentBytes(), x.allThreads(), x.latency(), x.connect())).toList();
            LabelStats expected = aggregate(controllerClock, AggregationOptions.defaults()).overall();
            LabelStats back = aggregate(ahead, AggregationOptions.defaults()).overall().shifted(-offset);
            assertEquals(expected.firstStart(), back.firstStart());
            assertEquals(expected.lastEnd(), back.lastEnd());
            assertEquals(expected.count(), back.count());
            assertEquals(expected.percentile(95), back.percentile(95));
            List<IntervalSeries.Interval> want = expected.series().intervals();
            List<IntervalSeries.Interval> got = back.series().intervals();
            if (offset % width == 0) {
                assertEquals(want.stream().map(i -> i.startMillis() + ":" + i.count()).toList(),
                        got.stream().map(i -> i.startMillis() + ":" + i.count()).toList(), "the very same intervals");
            }
            // residual: at most half an interval
            assertTrue(Math.abs(got.get(0).startMillis() - want.get(0).startMillis()) <= width / 2,
                    got.get(0).startMillis() + " vs " + want.get(0).startMillis());
            assertEquals(want.stream().mapToLong(IntervalSeries.Interval::count).sum(),
                    got.stream().mapToLong(IntervalSeries.Interval::count).sum());
        }
    }

    @Test
    void percentilesAreWithinHdrHistogramPrecisionOfTheExactNearestRank() {
        List<Sample> all = samples(50_000, 1);
        LabelStats overall = aggregate(all, AggregationOptions.defaults()).overall();
        long[] sorted = all.stream().mapToLong(Sample::elapsed).sorted().toArray();
        for (double p : new double[] {1, 10, 50, 90, 95, 99, 99.9, 100}) {
            long exact = sorted[(int) Math.ceil(p / 100 * sorted.length) - 1];
            long got = overall.percentile(p);
            assertTrue(Math.abs(got - exact) <= Math.max(1, exact / 1000.0), "p" + p + ": " + got + " vs " + exact);
        }
        assertEquals(sorted[sorted.length - 1], overall.max());
        assertEquals(Arrays.stream(sorted).average().orElseThrow(), overall.mean(), 1e-6);
    }

    @Test
    void overallLeavesOutTransactionParentsAndEqualsAnIndependentComputation() {
        List<Sample> all = new ArrayList<>(samples(20_000, 5));
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 3000; i++) {
            // parents, some under a label that also has ordinary samples
            all.add(new Sample(1_700_000_000_000L + i * 10, 500 + r.nextInt(5000), i % 2 == 0 ? "tx" : "l1", "200",
                    Sample.TRANSACTION_MESSAGE_PREFIX + " : 2, number of failing samples : 0", "t", true, "", 10, 1,
                    1, 0, 0));
        }
        RunAggregator.Aggregate a = aggregate(all, AggregationOptions.defaults());
        List<Sample> counted = all.stream().filter(s -> !s.transactionParent()).toList();
        long[] sorted = counted.stream().mapToLong(Sample::elapsed).sorted().toArray();
        LabelStats overall = a.overall();
        assertEquals(counted.size(), overall.count());
        assertEquals(counted.stream().filter(s -> !s.success()).count(), overall.errors());
        assertEquals(Arrays.stream(sorted).sum(), overall.sumElapsed());
        assertEquals(sorted[0], overall.min());
        assertEquals(sorted[sorted.length - 1], overall.max());
        long p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
        assertTrue(Math.abs(overall.percentile(95) - p95) <= Math.max(1, p95 / 1000.0));
        assertEquals(counted.stream().mapToLong(Sample::bytes).sum(), overall.bytesReceived());
        LabelStats l1 = a.label("l1");
        assertEquals(all.stream().filter(s -> s.label().equals("l1")).count(), l1.count(), "label rows keep parents");
        assertTrue(l1.transactionController() && a.label("tx").transactionController());
        assertTrue(!a.label("l0").transactionController());
        assertEquals(all.size(), a.labels().stream().mapToLong(LabelStats::count).sum());
    }

    @Test
    void mergeOfPartsEqualsTheWholeInAnyGrouping() {
        AggregationOptions o = AggregationOptions.defaults().withInterval(1000, 50);
        List<Sample> all = samples(30_000, 2);
        List<Sample> a = all.subList(0, 7_000);
        List<Sample> b = all.subList(7_000, 19_000);
        List<Sample> c = all.subList(19_000, all.size());
        RunAggregator.Aggregate whole = aggregate(all, o);
        RunAggregator.Aggregate left = aggregate(a, o).merge(aggregate(b, o), o).merge(aggregate(c, o), o);
        RunAggregator.Aggregate right = aggregate(a, o).merge(aggregate(b, o).merge(aggregate(c, o), o), o);
        // interleaved parts (as parallel chunks of unsorted files give) too
        List<Sample> even = new ArrayList<>();
        List<Sample> odd = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 2 == 0 ? even : odd).add(all.get(i));
        }
        RunAggregator.Aggregate interleaved = aggregate(odd, o).merge(aggregate(even, o), o);
        for (RunAggregator.Aggregate merged : List.of(left, right, interleaved)) {
            assertSame(whole.overall(), merged.overall());
            assertEquals(whole.labels().size(), merged.labels().size());
            for (LabelStats w : whole.labels()) {
                assertSame(w, merged.label(w.label()));
            }
        }
    }

    /** Every figure and the over-time series agree exactly. */
    public static void assertSame(LabelStats expected, LabelStats actual) {
        assertSame(expected, actual, true);
    }

    /**
     * Every figure and the over-time series agree exactly; the series' thread counts only when {@code threads}
     * (they differ by design between one generator's and several generators' samples).
     */
    public static void assertSame(LabelStats expected, LabelStats actual, boolean threads) {
        assertEquals(expected.label(), actual.label());
        assertEquals(expected.count(), actual.count());
        assertEquals(expected.errors(), actual.errors());
        assertEquals(expected.firstStart(), actual.firstStart());
        assertEquals(expected.lastEnd(), actual.lastEnd());
        assertEquals(expected.sumElapsed(), actual.sumElapsed());
        assertEquals(expected.sumSquaresElapsed(), actual.sumSquaresElapsed(), 1e-6 * expected.sumSquaresElapsed());
        assertEquals(expected.min(), actual.min());
        assertEquals(expected.max(), actual.max());
        assertEquals(expected.bytesReceived(), actual.bytesReceived());
        assertEquals(expected.bytesSent(), actual.bytesSent());
        assertEquals(expected.apdexSatisfied(), actual.apdexSatisfied());
        assertEquals(expected.apdexTolerating(), actual.apdexTolerating());
        assertEquals(expected.elapsedHistogram(), actual.elapsedHistogram());
        assertEquals(expected.latencyHistogram(), actual.latencyHistogram());
        assertEquals(expected.connectHistogram(), actual.connectHistogram());
        assertEquals(expected.responseCodes(), actual.responseCodes());
        assertEquals(expected.failureMessages(), actual.failureMessages());
        assertEquals(expected.transactionController(), actual.transactionController());
        IntervalSeries es = expected.series();
        IntervalSeries as = actual.series();
        assertEquals(es.bucketMillis(), as.bucketMillis());
        assertEquals(es.intervals().size(), as.intervals().size());
        for (int i = 0; i < es.intervals().size(); i++) {
            IntervalSeries.Interval x = es.intervals().get(i);
            IntervalSeries.Interval y = as.intervals().get(i);
            assertEquals(x.startMillis(), y.startMillis());
            assertEquals(x.count(), y.count());
            assertEquals(x.errors(), y.errors());
            if (threads) {
                assertEquals(x.maxThreads(), y.maxThreads());
            }
            assertEquals(x.sketch().encode(), y.sketch().encode());
        }
    }

    @Test
    void seriesStaysBoundedAndAlignedForLongRuns() {
        IntervalSeries.Builder b = new IntervalSeries.Builder(1000, 100);
        long start = 1_700_000_000_000L;
        for (long t = 0; t < 3_600_000; t += 250) {
            b.record(start + t, 10, true, 1);
        }
        IntervalSeries s = b.build();
        assertTrue(s.intervals().size() <= 100, "bounded: " + s.intervals().size());
        assertEquals(0, s.intervals().get(0).startMillis() % s.bucketMillis(), "aligned");
        assertEquals(3_600_000 / 250, s.intervals().stream().mapToLong(IntervalSeries.Interval::count).sum());
    }

    @Test
    void logBinSketchPercentileNeverBelowTheTrueValueAndWithinFivePercent() {
        LogBinSketch sketch = new LogBinSketch();
        long[] values = new SplittableRandom(3).longs(10_000, 0, 100_000).toArray();
        for (long v : values) {
            sketch.record(v);
        }
        Arrays.sort(values);
        for (double p : new double[] {50, 95, 99}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            long got = sketch.percentile(p);
            assertTrue(got >= exact && got <= exact * 1.05 + 1, "p" + p + ": " + got + " vs " + exact);
        }
        assertEquals(sketch.encode(), LogBinSketch.decode(sketch.encode()).encode());
    }

    @Test
    void logBinSketchFindsBinsWithoutLogarithmExactlyAsTheFormula() {
        for (long v = -3; v < 200_000; v++) {
            assertEquals(LogBinSketch.computedBin(v), LogBinSketch.binOf(v), "value " + v);
        }
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            long v = random.nextLong(1L << random.nextInt(1, 63));
            assertEquals(LogBinSketch.computedBin(v), LogBinSketch.binOf(v), "value " + v);
            // both sides of each bin edge
            long edge = LogBinSketch.upperEdge(LogBinSketch.computedBin(v));
            for (long w = Math.max(0, edge - 1); w <= edge + 1 && w > -1; w++) {
                assertEquals(LogBinSketch.computedBin(w), LogBinSketch.binOf(w), "value " + w);
            }
        }
        assertEquals(LogBinSketch.computedBin(Long.MAX_VALUE), LogBinSketch.binOf(Long.MAX_VALUE));
    }

    @Test
    void logBinSketchTablesHoldEveryBinEdgeOfTheFormula() {
        // every bin's lowest value up to 2^40 (the tabled range), found by bisection over the formula, and the
        // value before it: the tables are built from estimates of these edges, and a wrong edge moves a value
        int last = LogBinSketch.computedBin(1L << 40);
        for (int bin = 1; bin <= last; bin++) {
            long lo = 1;
            long hi = 1L << 40;
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (LogBinSketch.computedBin(mid) >= bin) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            for (long w = lo - 1; w <= lo; w++) {
                assertEquals(LogBinSketch.computedBin(w), LogBinSketch.binOf(w), "bin " + bin + ", value " + w);
            }
        }
    }

    @Test
    void logBinSketchCountsPastSixteenBitsStayExact() {
        // counts are 16-bit until a bin passes 65,535; recorded one by one across that edge, and merged past it
        LogBinSketch one = new LogBinSketch();
        for (int i = 0; i < 70_000; i++) {
            one.record(100);
        }
        one.record(5);
        LogBinSketch plain = new LogBinSketch();
        for (int i = 0; i < 65_535; i++) {
            plain.record(100);
        }
        plain.record(5);
        assertEquals(LogBinSketch.upperEdge(LogBinSketch.binOf(5)), one.percentile(100.0 / 70_001));
        assertEquals(LogBinSketch.upperEdge(LogBinSketch.binOf(100)), one.percentile(100.0 * 2 / 70_001));
        LogBinSketch decoded = LogBinSketch.decode(one.encode());
        assertEquals(one.encode(), decoded.encode());
        assertEquals(one.encode(), one.copy().encode());
        LogBinSketch merged = new LogBinSketch();
        merged.merge(plain);
        merged.merge(plain); // bin of 100 ms now holds 131,070
        LogBinSketch expected = new LogBinSketch();
        for (int i = 0; i < 131_070; i++) {
            expected.record(100);
        }
        expected.record(5);
        expected.record(5);
        assertEquals(expected.encode(), merged.encode());
        assertEquals(LogBinSketch.upperEdge(LogBinSketch.binOf(5)), merged.percentile(100.0 * 2 / 131_072));
    }

    @Test
    void logBinSketchCountsPastTheIntRangeStayExact() {
        // a sketch of Integer.MAX_VALUE samples in bin 10 and one in bin 11, in the encoded form
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (long v : new long[] {10, 2, Integer.MAX_VALUE, 1}) {
            while ((v & ~0x7FL) != 0) {
                bytes.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            bytes.write((int) v);
        }
        LogBinSketch big = LogBinSketch.decode(java.util.Base64.getEncoder().withoutPadding()
                .encodeToString(bytes.toByteArray()));
        LogBinSketch sum = new LogBinSketch();
        sum.record(0);
        sum.merge(big);
        sum.merge(big); // bin 10 now holds 2 * Integer.MAX_VALUE: the counts move to longs
        sum.record(1_000_000); // and still grow to a new bin far up
        long edge10 = LogBinSketch.upperEdge(10);
        assertEquals(edge10, sum.percentile(50));
        assertEquals(LogBinSketch.upperEdge(11), sum.percentile(100.0 * (2.0 * Integer.MAX_VALUE + 3) / (2.0 * Integer.MAX_VALUE + 4)));
        assertEquals(LogBinSketch.upperEdge(LogBinSketch.binOf(1_000_000)), sum.percentile(100));
        assertEquals(0, sum.percentile(1e-12));
        LogBinSketch again = LogBinSketch.decode(sum.encode());
        assertEquals(sum.encode(), again.encode());
        assertEquals(sum.encode(), sum.copy().encode());
        LogBinSketch twice = new LogBinSketch();
        twice.merge(again);
        twice.merge(again.copy());
        assertEquals(edge10, twice.percentile(50));
        assertEquals(LogBinSketch.upperEdge(LogBinSketch.binOf(1_000_000)), twice.percentile(100));
    }

    /** Merging (which grows a sketch to the other's range first) holds what recording every value into one held. */
    @Test
    void logBinSketchMergeEqualsRecordingAll() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            LogBinSketch all = new LogBinSketch();
            LogBinSketch merged = new LogBinSketch();
            for (int part = 0; part < 4; part++) {
                LogBinSketch one = new LogBinSketch();
                long from = random.nextLong(0, 5_000);
                int n = random.nextInt(0, 30);
                for (int i = 0; i < n; i++) {
                    long v = from + random.nextLong(0, 1L << random.nextInt(1, 16));
                    one.record(v);
                    all.record(v);
                }
                merged.merge(random.nextBoolean() ? one : one.copy());
            }
            assertEquals(all.encode(), merged.encode(), "round " + round);
            assertEquals(all.percentile(95), merged.percentile(95), "round " + round);
        }
    }
}
