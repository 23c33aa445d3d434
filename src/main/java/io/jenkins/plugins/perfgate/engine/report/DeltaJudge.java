package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.compare.LabelComparison;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.compare.StatDelta;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.gate.NoiseJudge;
import io.jenkins.plugins.perfgate.engine.gate.Significance;
import io.jenkins.plugins.perfgate.engine.gate.VerdictLine;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges every delta the label table shows. The gate's own judgement wins where a criterion covered the label and
 * metric; elsewhere the gate's {@link NoiseJudge} is asked with the passing builds before this one as the noise
 * window. Without enough history nothing is coloured: a change is called significant only when it was judged so.
 * Rows, verdict lines and window figures are indexed by label up front, so thousands of labels stay cheap.
 */
final class DeltaJudge {

    private final Optional<Comparison> comparison;
    private final Map<String, LabelComparison> rows = new HashMap<>();
    private final Map<String, Significance> gateJudgements = new HashMap<>();
    /** Per window build, per run (repetition), the figures by label. */
    private final List<List<Map<String, LabelFigures>>> window = new ArrayList<>();
    private final NoiseJudge noise;

    DeltaJudge(ReportInput input) {
        this.comparison = input.comparison();
        comparison.ifPresent(c -> c.labels().forEach(l -> rows.put(l.label(), l)));
        for (VerdictLine l : input.verdict().map(v -> v.lines()).orElse(List.of())) {
            if (l.metric().isPresent() && l.significance().isPresent()) {
                gateJudgements.putIfAbsent(key(l.label(), l.metric().get()), l.significance().get());
            }
        }
        GateOptions options = GateOptions.defaults();
        List<HistoryEntry> passing = input.earlierBuilds().stream().filter(HistoryEntry::passing).toList();
        for (HistoryEntry e : passing.subList(Math.max(0, passing.size() - options.noiseWindow()), passing.size())) {
            List<Map<String, LabelFigures>> runs = new ArrayList<>();
            for (RunFigures run : e.runs()) {
                Map<String, LabelFigures> byLabel = new HashMap<>();
                run.labels().forEach(f -> byLabel.put(f.label(), f));
                byLabel.put(OverallRow.LABEL, run.overall());
                runs.add(byLabel);
            }
            window.add(runs);
        }
        this.noise = new NoiseJudge(options);
    }

    private static String key(String label, Metric metric) {
        return metric.key() + '\u0000' + label;
    }

    /** The label's comparison row, when there is a comparison and the label is in it. */
    Optional<LabelComparison> row(String label) {
        return Optional.ofNullable(rows.get(label));
    }

    boolean hasBaseline() {
        return comparison.isPresent();
    }

    String baselineDescription() {
        return comparison.map(Comparison::baselineDescription).orElse("");
    }

    /** The judged change of a metric of a label ({@code TOTAL} = overall); empty without a comparison. */
    Optional<JudgedDelta> judge(String label, Metric metric) {
        Optional<LabelComparison> row = comparison.flatMap(c -> OverallRow.LABEL.equals(label)
                ? Optional.of(c.overall()) : Optional.ofNullable(rows.get(label)));
        Optional<StatDelta> delta = row.flatMap(r -> r.delta(metric))
                .filter(d -> Double.isFinite(d.baseline()) && Double.isFinite(d.current()));
        return delta.map(d -> judge(label, d));
    }

    private JudgedDelta judge(String label, StatDelta d) {
        if (d.absolute() == 0) {
            return new JudgedDelta(d, DeltaJudgement.NOISE, "no change");
        }
        Significance byGate = gateJudgements.get(key(label, d.metric()));
        Significance s = byGate != null ? byGate
                : noise.judge(windowValues(label, d.metric()), new double[] {d.current()}, d.absolute() > 0);
        String why = (byGate != null ? "gate: " : "") + s.describe();
        if (s.method() == Significance.Method.NOT_ASSESSED) {
            return new JudgedDelta(d, DeltaJudgement.UNJUDGED, why);
        }
        if (!s.significant()) {
            return new JudgedDelta(d, DeltaJudgement.NOISE, why);
        }
        return new JudgedDelta(d, d.worse() ? DeltaJudgement.WORSE : DeltaJudgement.BETTER, why);
    }

    /** Each window build's value: the median over its repetitions, as {@link HistoryEntry#value} computes it. */
    private double[] windowValues(String label, Metric metric) {
        double[] values = new double[window.size()];
        int n = 0;
        for (List<Map<String, LabelFigures>> runs : window) {
            double[] perRun = runs.stream().map(r -> r.get(label)).filter(f -> f != null)
                    .mapToDouble(f -> f.get(metric)).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (perRun.length > 0) {
                int m = perRun.length;
                values[n++] = m % 2 == 1 ? perRun[m / 2] : (perRun[m / 2 - 1] + perRun[m / 2]) / 2;
            }
        }
        return Arrays.copyOf(values, n);
    }
}
