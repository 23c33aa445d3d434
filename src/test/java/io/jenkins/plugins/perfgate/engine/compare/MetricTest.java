package io.jenkins.plugins.perfgate.engine.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void worseIsUpForTimesAndErrors() {
        for (Metric m : new Metric[] {Metric.P95, Metric.MEAN, Metric.ERROR_PERCENT, Metric.ERRORS}) {
            assertTrue(m.worse(100, 110), m.key());
            assertFalse(m.worse(100, 90), m.key());
            assertFalse(m.worse(100, 100), m.key());
        }
    }

    @Test
    void worseIsDownForThroughputAndApdex() {
        for (Metric m : new Metric[] {Metric.THROUGHPUT, Metric.APDEX, Metric.COUNT}) {
            assertTrue(m.worse(0.9, 0.8), m.key());
            assertFalse(m.worse(0.9, 0.95), m.key());
            assertFalse(m.worse(0.9, 0.9), m.key());
        }
    }

    @Test
    void nothingIsWorseThanAMissingValue() {
        assertFalse(Metric.P95.worse(Double.NaN, 5));
        assertFalse(Metric.THROUGHPUT.worse(5, Double.NaN));
    }
}
