package io.jenkins.plugins.perfgate.engine.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reference values from statistical tables (t quantiles) and hand-counted U distributions. */
class NoiseStatisticsTest {

    @Test
    void studentTMatchesTables() {
        assertEquals(0.025, StudentT.upperTail(2.262, 9), 2e-4);
        assertEquals(0.001, StudentT.upperTail(4.297, 9), 2e-5);
        assertEquals(0.05, StudentT.upperTail(1.812, 10), 2e-4);
        assertEquals(0.5, StudentT.upperTail(0, 4), 1e-12);
        assertEquals(0.975, StudentT.upperTail(-2.262, 9), 2e-4);
        assertEquals(12.706, StudentT.upperQuantile(0.025, 1), 1e-3);
        assertEquals(3.090, StudentT.upperQuantile(0.001, 1e6), 1e-3, "large df tends to the normal");
    }

    @Test
    void mannWhitneyExactSmallCases() {
        // 3 vs 3, candidate all above: one arrangement of C(6,3) = 20
        assertEquals(1 / 20.0, MannWhitneyU.pValue(new double[] {1, 2, 3}, new double[] {4, 5, 6}, true), 1e-12);
        assertEquals(1.0, MannWhitneyU.pValue(new double[] {1, 2, 3}, new double[] {4, 5, 6}, false), 1e-12);
        // candidate rank sum 5 of 6 values... {1,2,4} vs {3,5,6}: rank sum of candidate = 3+5+6 = 14;
        // sums >= 14 among C(6,3): {4,5,6}=15, {3,5,6}=14 -> 2/20
        assertEquals(2 / 20.0, MannWhitneyU.pValue(new double[] {1, 2, 4}, new double[] {3, 5, 6}, true), 1e-12);
        // ties: all equal -> p = 1
        assertEquals(1.0, MannWhitneyU.pValue(new double[] {5, 5, 5}, new double[] {5, 5}, true), 1e-12);
        // larger candidate group than baseline uses the complement and agrees with the direct count
        double direct = MannWhitneyU.pValue(new double[] {1, 4, 6, 7}, new double[] {2, 3, 5}, true);
        double swapped = MannWhitneyU.pValue(new double[] {2, 3, 5}, new double[] {1, 4, 6, 7}, false);
        assertEquals(direct, swapped, 1e-12);
        assertEquals(1 / 3432.0, MannWhitneyU.minimumPValue(7, 7), 1e-15);
    }

    @Test
    void mannWhitneyIsCalibratedUnderTheNull() {
        Random r = new Random(1);
        int below = 0;
        int trials = 2000;
        for (int t = 0; t < trials; t++) {
            double[] a = r.doubles(10).map(Math::rint).map(v -> v + r.nextInt(5)).toArray();
            double[] b = r.doubles(6).map(Math::rint).map(v -> v + r.nextInt(5)).toArray();
            if (MannWhitneyU.pValue(a, b, true) <= 0.05) {
                below++;
            }
        }
        assertTrue(below <= trials * 0.05 * 1.3, below + " of " + trials + " at p <= 0.05 (ties, discrete)");
    }

    @Test
    void normalApproximationAgreesWithTheExactCountOnLargeGroups() {
        Random r = new Random(2);
        double[] a = r.doubles(150).map(v -> v * 100).toArray();
        double[] b = r.doubles(60).map(v -> v * 100 + 8).toArray();
        double[] a2 = java.util.Arrays.copyOf(a, 140); // 195 values: exact count
        double exact = MannWhitneyU.pValue(a2, b, true);
        double[] a3 = java.util.Arrays.copyOf(a, 150);
        double[] more = new double[300];
        for (int i = 0; i < 300; i++) {
            more[i] = a2[i % 140]; // same values repeated: beyond EXACT_LIMIT, same distribution shape
        }
        double approx = MannWhitneyU.pValue(more, b, true);
        assertTrue(Math.abs(exact - approx) < 0.1, exact + " / " + approx);
        assertTrue(MannWhitneyU.pValue(a3, b, true) < 1);
    }

    @Test
    void predictionIntervalDropsAnOutlierBuild() {
        double[] values = {100, 101, 99, 100, 102, 98, 100, 101, 99, 180};
        PredictionInterval pi = PredictionInterval.of(values);
        assertEquals(1, pi.dropped());
        assertEquals(100, pi.mean(), 0.01);
        assertTrue(pi.pValue(110, true) < 0.001);
        assertTrue(pi.pValue(102, true) > 0.01);
        assertFalse(pi.high(0.001) > 110);
    }

    @Test
    void identicalValuesGetAFloorNotAZeroWidthInterval() {
        PredictionInterval pi = PredictionInterval.of(new double[] {200, 200, 200, 200, 200});
        assertEquals(1.0, pi.sd(), 1e-12, "0.5 % of 200");
        assertTrue(pi.pValue(201, true) > 0.1);
        assertTrue(pi.pValue(230, true) < 0.001);
    }

    @Test
    void robustStatistics() {
        assertEquals(3, RobustStats.median(new double[] {5, 1, 3}));
        assertEquals(2.5, RobustStats.median(new double[] {4, 1, 3, 2}));
        assertEquals(1, RobustStats.mad(new double[] {1, 2, 3, 4, 100}), "one outlier does not move it");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RobustStats.median(new double[0]));
    }

    @Test
    void noiseJudgeSaysWhichMethodItUsed() {
        NoiseJudge judge = new NoiseJudge(GateOptions.defaults());
        double[] window = {100, 102, 98, 101, 99, 100, 103, 97, 100, 101};
        Significance single = judge.judge(window, new double[] {120}, true);
        assertEquals(Significance.Method.PREDICTION_INTERVAL, single.method());
        assertTrue(single.significant());
        assertTrue(single.describe().contains("p="), single.describe());
        Significance three = judge.judge(window, new double[] {120, 121, 119}, true);
        assertTrue(three.note().contains("U-test cannot reach"), three.note());
        Significance nine = judge.judge(window, new double[] {120, 121, 119, 118, 122, 120, 121, 119, 120}, true);
        assertEquals(Significance.Method.MANN_WHITNEY_U, nine.method());
        assertTrue(nine.significant());
        Significance down = judge.judge(window, new double[] {120}, false);
        assertFalse(down.significant(), "an increase is no regression of a lower bound");
        Significance few = judge.judge(new double[] {100, 101}, new double[] {120}, true);
        assertEquals(Significance.Method.NOT_ASSESSED, few.method());
        assertTrue(few.significant());
    }
}
