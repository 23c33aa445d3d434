package io.jenkins.plugins.perfgate.engine.gate;

import java.util.Arrays;

/**
 * One-sided Mann-Whitney U (Wilcoxon rank-sum) test with an exact p-value, ties included: the null distribution of
 * the candidate group's rank sum (mid-ranks for ties) is counted over every way of choosing that many of the pooled
 * values, by dynamic programming over half-ranks. Used on per-run values (a handful to a few dozen), never on raw
 * samples, whose dependence inside a run would make any test over-confident.
 */
public final class MannWhitneyU {

    /** Largest pooled sample the exact count handles; beyond it the normal approximation is used. */
    static final int EXACT_LIMIT = 200;

    private MannWhitneyU() {
    }

    /**
     * P(candidate rank sum at least as extreme as observed) under "same distribution": small when the candidate
     * values tend to be larger ({@code greater}) or smaller than the baseline values.
     */
    public static double pValue(double[] baseline, double[] candidate, boolean greater) {
        if (baseline.length == 0 || candidate.length == 0) {
            throw new IllegalArgumentException("both groups need at least one value");
        }
        int n = baseline.length + candidate.length;
        double[] pooled = new double[n];
        System.arraycopy(baseline, 0, pooled, 0, baseline.length);
        System.arraycopy(candidate, 0, pooled, baseline.length, candidate.length);
        int[] halfRanks = halfRanks(pooled);
        int observed = 0;
        for (int i = baseline.length; i < n; i++) {
            observed += halfRanks[i];
        }
        if (n > EXACT_LIMIT) {
            return normalApproximation(halfRanks, candidate.length, observed, greater);
        }
        if (candidate.length > baseline.length) {
            // count over the smaller group: its rank sum is the total minus the candidate's, the tail flips
            int total = n * (n + 1);
            int[] reordered = new int[n];
            System.arraycopy(halfRanks, baseline.length, reordered, 0, candidate.length);
            System.arraycopy(halfRanks, 0, reordered, candidate.length, baseline.length);
            return exact(reordered, baseline.length, total - observed, !greater);
        }
        return exact(halfRanks, candidate.length, observed, greater);
    }

    /** The smallest p-value the test can give for these group sizes (1 / C(n1+n2, n2)). */
    public static double minimumPValue(int baselineSize, int candidateSize) {
        double combinations = 1;
        int n = baselineSize + candidateSize;
        int k = Math.min(candidateSize, baselineSize);
        for (int i = 1; i <= k; i++) {
            combinations = combinations * (n - k + i) / i;
        }
        return 1 / combinations;
    }

    /** Twice the mid-rank of each value (integers, 2..2n), so ties need no fractions. */
    static int[] halfRanks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        int[] ranks = new int[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(values[order[j + 1]], values[order[i]]) == 0) {
                j++;
            }
            int twiceMidRank = (i + 1) + (j + 1); // 2 * (first + last) / 2
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = twiceMidRank;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double exact(int[] halfRanks, int k, int observed, boolean greater) {
        int maxSum = 0;
        for (int r : halfRanks) {
            maxSum += r;
        }
        // ways[j][s]: subsets of j of the values seen so far with half-rank sum s
        double[][] ways = new double[k + 1][maxSum + 1];
        ways[0][0] = 1;
        int reach = 0;
        for (int r : halfRanks) {
            reach += r;
            for (int j = k; j >= 1; j--) {
                double[] to = ways[j];
                double[] from = ways[j - 1];
                for (int s = reach; s >= r; s--) {
                    to[s] += from[s - r];
                }
            }
        }
        double total = 0;
        double extreme = 0;
        for (int s = 0; s <= maxSum; s++) {
            double w = ways[k][s];
            total += w;
            if (greater ? s >= observed : s <= observed) {
                extreme += w;
            }
        }
        return Math.min(1, extreme / total);
    }

    private static double normalApproximation(int[] halfRanks, int k, int observed, boolean greater) {
        int n = halfRanks.length;
        int m = n - k;
        double rankSum = observed / 2.0;
        double u = rankSum - k * (k + 1) / 2.0;
        double mean = (double) m * k / 2;
        // tie correction: sum over tie groups of (t^3 - t)
        int[] sorted = halfRanks.clone();
        Arrays.sort(sorted);
        double ties = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            ties += t * t * t - t;
            i = j + 1;
        }
        double variance = (double) m * k / 12 * ((n + 1) - ties / ((double) n * (n - 1)));
        if (variance <= 0) {
            return 1;
        }
        double z = greater ? (u - mean - 0.5) / Math.sqrt(variance) : (mean - u - 0.5) / Math.sqrt(variance);
        return upperNormalTail(z);
    }

    /** P(Z > z) for a standard normal Z (Abramowitz and Stegun 7.1.26 via erfc; error below 1.5e-7). */
    static double upperNormalTail(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-x * x);
        return z >= 0 ? erfc / 2 : 1 - erfc / 2;
    }
}
