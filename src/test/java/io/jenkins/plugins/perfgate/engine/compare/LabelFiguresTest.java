package io.jenkins.plugins.perfgate.engine.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelFiguresTest {

    private static LabelFigures figures() {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.COUNT, 10.0);
        v.put(Metric.P95, 812.0);
        v.put(Metric.THROUGHPUT, 52.25);
        v.put(Metric.LATENCY_P95, 700.0);
        return new LabelFigures("home", v);
    }

    @Test
    void everyMetricHasAValueNaNWhenNotRecorded() {
        LabelFigures f = figures();
        assertEquals(812, f.get(Metric.P95));
        assertEquals(700, f.get(Metric.LATENCY_P95));
        assertTrue(Double.isNaN(f.get(Metric.APDEX)));
        assertTrue(Double.isNaN(f.get(Metric.CONNECT_P99)));
        assertEquals(Metric.values().length, f.values().size());
    }

    @Test
    void namesAndPageFigures() {
        LabelFigures f = figures();
        assertEquals(52.25, f.value("rps"));
        assertEquals(52.25, f.value("throughput"));
        assertTrue(Double.isNaN(f.value("nonsense")));
        assertEquals(812, f.getP95());
        assertEquals(0, f.getP99(), "whole figures not recorded read as 0, as build records always did");
        assertEquals(10L, f.toMap().get("count"));
        assertEquals("52.25", f.fmt(f.getThroughput()));
    }

    @Test
    void keyFiguresOnlyDropsTheOthers() {
        LabelFigures key = figures().keyFiguresOnly();
        assertEquals(812, key.get(Metric.P95));
        assertTrue(Double.isNaN(key.get(Metric.LATENCY_P95)));
        assertNotEquals(figures(), key);
    }

    @Test
    void valueSemantics() {
        assertEquals(figures(), figures());
        assertEquals(figures().hashCode(), figures().hashCode());
        assertEquals("other", figures().withLabel("other").label());
        assertEquals(figures().values(), figures().withLabel("other").values());
    }

    @Test
    void fromValuesByOrdinalAsFromAMap() {
        double[] v = new double[Metric.values().length];
        java.util.Arrays.fill(v, Double.NaN);
        figures().values().forEach((m, x) -> v[m.ordinal()] = x);
        LabelFigures f = LabelFigures.ofOrdinals("home", v);
        assertEquals(figures(), f);
        v[Metric.LATENCY_P95.ordinal()] = 1;
        assertEquals(700, f.get(Metric.LATENCY_P95), "the array given is not kept");
        assertTrue(Double.isNaN(LabelFigures.ofOrdinals("x", nans()).get(Metric.CONNECT_P99)));
        assertTrue(Double.isNaN(LabelFigures.ofOrdinals("x", nans()).get(Metric.P95)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LabelFigures.ofOrdinals("x", new double[3]));
    }

    private static double[] nans() {
        double[] v = new double[Metric.values().length];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
