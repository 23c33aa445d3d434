package io.jenkins.plugins.perfgate.engine.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * E-Divisive means change-point detection (Matteson and James, "A Nonparametric Approach for Multiple Change Point
 * Analysis of Multivariate Data", 2014), as MongoDB uses it on performance histories (Daly et al., ICPE 2020) and
 * Hunter / Apache Otava after it. For a split of a segment into A (before) and B (after) the divergence is
 *
 * <pre>
 * Q = m·k/(m+k) · ( 2/(m·k) Σ|a−b| − 1/C(m,2) Σ|a−a'| − 1/C(k,2) Σ|b−b'| )
 * </pre>
 *
 * (energy distance with exponent 1). The best split of a segment is kept when a permutation test (the segment's
 * values shuffled, seeded) finds it significant; then both parts are examined the same way (hierarchical divisive
 * segmentation), each candidate tested over its own segment as Hunter / Otava do. Points of one series are assumed exchangeable under "no change": per-build values, not raw
 * samples. Each split search costs O(n log n), so a test costs permutations × n log n.
 */
public final class EDivisive {

    /**
     * @param alpha        significance level of the permutation test
     * @param permutations permutations per test (p-values are multiples of 1 / (permutations + 1))
     * @param minSegment   fewest points on either side of a change
     * @param seed         seed of the permutations: the same series always gives the same answer
     */
    public record Options(double alpha, int permutations, int minSegment, long seed) {
        public Options {
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
            }
            if (permutations < 19 || permutations > 100_000) {
                throw new IllegalArgumentException("permutations must be 19 to 100000, was " + permutations);
            }
            if (minSegment < 2) {
                throw new IllegalArgumentException("minimum segment must be at least 2, was " + minSegment);
            }
        }

        /**
         * alpha 0.005 with 199 permutations (the smallest p-value is then exactly alpha: a split is kept when no
         * shuffle of its segment diverges as much), segments of at least 3 builds, seed 1.
         */
        public static Options defaults() {
            return new Options(0.005, 199, 3, 1);
        }
    }

    /** A detected change: the index of the first point after it and the permutation p-value. */
    public record Split(int index, double pValue) {
    }

    private EDivisive() {
    }

    /**
     * Change points of a series, by index (first point of the new segment), in increasing index order. Segments are
     * examined best candidate first; a candidate is kept when the permutation test over its own segment finds it
     * significant (its segment is then split and both parts examined in turn), else its segment is final.
     */
    public static List<Split> detect(double[] series, Options options) {
        for (double v : series) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("series must hold finite numbers only");
            }
        }
        Random random = new Random(options.seed());
        List<Split> found = new ArrayList<>();
        List<int[]> open = new ArrayList<>();
        open.add(new int[] {0, series.length});
        while (!open.isEmpty()) {
            // the open segment with the strongest candidate goes first: the order (and so the seeded
            // permutations) depends on the data only
            int pick = -1;
            Best best = new Best(-1, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < open.size(); i++) {
                Best b = bestSplit(series, open.get(i)[0], open.get(i)[1], options.minSegment());
                if (b.index >= 0 && b.q > best.q) {
                    best = b;
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            int[] segment = open.remove(pick);
            double p = permutationPValue(series, segment[0], segment[1], best.q, options, random);
            if (p <= options.alpha()) {
                found.add(new Split(best.index, p));
                open.add(new int[] {segment[0], best.index});
                open.add(new int[] {best.index, segment[1]});
            }
        }
        found.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return found;
    }

    /**
     * Share of shuffles of the segment whose best split diverges at least as much as the observed one,
     * (count + 1) / (permutations + 1); stops early (returning a value above alpha) once significance is out of
     * reach. Ranks are invariant under shuffling, so they are computed once and shuffled along with the values.
     */
    private static double permutationPValue(double[] series, int start, int end, double observed, Options options,
            Random random) {
        int len = end - start;
        double[] values = java.util.Arrays.copyOfRange(series, start, end);
        int[] rank = ranks(series, start, end);
        // the fewest exceedances that make p = (count + 1) / (permutations + 1) exceed alpha
        int hopeless = 0;
        while ((hopeless + 1.0) / (options.permutations() + 1.0) <= options.alpha()) {
            hopeless++;
        }
        int atLeast = 0;
        for (int r = 0; r < options.permutations(); r++) {
            for (int i = len - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double tv = values[i];
                values[i] = values[j];
                values[j] = tv;
                int tr = rank[i];
                rank[i] = rank[j];
                rank[j] = tr;
            }
            if (bestSplit(values, rank, options.minSegment()).q >= observed) {
                atLeast++;
                if (atLeast >= hopeless) {
                    return 1;
                }
            }
        }
        return (atLeast + 1.0) / (options.permutations() + 1.0);
    }

    record Best(int index, double q) {
    }

    /**
     * Best split of x[start, end) in O(L log L): the within-sums of every prefix and every suffix are built one point
     * at a time, each point's summed distance to the points already in being read from Fenwick trees of counts and
     * sums indexed by rank (|v − w| summed = v·#below − Σbelow + Σabove − v·#above).
     */
    static Best bestSplit(double[] x, int start, int end, int minSegment) {
        if (end - start < 2 * minSegment) {
            return new Best(-1, Double.NEGATIVE_INFINITY);
        }
        Best b = bestSplit(java.util.Arrays.copyOfRange(x, start, end), ranks(x, start, end), minSegment);
        return b.index < 0 ? b : new Best(start + b.index, b.q);
    }

    /** Best split of a whole array whose ranks are known; the index is relative to the array. */
    private static Best bestSplit(double[] x, int[] rank, int minSegment) {
        int len = x.length;
        if (len < 2 * minSegment) {
            return new Best(-1, Double.NEGATIVE_INFINITY);
        }
        double[] prefixWithin = new double[len + 1];
        RankSums sums = new RankSums(len);
        for (int t = 0; t < len; t++) {
            prefixWithin[t + 1] = prefixWithin[t] + sums.distanceTo(x[t], rank[t]);
            sums.add(x[t], rank[t]);
        }
        double[] suffixWithin = new double[len + 1];
        sums = new RankSums(len);
        for (int t = len - 1; t >= 0; t--) {
            suffixWithin[t] = suffixWithin[t + 1] + sums.distanceTo(x[t], rank[t]);
            sums.add(x[t], rank[t]);
        }
        double total = prefixWithin[len];
        Best best = new Best(-1, Double.NEGATIVE_INFINITY);
        for (int t = minSegment; t <= len - minSegment; t++) {
            double m = t;
            double k = len - t;
            double within1 = prefixWithin[t];
            double within2 = suffixWithin[t];
            double between = total - within1 - within2;
            double e = 2 * between / (m * k) - 2 * within1 / (m * (m - 1)) - 2 * within2 / (k * (k - 1));
            double q = m * k / (m + k) * e;
            if (q > best.q) {
                best = new Best(t, q);
            }
        }
        return best;
    }

    /** Rank of each value of x[start, end) among them (ties in any order: equal values are at distance 0). */
    private static int[] ranks(double[] x, int start, int end) {
        int len = end - start;
        double[] sorted = java.util.Arrays.copyOfRange(x, start, end);
        java.util.Arrays.sort(sorted);
        int[] rank = new int[len];
        int[] used = new int[len];
        for (int i = 0; i < len; i++) {
            int pos = java.util.Arrays.binarySearch(sorted, x[start + i]);
            // step to the first of equal values, then past those already taken
            while (pos > 0 && sorted[pos - 1] == sorted[pos]) {
                pos--;
            }
            int first = pos;
            rank[i] = first + used[first]++;
        }
        return rank;
    }

    /** Fenwick trees of how many values and what sum lie at each rank. */
    private static final class RankSums {
        private final int[] counts;
        private final double[] sums;
        private int n;
        private double sum;

        RankSums(int size) {
            counts = new int[size + 1];
            sums = new double[size + 1];
        }

        void add(double value, int rank) {
            for (int i = rank + 1; i < counts.length; i += i & -i) {
                counts[i]++;
                sums[i] += value;
            }
            n++;
            sum += value;
        }

        /** Σ|value − w| over the values added so far. */
        double distanceTo(double value, int rank) {
            int below = 0;
            double belowSum = 0;
            for (int i = rank; i > 0; i -= i & -i) {
                below += counts[i];
                belowSum += sums[i];
            }
            return value * below - belowSum + (sum - belowSum) - value * (n - below);
        }
    }

}
