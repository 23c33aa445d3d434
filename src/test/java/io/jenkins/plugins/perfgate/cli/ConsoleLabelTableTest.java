package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConsoleLabelTableTest {

    /** The table's own rounding must print exactly what String.format printed before, ties and edges included. */
    @Test
    void fixedPrintsWhatStringFormatPrints() {
        SplittableRandom random = new SplittableRandom(22);
        double[] edges = {0, -0.0, 0.5, 0.05, 0.005, 0.0005, 1.005, 2.675, 0.125, 0.9995, 0.99949999, 99.995,
            1e-9, 999_999.9995, 5e8, 1e9, 1e12, 1.7976931348623157e308, Double.MIN_VALUE, -1.5, -0.004,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int decimals = 0; decimals <= 3; decimals++) {
            for (double v : edges) {
                assertSame(v, decimals);
            }
            for (int i = 0; i < 20_000; i++) {
                // uniform values, values of a few decimal digits (ties as written: 12.345) and values next to them
                double uniform = random.nextDouble() * Math.pow(10, random.nextInt(-3, 10));
                double written = random.nextInt(0, 10_000_000) / Math.pow(10, random.nextInt(0, 6));
                assertSame(uniform, decimals);
                assertSame(written, decimals);
                assertSame(Math.nextUp(written), decimals);
                assertSame(Math.nextDown(written), decimals);
            }
        }
    }

    private static void assertSame(double v, int decimals) {
        assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", v), ConsoleLabelTable.fixed(v, decimals),
                () -> "value " + v + " with " + decimals + " decimals");
    }
}
