package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A/A calibration: the same build run k times tells how much each statistic of each label scatters from run to run,
 * and so which relative tolerance a {@code vs baseline} criterion needs not to flap (Laaber et al., EMSE 2019, found
 * that variability differs widely between benchmarks and environments, hence per label). Scatter is the robust
 * coefficient of variation 1.4826·MAD / median (sd / mean when the MAD is 0); the suggested tolerance is {@value #Z} × √(1 + π/(2·5)) × CV, rounded up
 * to a whole percent and at least {@value #MIN_TOLERANCE_PERCENT} %: the one-sided 0.1 % quantile of the difference
 * between one run and a median-of-5 baseline for normally scattering runs. Immutable.
 *
 * @param runs    how many runs were compared
 * @param metrics the statistics calibrated
 * @param labels  per label (overall first) the noise of each statistic
 */
public record Calibration(int runs, List<Metric> metrics, List<LabelNoise> labels) {

    /** Fewest runs a calibration accepts; 9 or more are recommended (Google Benchmark's compare.py). */
    public static final int MIN_RUNS = 3;
    public static final int RECOMMENDED_RUNS = 9;
    static final double Z = 3.09;
    static final int MIN_TOLERANCE_PERCENT = 2;
    public static final List<Metric> DEFAULT_METRICS = List.of(Metric.MEAN, Metric.P50, Metric.P95, Metric.P99,
            Metric.THROUGHPUT);

    /** Scatter of one statistic over the runs. */
    public record MetricNoise(Metric metric, double median, double min, double max, double cv,
            int suggestedTolerancePercent) {
    }

    /** One label's scatter per statistic. */
    public record LabelNoise(String label, int runs, List<MetricNoise> metrics) {
        public LabelNoise {
            metrics = List.copyOf(metrics);
        }

        public Optional<MetricNoise> metric(Metric m) {
            return metrics.stream().filter(x -> x.metric() == m).findFirst();
        }
    }

    public Calibration {
        metrics = List.copyOf(metrics);
        labels = List.copyOf(labels);
    }

    public static Calibration of(List<RunFigures> runs, List<Metric> metrics) {
        if (runs.size() < MIN_RUNS) {
            throw new IllegalArgumentException("calibration needs at least " + MIN_RUNS + " runs of the same build, got "
                    + runs.size());
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(OverallRow.LABEL);
        TreeSet<String> all = new TreeSet<>();
        runs.forEach(r -> all.addAll(r.labelNames()));
        names.addAll(all);
        List<LabelNoise> labels = new ArrayList<>();
        for (String name : names) {
            List<LabelFigures> rows = runs.stream().map(r -> r.row(name)).filter(Optional::isPresent)
                    .map(Optional::get).filter(r -> r.count() > 0).toList();
            if (rows.size() < MIN_RUNS) {
                continue;
            }
            List<MetricNoise> noise = new ArrayList<>();
            for (Metric m : metrics) {
                double[] v = rows.stream().mapToDouble(r -> r.get(m)).filter(d -> !Double.isNaN(d)).toArray();
                if (v.length >= MIN_RUNS) {
                    noise.add(noise(m, v));
                }
            }
            labels.add(new LabelNoise(name, rows.size(), noise));
        }
        return new Calibration(runs.size(), metrics, labels);
    }

    static MetricNoise noise(Metric m, double[] v) {
        double median = RobustStats.median(v);
        double robust = RobustStats.MAD_TO_SIGMA * RobustStats.mad(v);
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        double sd = Math.sqrt(ss / (v.length - 1));
        // the robust estimate, unless few runs make it collapse (many identical values): then the classic one
        double sigma = robust > 0 ? robust : sd;
        double cv = median == 0 ? 0 : sigma / Math.abs(median);
        int tolerance = (int) Math.max(MIN_TOLERANCE_PERCENT,
                Math.ceil(100 * Z * Math.sqrt(1 + Math.PI / (2 * 5)) * cv));
        return new MetricNoise(m, median, Arrays.stream(v).min().orElse(0), Arrays.stream(v).max().orElse(0), cv,
                tolerance);
    }

    /** Suggested baseline criteria, one per label and statistic, ready for the criteria language. */
    public List<String> suggestedCriteria() {
        List<String> out = new ArrayList<>();
        for (LabelNoise l : labels) {
            String scope = l.label().equals(OverallRow.LABEL) ? ""
                    : "[label=\"" + l.label().replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
            for (MetricNoise n : l.metrics()) {
                String op = n.metric().higherIsBetter() ? "> -" : "< +";
                out.add(n.metric().key() + scope + " vs baseline " + op + n.suggestedTolerancePercent() + "%");
            }
        }
        return out;
    }

    /** The calibration for people: per label and statistic the scatter, then the suggested criteria. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("A/A calibration over ").append(runs).append(" runs of the same build");
        if (runs < RECOMMENDED_RUNS) {
            sb.append(" (").append(RECOMMENDED_RUNS).append(" or more recommended for stable estimates)");
        }
        sb.append('\n');
        for (LabelNoise l : labels) {
            sb.append("label ").append(l.label()).append('\n');
            for (MetricNoise n : l.metrics()) {
                sb.append(String.format(Locale.ROOT, "  %-14s median %-12s range %s .. %s  noise (CV) %5.2f %%"
                        + "  suggested tolerance %d %%%n", n.metric().key(), n.metric().format(n.median()),
                        n.metric().format(n.min()), n.metric().format(n.max()), 100 * n.cv(),
                        n.suggestedTolerancePercent()));
            }
        }
        sb.append("suggested criteria:\n");
        suggestedCriteria().forEach(c -> sb.append("  ").append(c).append('\n'));
        return sb.toString();
    }
}
