package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A sketch started with room for another's bins ({@link LogBinSketch#sizedLike}) holds what a fresh one would. */
class LogBinSketchSizingTest {

    @Test
    void sizedLikeAnotherCountsAsAFreshSketch() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 2_000; round++) {
            LogBinSketch shape = new LogBinSketch();
            int shapeValues = random.nextInt(0, 5);
            long shapeLow = random.nextLong(0, 5_000);
            for (int i = 0; i < shapeValues; i++) {
                shape.record(shapeLow + random.nextLong(0, 1 + shapeLow));
            }
            LogBinSketch sized = LogBinSketch.sizedLike(shape);
            LogBinSketch fresh = new LogBinSketch();
            // values inside the other's bins, beside them, far below and above them, zeros; or a merge first
            if (random.nextInt(4) == 0) {
                LogBinSketch other = new LogBinSketch();
                other.record(random.nextLong(0, 100_000));
                other.record(random.nextLong(0, 100));
                sized.merge(other);
                fresh.merge(other);
            }
            int values = random.nextInt(0, 40);
            for (int i = 0; i < values; i++) {
                long v = switch (random.nextInt(4)) {
                    case 0 -> shapeLow + random.nextLong(0, 1 + shapeLow);
                    case 1 -> random.nextLong(0, 20);
                    case 2 -> random.nextLong(0, 10_000_000);
                    default -> 0;
                };
                sized.record(v);
                fresh.record(v);
            }
            assertEquals(fresh.encode(), sized.encode(), "round " + round);
            assertEquals(fresh.encode(), sized.copy().encode(), "round " + round);
            for (double p : new double[] {1, 50, 95, 100}) {
                assertEquals(fresh.percentile(p), sized.percentile(p), "round " + round + " p" + p);
            }
        }
    }
}
