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
 * (energy distance with exponent 1). The best split over all current segments is kept when a permutation test
 * (values shuffled within each segment, seeded) finds it significant; then the segments are split again, until no
 * split is significant. Points of one series are assumed exchangeable under "no change": per-build values, not raw
 * samples. Cost per found change point: permutations × n² arithmetic (a few tenths of a second for n = 1000).
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

        /** alpha 0.005 with 999 permutations, segments of at least 3 builds, seed 1. */
        public static Options defaults() {
            return new Options(0.005, 999, 3, 1);
        }
    }

    /** A detected change: the index of the first point after it and the permutation p-value. */
    public record Split(int index, double pValue) {
    }

    private EDivisive() {
    }

    /** Change points of a series, by index (first point of the new segment), in increasing index order. */
    public static List<Split> detect(double[] series, Options options) {
        for (double v : series) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("series must hold finite numbers only");
            }
        }
        Random random = new Random(options.seed());
        List<Split> found = new ArrayList<>();
        int n = series.length;
        while (true) {
            int[] bounds = bounds(found, n);
            Best best = bestSplit(series, bounds, options.minSegment());
            if (best.index < 0) {
                break;
            }
            int atLeast = 0;
            // once this many permutations reach the observed divergence, p exceeds alpha: stop early
            int hopeless = (int) Math.floor(options.alpha() * (options.permutations() + 1));
            double[] shuffled = series.clone();
            for (int r = 0; r < options.permutations() && atLeast < hopeless; r++) {
                for (int s = 0; s + 1 < bounds.length; s++) {
                    shuffle(shuffled, bounds[s], bounds[s + 1], random);
                }
                if (bestSplit(shuffled, bounds, options.minSegment()).q >= best.q) {
                    atLeast++;
                }
            }
            double p = (atLeast + 1.0) / (options.permutations() + 1.0);
            if (atLeast >= hopeless || p > options.alpha()) {
                break;
            }
            found.add(new Split(best.index, p));
        }
        found.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return found;
    }

    record Best(int index, double q) {
    }

    private static int[] bounds(List<Split> found, int n) {
        int[] b = new int[found.size() + 2];
        b[0] = 0;
        for (int i = 0; i < found.size(); i++) {
            b[i + 1] = found.get(i).index();
        }
        b[b.length - 1] = n;
        Arrays.sort(b);
        return b;
    }

    private static Best bestSplit(double[] x, int[] bounds, int minSegment) {
        Best best = new Best(-1, Double.NEGATIVE_INFINITY);
        for (int s = 0; s + 1 < bounds.length; s++) {
            Best b = bestSplit(x, bounds[s], bounds[s + 1], minSegment);
            if (b.index >= 0 && b.q > best.q) {
                best = b;
            }
        }
        return best;
    }

    /** Best split of x[start, end): O(L²) from running within-sums of the prefix and the suffix. */
    static Best bestSplit(double[] x, int start, int end, int minSegment) {
        int len = end - start;
        if (len < 2 * minSegment) {
            return new Best(-1, Double.NEGATIVE_INFINITY);
        }
        // prefixWithin[t]: Σ|xi − xj| over start <= i < j < start + t
        double[] prefixWithin = new double[len + 1];
        for (int t = 1; t < len; t++) {
            double col = 0;
            double v = x[start + t];
            for (int i = 0; i < t; i++) {
                col += Math.abs(x[start + i] - v);
            }
            prefixWithin[t + 1] = prefixWithin[t] + col;
        }
        // suffixWithin[t]: Σ|xi − xj| over start + t <= i < j < end
        double[] suffixWithin = new double[len + 1];
        for (int t = len - 2; t >= 0; t--) {
            double row = 0;
            double v = x[start + t];
            for (int j = t + 1; j < len; j++) {
                row += Math.abs(x[start + j] - v);
            }
            suffixWithin[t] = suffixWithin[t + 1] + row;
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
                best = new Best(start + t, q);
            }
        }
        return best;
    }

    private static void shuffle(double[] x, int from, int to, Random random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }
}
