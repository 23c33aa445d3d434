package io.jenkins.plugins.perfgate.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EDivisiveTest {

    private static double[] series(long seed, double sd, double[] levels, int[] lengths) {
        Random r = new Random(seed);
        int n = 0;
        for (int l : lengths) {
            n += l;
        }
        double[] x = new double[n];
        int i = 0;
        for (int s = 0; s < levels.length; s++) {
            for (int k = 0; k < lengths[s]; k++) {
                x[i++] = levels[s] + sd * r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void findsOneShiftWhereItHappened() {
        int extra = 0;
        for (long seed = 1; seed <= 10; seed++) {
            double[] x = series(seed, 3, new double[] {100, 112}, new int[] {30, 30});
            List<EDivisive.Split> splits = EDivisive.detect(x, EDivisive.Options.defaults());
            assertTrue(splits.stream().anyMatch(s -> Math.abs(s.index() - 30) <= 1 && s.pValue() <= 0.005),
                    "seed " + seed + ": " + splits);
            extra += splits.size() - 1;
        }
        assertTrue(extra <= 1, extra + " spurious change points next to 10 real ones");
    }

    @Test
    void findsTwoShiftsUpAndDown() {
        double[] x = series(7, 2, new double[] {100, 120, 105}, new int[] {25, 20, 25});
        List<EDivisive.Split> splits = EDivisive.detect(x, EDivisive.Options.defaults());
        assertEquals(2, splits.size(), splits.toString());
        assertTrue(Math.abs(splits.get(0).index() - 25) <= 1, splits.toString());
        assertTrue(Math.abs(splits.get(1).index() - 45) <= 1, splits.toString());
    }

    @Test
    void noShiftNoChangePoint() {
        int falseAlarms = 0;
        for (long seed = 1; seed <= 30; seed++) {
            double[] x = series(seed, 3, new double[] {100}, new int[] {60});
            falseAlarms += EDivisive.detect(x, EDivisive.Options.defaults()).size();
        }
        // calibrated: about alpha (0.5 %) of noise-only series get a change point
        assertTrue(falseAlarms <= 1, falseAlarms + " change points in 30 series without a shift");
        assertEquals(List.of(), EDivisive.detect(new double[20], EDivisive.Options.defaults()), "constant");
        assertEquals(List.of(), EDivisive.detect(new double[] {1, 2, 3}, EDivisive.Options.defaults()), "short");
    }

    @Test
    void seededAndReproducible() {
        double[] x = series(3, 5, new double[] {100, 106}, new int[] {20, 20});
        EDivisive.Options o = EDivisive.Options.defaults();
        assertEquals(EDivisive.detect(x, o), EDivisive.detect(x, o));
    }

    @Test
    void bestSplitMatchesTheDefinitionComputedNaively() {
        double[] x = series(11, 4, new double[] {10, 14, 9}, new int[] {7, 6, 5});
        int start = 2;
        int end = 17;
        double bestQ = Double.NEGATIVE_INFINITY;
        int bestT = -1;
        for (int t = start + 2; t <= end - 2; t++) {
            double m = t - start;
            double k = end - t;
            double between = 0;
            double w1 = 0;
            double w2 = 0;
            for (int i = start; i < t; i++) {
                for (int j = t; j < end; j++) {
                    between += Math.abs(x[i] - x[j]);
                }
                for (int j = i + 1; j < t; j++) {
                    w1 += Math.abs(x[i] - x[j]);
                }
            }
            for (int i = t; i < end; i++) {
                for (int j = i + 1; j < end; j++) {
                    w2 += Math.abs(x[i] - x[j]);
                }
            }
            double q = m * k / (m + k) * (2 * between / (m * k) - w1 / (m * (m - 1) / 2) - w2 / (k * (k - 1) / 2));
            if (q > bestQ) {
                bestQ = q;
                bestT = t;
            }
        }
        var best = EDivisive.bestSplit(x, start, end, 2);
        assertEquals(bestT, best.index());
        assertEquals(bestQ, best.q(), 1e-9);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> EDivisive.detect(new double[] {1, Double.NaN},
                EDivisive.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new EDivisive.Options(0, 99, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new EDivisive.Options(0.05, 5, 3, 1));
    }
}
