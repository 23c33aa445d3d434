package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.compare.LabelComparison;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.StatDelta;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.gate.NoiseJudge;
import io.jenkins.plugins.perfgate.engine.gate.Significance;
import io.jenkins.plugins.perfgate.engine.gate.VerdictLine;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Judges every delta the label table shows. The gate's own judgement wins where a criterion covered the label and
 * metric; elsewhere the gate's {@link NoiseJudge} is asked with the passing builds before this one as the noise
 * window. Without enough history nothing is coloured: a change is called significant only when it was judged so.
 */
final class DeltaJudge {

    private final Optional<Comparison> comparison;
    private final List<VerdictLine> lines;
    private final List<HistoryEntry> window;
    private final NoiseJudge noise;

    DeltaJudge(ReportInput input) {
        this.comparison = input.comparison();
        this.lines = input.verdict().map(v -> v.lines()).orElse(List.of());
        GateOptions options = GateOptions.defaults();
        List<HistoryEntry> passing = input.earlierBuilds().stream().filter(HistoryEntry::passing).toList();
        this.window = passing.subList(Math.max(0, passing.size() - options.noiseWindow()), passing.size());
        this.noise = new NoiseJudge(options);
    }

    boolean hasBaseline() {
        return comparison.isPresent();
    }

    String baselineDescription() {
        return comparison.map(Comparison::baselineDescription).orElse("");
    }

    /** The judged change of a metric of a label ({@code TOTAL} = overall); empty without a comparison. */
    Optional<JudgedDelta> judge(String label, Metric metric) {
        Optional<LabelComparison> row = comparison.flatMap(c -> RunAggregator.OVERALL.equals(label)
                ? Optional.of(c.overall()) : c.label(label));
        Optional<StatDelta> delta = row.flatMap(r -> r.delta(metric))
                .filter(d -> Double.isFinite(d.baseline()) && Double.isFinite(d.current()));
        return delta.map(d -> judge(label, d));
    }

    private JudgedDelta judge(String label, StatDelta d) {
        if (d.absolute() == 0) {
            return new JudgedDelta(d, DeltaJudgement.NOISE, "no change");
        }
        Optional<Significance> byGate = lines.stream()
                .filter(l -> l.label().equals(label) && l.metric().equals(Optional.of(d.metric())))
                .flatMap(l -> l.significance().stream()).findFirst();
        Significance s = byGate.orElseGet(() -> noise.judge(windowValues(label, d.metric()),
                new double[] {d.current()}, d.absolute() > 0));
        String why = (byGate.isPresent() ? "gate: " : "") + s.describe();
        if (s.method() == Significance.Method.NOT_ASSESSED) {
            return new JudgedDelta(d, DeltaJudgement.UNJUDGED, why);
        }
        if (!s.significant()) {
            return new JudgedDelta(d, DeltaJudgement.NOISE, why);
        }
        return new JudgedDelta(d, d.worse() ? DeltaJudgement.WORSE : DeltaJudgement.BETTER, why);
    }

    private double[] windowValues(String label, Metric metric) {
        return window.stream().map(e -> e.value(label, metric)).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).toArray();
    }
}
