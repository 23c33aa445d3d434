package io.jenkins.plugins.perfgate.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendColumnsTest {

    private static BuildRef build(long n) {
        return BuildRef.of(n, n, BuildResult.SUCCESS);
    }

    @Test
    void pointsAddedInAnyOrderComeOutByBuildNumber() {
        TrendColumns.Builder b = new TrendColumns.Builder(List.of(Metric.P95, Metric.THROUGHPUT));
        double[] row = new double[2];
        for (long n : new long[] {5, 1, 3, 2, 4, 9, 8, 7, 6, 10, 11}) { // past the first growth of the arrays
            row[0] = n * 10;
            row[1] = -n;
            b.add(build(n), row); // the row is copied: reused here
        }
        TrendColumns points = b.byBuildNumber();
        assertEquals(11, points.size());
        for (int i = 0; i < points.size(); i++) {
            LabelTrend.Point p = points.get(i);
            assertEquals(i + 1, p.build().number());
            assertEquals((i + 1) * 10.0, p.get(Metric.P95));
            assertEquals(-(i + 1.0), p.get(Metric.THROUGHPUT));
            assertTrue(Double.isNaN(p.get(Metric.P50)), "a metric not trended");
        }
        assertEquals(5, b.inOrderGiven().get(0).build().number());
        assertEquals(Map.of(Metric.P95, 30.0, Metric.THROUGHPUT, -3.0), points.get(2).values());
        assertEquals(16 + 4 * 11 + 16 + 8 * 22, points.arrayBytes());
    }

    @Test
    void pointsGivenAsObjectsBecomeColumnsOfTheirMetricsUnion() {
        LabelTrend.Point a = new LabelTrend.Point(build(1), Map.of(Metric.P95, 100.0));
        LabelTrend.Point b = new LabelTrend.Point(build(2), Map.of(Metric.ERRORS, 2.0, Metric.P95, 120.0));
        LabelTrend trend = new LabelTrend("x", List.of(a, b), List.of());
        assertTrue(trend.points() instanceof TrendColumns);
        assertEquals(List.of(a.build(), b.build()), trend.points().stream().map(LabelTrend.Point::build).toList());
        assertEquals(100.0, trend.points().get(0).get(Metric.P95));
        assertTrue(Double.isNaN(trend.points().get(0).get(Metric.ERRORS)));
        assertEquals(b, trend.points().get(1));
        assertEquals(2.0, trend.points().get(1).get(Metric.ERRORS));
    }
}
