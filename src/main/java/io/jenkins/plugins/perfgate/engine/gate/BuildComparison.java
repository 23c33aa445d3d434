package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.compare.LabelComparison;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Two builds of one history compared as a person asks for it (build A the baseline, build B the current run): every
 * statistic per label ({@link Comparison}) and, per label and statistic, whether the change stands out from noise as
 * the gate would judge it with B as the candidate and A as its baseline ({@link NoiseJudge}, same options): the
 * builds' repetitions by the U-test when both were repeated, else B's value against the per-build values of the
 * noise window of passing builds before B. Immutable.
 *
 * @param baseline     build A
 * @param current      build B
 * @param comparison   every statistic of B against A
 * @param significance per label ({@code TOTAL} for the overall row) and statistic, labels in both builds only
 */
public record BuildComparison(HistoryEntry baseline, HistoryEntry current, Comparison comparison,
        Map<String, Map<Metric, Significance>> significance) {

    public BuildComparison {
        Objects.requireNonNull(baseline);
        Objects.requireNonNull(current);
        Objects.requireNonNull(comparison);
        Map<String, Map<Metric, Significance>> copy = new HashMap<>();
        significance.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        significance = Map.copyOf(copy);
    }

    /** Compares build B ({@code current}) with build A ({@code baseline}) within their history. */
    public static BuildComparison of(HistoryEntry baseline, HistoryEntry current, History history,
            GateOptions options) {
        Comparison c = Comparison.of(current.figures(), baseline.figures(), "build #" + baseline.number());
        NoiseJudge judge = new NoiseJudge(options);
        boolean repeated = baseline.repeats().size() >= 2 && current.repeats().size() >= 2;
        List<HistoryEntry> window = history.lastPassing(current.number(), options.noiseWindow());
        Map<String, Map<Metric, Significance>> sig = new HashMap<>();
        List<LabelComparison> rows = new ArrayList<>();
        rows.add(c.overall());
        rows.addAll(c.labels());
        for (LabelComparison row : rows) {
            if (row.presence() != LabelComparison.Presence.BOTH) {
                continue;
            }
            Map<Metric, Significance> perMetric = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                double[] base = repeated ? values(baseline.repeats(), row.label(), m)
                        : window.stream().map(e -> e.value(row.label(), m)).filter(OptionalDouble::isPresent)
                                .mapToDouble(OptionalDouble::getAsDouble).toArray();
                double[] cur = values(current.runs(), row.label(), m);
                if (cur.length > 0) {
                    perMetric.put(m, judge.judge(base, cur, m.worse(0, 1)));
                }
            }
            sig.put(row.label(), perMetric);
        }
        return new BuildComparison(baseline, current, c, sig);
    }

    /** How the change of a statistic of a label compares with noise; empty for labels not in both builds. */
    public Optional<Significance> significance(String label, Metric metric) {
        return Optional.ofNullable(significance.get(label)).map(m -> m.get(metric));
    }

    private static double[] values(List<RunFigures> runs, String label, Metric m) {
        return runs.stream().map(r -> r.row(label)).filter(Optional::isPresent).mapToDouble(o -> o.get().get(m))
                .filter(d -> !Double.isNaN(d)).toArray();
    }
}
