package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The dense form's buckets are HdrHistogram's, and every form and every move between forms keeps the counts exact
 * (compared with a plain HdrHistogram fed the same values).
 */
class AdaptiveHistogramTest {

    @Test
    void bucketsAreHdrHistogramsBuckets() {
        Histogram h = LabelStats.newHistogram();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            long v = i < 70_000 ? i : random.nextLong(1L << random.nextInt(1, 62));
            int index = HdrIndex.of(v);
            assertEquals(h.lowestEquivalentValue(v), HdrIndex.lowestValue(index), "value " + v);
            assertEquals(index, HdrIndex.of(HdrIndex.lowestValue(index)), "value " + v);
            if (v > 0) {
                assertEquals(index - 1, HdrIndex.of(h.lowestEquivalentValue(v) - 1), "bucket below " + v);
            }
        }
    }

    @Test
    void denseFormCountsExactlyAndMergesIntoEveryForm() {
        SplittableRandom random = new SplittableRandom(5);
        Histogram reference = LabelStats.newHistogram();
        AdaptiveHistogram narrow = new AdaptiveHistogram();
        narrow.record(0);
        narrow.record(0);
        reference.recordValueWithCount(0, 2);
        for (int i = 0; i < 3_000; i++) {
            long v = 20 + random.nextInt(1_700);
            narrow.record(v);
            reference.recordValue(v);
        }
        assertTrue(narrow.isDense(), "1.7 s of values in 3,000 samples stay dense");
        assertEquals(reference, narrow.frozen().toHistogram());

        // a thin spread (a few values over seconds) moves to the packed form, exactly
        AdaptiveHistogram wide = new AdaptiveHistogram();
        Histogram wideReference = LabelStats.newHistogram();
        for (long v : new long[] {3, 90_000, 5, 7_000_000_000L, 1_200}) {
            wide.record(v);
            wideReference.recordValue(v);
        }
        assertFalse(wide.isDense());
        assertEquals(wideReference, wide.frozen().toHistogram());

        // dense into packed, packed into dense, then past the flat threshold
        AdaptiveHistogram sum = new AdaptiveHistogram();
        sum.add(narrow);
        sum.add(wide);
        reference.add(wideReference);
        assertEquals(reference, sum.frozen().toHistogram());
        AdaptiveHistogram other = new AdaptiveHistogram();
        other.add(wide);
        other.add(narrow);
        assertEquals(reference, other.frozen().toHistogram());
        int[] batch = new int[AdaptiveHistogram.FLAT_AFTER];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(50_000);
            reference.recordValue(batch[i]);
        }
        sum.recordAll(batch, 0, batch.length);
        assertTrue(sum.isFlat());
        assertEquals(reference, sum.frozen().toHistogram());
        assertEquals(reference.getMaxValue(), sum.frozen().toHistogram().getMaxValue());
        assertEquals(reference.getMinNonZeroValue(), sum.frozen().toHistogram().getMinNonZeroValue());
    }

    @Test
    void denseCountsStayWithinTheBudgetAndGiveItBack() {
        AdaptiveHistogram.Budget budget = new AdaptiveHistogram.Budget(4_000);
        AdaptiveHistogram first = new AdaptiveHistogram(budget);
        AdaptiveHistogram second = new AdaptiveHistogram(budget);
        first.record(10);
        first.record(1_000);
        assertTrue(first.isDense(), "about 1,500 bytes of counts");
        second.record(10);
        second.record(1_500);
        assertFalse(second.isDense(), "over the budget: packed");
        first.record(60_000);
        assertFalse(first.isDense(), "beyond the widest dense range");
        AdaptiveHistogram third = new AdaptiveHistogram(budget);
        third.record(10);
        third.record(1_000);
        assertTrue(third.isDense(), "the budget was given back");
        Histogram reference = LabelStats.newHistogram();
        for (long v : new long[] {10, 1_000, 60_000}) {
            reference.recordValue(v);
        }
        assertEquals(reference, first.frozen().toHistogram());
    }

    @Test
    void zerosThenAValueFarAwayAndManyZerosGoStraightToTheRightForm() {
        AdaptiveHistogram few = new AdaptiveHistogram();
        few.record(0, 3);
        few.record(3_000);
        assertTrue(few.isDense(), "0 to 3 s: 2,500 buckets");
        assertEquals(3, few.frozen().toHistogram().getCountAtValue(0));
        AdaptiveHistogram many = new AdaptiveHistogram();
        many.record(0, 1_000_000);
        many.record(3);
        assertTrue(many.isDense(), "zeros are counted apart from the 16-bit counts");
        assertEquals(1_000_000, many.frozen().toHistogram().getCountAtValue(0));
        assertEquals(1_000_001, many.frozen().toHistogram().getTotalCount());
        AdaptiveHistogram some = new AdaptiveHistogram();
        some.record(0, 40);
        some.record(3);
        assertTrue(some.isDense());
        assertEquals(40, some.frozen().toHistogram().getCountAtValue(0));
        assertEquals(1, some.frozen().toHistogram().getCountAtValue(3));
    }

    /**
     * Dense counts added array to array: ranges below, above, around and inside the other's, with room or without,
     * and past the dense limits, always the counts of one histogram that recorded every value.
     */
    @Test
    void denseCountsAddedToDenseCountsOfAnyRange() {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 400; round++) {
            AdaptiveHistogram a = new AdaptiveHistogram();
            AdaptiveHistogram b = new AdaptiveHistogram();
            Histogram reference = LabelStats.newHistogram();
            for (AdaptiveHistogram h : new AdaptiveHistogram[] {a, b}) {
                long from = random.nextLong(6_000);
                long width = 1 + random.nextLong(random.nextBoolean() ? 50 : 3_000);
                int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 12_000 : 300);
                for (int i = 0; i < n; i++) {
                    long v = from + random.nextLong(width);
                    h.record(v);
                    reference.recordValue(v);
                }
            }
            boolean bothDense = a.isDense() && b.isDense();
            a.add(b);
            assertEquals(reference, a.frozen().toHistogram(), "round " + round + (bothDense ? ", both dense" : ""));
        }
    }

    /**
     * A dense histogram stays dense past {@link AdaptiveHistogram#FLAT_AFTER} values (no change of form that depends
     * on the total) and past 65,535 in a bucket (the count wraps and is carried), recorded or merged, exactly; only
     * a count past 16 bits recorded at once makes it flat.
     */
    @Test
    void densePastSixteenBitsInABucket() {
        AdaptiveHistogram busy = new AdaptiveHistogram();
        Histogram reference = LabelStats.newHistogram();
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 8 * AdaptiveHistogram.FLAT_AFTER; i++) {
            long v = 20 + random.nextInt(1_500);
            busy.record(v);
            reference.recordValue(v);
        }
        assertTrue(busy.isDense(), "131,072 values over 1,500 ms");
        assertEquals(reference, busy.frozen().toHistogram());

        // 4 x 65,536 and more in one bucket, through the batches the aggregation records
        AdaptiveHistogram oneBin = new AdaptiveHistogram();
        Histogram oneBinReference = LabelStats.newHistogram();
        int[] batch = new int[LabelAccumulator.BATCH];
        for (int round = 0; round * (batch.length - 1) <= 4 * (Character.MAX_VALUE + 1); round++) {
            for (int i = 0; i < batch.length; i++) {
                batch[i] = i == 0 ? 7 + round % 3 : 40;
                oneBinReference.recordValue(batch[i]);
            }
            oneBin.recordAll(batch, 0, batch.length);
        }
        assertTrue(oneBin.isDense(), "bucket 40 past 4 x 65,536");
        assertEquals(oneBinReference, oneBin.frozen().toHistogram());

        AdaptiveHistogram counted = new AdaptiveHistogram();
        counted.record(40, 10_000);
        counted.record(40, 50_000);
        counted.record(41, 60_000);
        counted.record(0, 200_000);
        counted.record(40, 6_000);
        assertTrue(counted.isDense(), "zeros apart, bucket 40 carried");
        assertEquals(66_000, counted.frozen().toHistogram().getCountAtValue(40));
        assertEquals(200_000, counted.frozen().toHistogram().getCountAtValue(0));
        assertEquals(326_000, counted.frozen().toHistogram().getTotalCount());
        counted.record(41, 70_000);
        assertTrue(counted.isFlat(), "a count past 16 bits at once");
        assertEquals(130_000, counted.frozen().toHistogram().getCountAtValue(41));
        assertEquals(396_000, counted.frozen().toHistogram().getTotalCount());

        // merged: sums past 16 bits carried, and the other's carries too, into dense, zeros-only and flat ones
        AdaptiveHistogram low = new AdaptiveHistogram();
        AdaptiveHistogram high = new AdaptiveHistogram();
        low.record(30, 10_000);
        low.record(30, 40_000);
        high.record(31, 10_000);
        high.record(31, 40_000);
        high.record(30, 15_535);
        low.add(high);
        assertEquals(65_535, low.frozen().toHistogram().getCountAtValue(30));
        low.add(zerosOnly(5));
        AdaptiveHistogram one = new AdaptiveHistogram();
        one.record(0, 70_000);
        one.record(30);
        for (int i = 0; i < 4; i++) {
            one.record(31, 50_000);
        }
        low.add(one);
        assertTrue(low.isDense());
        Histogram lowReference = LabelStats.newHistogram();
        lowReference.recordValueWithCount(30, 65_536);
        lowReference.recordValueWithCount(31, 250_000);
        lowReference.recordValueWithCount(0, 70_005);
        assertEquals(lowReference, low.frozen().toHistogram());
        Histogram flatReference = lowReference.copy();
        AdaptiveHistogram fromZeros = zerosOnly(3);
        fromZeros.add(low);
        lowReference.recordValueWithCount(0, 3);
        assertEquals(lowReference, fromZeros.frozen().toHistogram());
        AdaptiveHistogram flat = new AdaptiveHistogram();
        flat.record(5, 100_000);
        flat.add(low);
        flatReference.recordValueWithCount(5, 100_000);
        assertTrue(flat.isFlat());
        assertEquals(flatReference, flat.frozen().toHistogram());
    }

    /**
     * A batch ({@link AdaptiveHistogram#recordAll}, the dense form's own loop) counts as the values one at a time:
     * zeros among them, values that grow the dense array or do not fit it, a small budget running out, buckets past
     * 16 bits.
     */
    @Test
    void batchesRecordAsOneValueAtATime() {
        SplittableRandom random = new SplittableRandom(31);
        for (int round = 0; round < 40; round++) {
            AdaptiveHistogram.Budget batchBudget = new AdaptiveHistogram.Budget(round % 4 == 0 ? 600 : 1 << 20);
            AdaptiveHistogram.Budget singleBudget = new AdaptiveHistogram.Budget(round % 4 == 0 ? 600 : 1 << 20);
            AdaptiveHistogram batched = new AdaptiveHistogram(batchBudget);
            AdaptiveHistogram single = new AdaptiveHistogram(singleBudget);
            // every fifth round: one busy bucket, past 2 x 65,536
            int spread = round % 5 == 0 ? 1 : 1 << random.nextInt(3, 16);
            int[] batch = new int[LabelAccumulator.BATCH];
            int batches = round % 5 == 0 ? 20_000 : 300;
            for (int b = 0; b < batches; b++) {
                int n = random.nextInt(1, batch.length + 1);
                for (int i = 0; i < n; i++) {
                    int kind = random.nextInt(10);
                    batch[i] = kind == 0 ? 0 : kind == 1 ? random.nextInt(spread * 8) : 40 + random.nextInt(spread);
                    single.record(batch[i]);
                }
                batched.recordAll(batch, 0, n);
            }
            assertEquals(single.isDense(), batched.isDense(), "round " + round);
            assertEquals(single.isFlat(), batched.isFlat(), "round " + round);
            assertEquals(single.frozen().toHistogram(), batched.frozen().toHistogram(), "round " + round);
        }
    }

    /** Random values in few buckets, recorded and merged in every order, against one HdrHistogram. */
    @Test
    void carriedCountsAddUpInRandomMerges() {
        SplittableRandom random = new SplittableRandom(29);
        for (int round = 0; round < 12; round++) {
            Histogram reference = LabelStats.newHistogram();
            AdaptiveHistogram sum = new AdaptiveHistogram();
            for (int part = 0; part < 3; part++) {
                AdaptiveHistogram h = new AdaptiveHistogram();
                int n = random.nextInt(200_000);
                long from = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    long v = from + random.nextInt(1 + random.nextInt(4));
                    h.record(v);
                    reference.recordValue(v);
                }
                if (random.nextBoolean()) {
                    sum.add(h);
                } else {
                    h.add(sum);
                    sum = h;
                }
            }
            assertEquals(reference, sum.frozen().toHistogram(), "round " + round);
        }
    }

    private static AdaptiveHistogram zerosOnly(long n) {
        AdaptiveHistogram h = new AdaptiveHistogram();
        h.record(0, n);
        return h;
    }
}
