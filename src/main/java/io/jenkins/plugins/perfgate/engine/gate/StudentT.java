package io.jenkins.plugins.perfgate.engine.gate;

/**
 * Student's t distribution: upper tail probability through the regularized incomplete beta function (evaluated by
 * its continued fraction, Lentz's method) and quantiles by bisection. Accurate to about 1e-10, ample for p-values.
 */
public final class StudentT {

    /** Quantiles by (p, df): bisection costs 200 tail evaluations and gates ask for the same few again and again. */
    private static final java.util.Map<Key, Double> QUANTILES = new java.util.concurrent.ConcurrentHashMap<>();

    private record Key(double p, double df) {
    }

    private StudentT() {
    }

    /** P(T > t) for T with {@code df} degrees of freedom. */
    public static double upperTail(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 0 : 1;
        }
        double x = df / (df + t * t);
        double half = 0.5 * regularizedBeta(x, df / 2, 0.5);
        return t >= 0 ? half : 1 - half;
    }

    /** The t with P(T > t) = p. */
    public static double upperQuantile(double p, double df) {
        if (QUANTILES.size() > 10_000) {
            QUANTILES.clear();
        }
        return QUANTILES.computeIfAbsent(new Key(p, df), k -> bisectQuantile(k.p(), k.df()));
    }

    private static double bisectQuantile(double p, double df) {
        double lo = -1e6;
        double hi = 1e6;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (upperTail(mid, df) > p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** I_x(a, b). */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(lnFront) * continuedFraction(x, a, b) / a;
        }
        return 1 - Math.exp(lnFront) * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double f = d;
        for (int m = 1; m <= 500; m++) {
            int m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            f *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double step = d * c;
            f *= step;
            if (Math.abs(step - 1) < 1e-15) {
                break;
            }
        }
        return f;
    }

    /** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9). */
    static double logGamma(double x) {
        final double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double y = x - 1;
        double sum = g[0];
        for (int i = 1; i < g.length; i++) {
            sum += g[i] / (y + i);
        }
        double t = y + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
