package io.jenkins.plugins.perfgate.engine.retro;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.LabelTrend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The measured noise of a retrospective: passing builds' values of one statistic, each taken relative to the median
 * of its segment (the builds between two change points of that statistic), and the standard deviation of those
 * ratios. A level shift is the change point's story, not noise.
 */
final class Noise {

    private Noise() {
    }

    static Retrospective.NoiseRow of(LabelTrend trend, List<LabelTrend.Point> points, Metric metric) {
        List<Long> cuts = trend.changePoints().stream().filter(c -> c.metric() == metric)
                .map(ChangePoint::build).map(b -> b.number()).sorted().toList();
        List<List<Double>> segments = new ArrayList<>();
        List<Double> current = new ArrayList<>();
        int cut = 0;
        int n = 0;
        for (LabelTrend.Point p : points) {
            while (cut < cuts.size() && p.build().number() >= cuts.get(cut)) {
                cut++;
                if (!current.isEmpty()) {
                    segments.add(current);
                    current = new ArrayList<>();
                }
            }
            double v = p.get(metric);
            if (!Double.isNaN(v) && p.build().result().passing()) {
                current.add(v);
                n++;
            }
        }
        segments.add(current);
        List<Double> ratios = new ArrayList<>();
        for (List<Double> s : segments) {
            double level = median(s);
            if (s.size() >= 2 && level != 0) {
                s.forEach(v -> ratios.add(v / level));
            }
        }
        return new Retrospective.NoiseRow(trend.label(), metric, n, ratios.size() < 3 ? Double.NaN : stdev(ratios));
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    private static double stdev(List<Double> v) {
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return Math.sqrt(ss / (v.size() - 1));
    }
}
