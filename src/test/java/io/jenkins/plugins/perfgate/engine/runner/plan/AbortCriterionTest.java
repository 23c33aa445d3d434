package io.jenkins.plugins.perfgate.engine.runner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.AbortWatch;
import io.jenkins.plugins.perfgate.engine.runner.LiveStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbortCriterionTest {

    @Test
    void parsesMetricsOperatorsUnitsAndDurations() {
        AbortCriterion c = AbortCriterion.parse("error% > 50 for 10s");
        assertEquals(AbortCriterion.LiveMetric.ERROR_PERCENT, c.metric());
        assertTrue(c.above());
        assertFalse(c.inclusive());
        assertEquals(50, c.threshold());
        assertEquals(Duration.ofSeconds(10), c.sustained());
        assertEquals(1500, AbortCriterion.parse("p99 >= 1.5s").threshold());
        assertEquals(Duration.ZERO, AbortCriterion.parse("avg > 200ms").sustained());
        AbortCriterion rps = AbortCriterion.parse("RPS < 5 for 1m");
        assertEquals(Duration.ofMinutes(1), rps.sustained());
        assertTrue(rps.breachedBy(4.9));
        assertFalse(rps.breachedBy(5));
        assertTrue(AbortCriterion.parse("rps <= 5").breachedBy(5));
        assertFalse(c.breachedBy(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AbortCriterion.parse("p95 > 5%"));
        assertThrows(IllegalArgumentException.class, () -> AbortCriterion.parse("p95 > 5 for ever"));
        assertThrows(IllegalArgumentException.class, () -> AbortCriterion.parse("latency > 5"));
    }

    private static LiveStats.Snapshot window(long samples, double errorPercent) {
        return new LiveStats.Snapshot(samples, 0, samples, samples, errorPercent, 10, 20, 30, 1, Map.of());
    }

    @Test
    void abortsOnlyAfterTheConditionHeldForItsWholeDuration() {
        AbortWatch watch = new AbortWatch(List.of(AbortCriterion.parse("error% > 50 for 3s")));
        assertEquals(Optional.empty(), watch.check(window(10, 60), 1_000));
        assertEquals(Optional.empty(), watch.check(window(10, 60), 3_000));
        assertEquals(Optional.empty(), watch.check(window(10, 40), 3_500), "recovered: the clock restarts");
        assertEquals(Optional.empty(), watch.check(window(10, 80), 4_000));
        assertEquals(Optional.empty(), watch.check(window(0, Double.NaN), 5_000), "an empty window is no breach");
        assertEquals(Optional.empty(), watch.check(window(10, 80), 6_000));
        assertEquals(Optional.empty(), watch.check(window(10, 80), 8_999));
        assertEquals(Optional.of("abort criterion 'error% > 50 for 3s' breached (error% = 80.0 for 3 s)"),
                watch.check(window(10, 80), 9_000));
    }
}
