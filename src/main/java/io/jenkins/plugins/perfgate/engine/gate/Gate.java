package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.Baseline;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Judges a run against its criteria and its history (docs/gate.md). Absolute criteria compare the run's value with
 * the threshold. Baseline criteria compare the change from the baseline with the threshold and, when it is crossed,
 * ask the {@link NoiseJudge} whether the change stands out from run-to-run noise; only then is it a violation. A run
 * that is not complete never passes.
 */
public final class Gate {

    private final GateOptions options;
    private final NoiseJudge noise;

    public Gate(GateOptions options) {
        this.options = options;
        this.noise = new NoiseJudge(options);
    }

    /**
     * Judges a candidate build.
     *
     * @param criteria  the criteria (may be empty: then only completeness is checked)
     * @param candidate the build judged: its figures and its repetitions, if any
     * @param history   earlier builds (entries at or after the candidate's number are ignored)
     */
    public Verdict judge(List<Criterion> criteria, HistoryEntry candidate, History history) {
        return judge(criteria, candidate, history,
                Baseline.resolve(options.baseline(), history, candidate.number()));
    }

    /** Judges a candidate build against a baseline already resolved by these options' policy from the history. */
    Verdict judge(List<Criterion> criteria, HistoryEntry candidate, History history, Optional<Baseline> baseline) {
        List<VerdictLine> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>(history.warnings());
        RunFigures run = candidate.figures();
        if (run.status() != RunStatus.COMPLETE) {
            lines.add(new VerdictLine("run status", Optional.empty(), OverallRow.LABEL,
                    LineStatus.RUN_NOT_COMPLETE, options.incompleteRun(), Double.NaN, "COMPLETE", Double.NaN,
                    Double.NaN, Double.NaN, Optional.empty(), "run is " + run.status()
                            + (run.statusReason().isEmpty() ? "" : " (" + run.statusReason() + ")")
                            + ": an incomplete run never passes"));
        }
        long number = candidate.number();
        List<HistoryEntry> window = history.lastPassing(number, options.noiseWindow());
        boolean needsBaseline = criteria.stream().anyMatch(c -> c.kind().againstBaseline());
        String baselineText = baseline.map(Baseline::description).orElse("none: no earlier build fits '"
                + options.baseline().text() + "'");
        if (needsBaseline) {
            notes.add("noise window: " + window.size() + " passing build(s) before #" + number);
        }
        for (Criterion c : criteria) {
            lines.addAll(judge(c, candidate, baseline, window));
        }
        Outcome worst = Outcome.PASS;
        for (VerdictLine l : lines) {
            worst = worst.worst(l.outcome());
        }
        Optional<Comparison> comparison = baseline.map(b -> Comparison.of(run, b.figures(), b.description()));
        return new Verdict(GateResult.of(worst), run.status(), lines, comparison, baselineText, notes);
    }

    private List<VerdictLine> judge(Criterion c, HistoryEntry candidate, Optional<Baseline> baseline,
            List<HistoryEntry> window) {
        RunFigures run = candidate.figures();
        List<LabelFigures> rows = new ArrayList<>();
        switch (c.scope()) {
            case Scope.Overall o -> rows.add(run.overall());
            default -> run.labels().stream().filter(l -> c.scope().matches(l.label())).forEach(rows::add);
        }
        rows.removeIf(r -> r.count() == 0);
        if (rows.isEmpty()) {
            String what = switch (c.scope()) {
                case Scope.Overall o -> "the run has no samples";
                case Scope.Exact e -> "label '" + e.label() + "' is absent or has no samples";
                default -> "no label with samples matches " + c.scope().text();
            };
            return List.of(line(c, c.scope().text(), LineStatus.NO_DATA, c.severity().outcome(), Double.NaN,
                    Double.NaN, Optional.empty(), what + ": no data, which never counts as a pass"));
        }
        List<VerdictLine> result = new ArrayList<>();
        for (LabelFigures row : rows) {
            result.add(c.kind().againstBaseline() ? againstBaseline(c, row.label(), candidate, baseline, window)
                    : absolute(c, row));
        }
        return result;
    }

    private VerdictLine absolute(Criterion c, LabelFigures row) {
        double value = row.get(c.metric());
        if (Double.isNaN(value)) {
            return line(c, row.label(), LineStatus.NO_DATA, c.severity().outcome(), value, Double.NaN,
                    Optional.empty(), c.metric().key() + " was not recorded");
        }
        boolean holds = c.operator().holds(value, c.threshold());
        return line(c, row.label(), holds ? LineStatus.PASSED : LineStatus.VIOLATED,
                holds ? Outcome.PASS : c.severity().outcome(), value, Double.NaN, Optional.empty(),
                c.metric().format(value) + ", required " + c.thresholdText() + (holds ? "" : ": violated"));
    }

    private VerdictLine againstBaseline(Criterion c, String label, HistoryEntry candidate,
            Optional<Baseline> baseline, List<HistoryEntry> window) {
        OptionalDouble current = candidate.value(label, c.metric());
        if (current.isEmpty()) {
            return line(c, label, LineStatus.NO_DATA, c.severity().outcome(), Double.NaN, Double.NaN,
                    Optional.empty(), c.metric().key() + " was not recorded");
        }
        double value = current.getAsDouble();
        if (baseline.isEmpty()) {
            return line(c, label, LineStatus.NO_BASELINE, options.missingBaseline(), value, Double.NaN,
                    Optional.empty(), c.metric().format(value) + "; no baseline build fits '"
                            + options.baseline().text() + "': not compared");
        }
        Optional<LabelFigures> baseRow = baseline.get().figures().row(label);
        double base = baseRow.map(r -> r.get(c.metric())).orElse(Double.NaN);
        if (Double.isNaN(base)) {
            return line(c, label, LineStatus.NO_BASELINE, options.missingBaseline(), value, Double.NaN,
                    Optional.empty(), c.metric().format(value) + "; label is new (not in the baseline): not compared");
        }
        double delta = value - base;
        double measured = c.kind() == Criterion.Kind.DELTA ? delta : relative(value, base);
        String change = c.metric().format(value) + " vs baseline " + c.metric().format(base) + " ("
                + signed(c, delta) + ", " + percent(relative(value, base)) + "), required " + c.thresholdText();
        // judged on every line, so each says how the change compares with noise; only a crossed threshold can fail
        boolean upward = c.operator().upperBound();
        Significance s = noise.judge(baselineValues(label, c, baseline.get(), candidate, window),
                candidateValues(label, c, candidate), upward);
        if (c.operator().holds(measured, c.threshold())) {
            return line(c, label, LineStatus.PASSED, Outcome.PASS, value, base, Optional.of(s),
                    change + "; " + s.describe());
        }
        if (s.significant()) {
            return line(c, label, LineStatus.VIOLATED, c.severity().outcome(), value, base, Optional.of(s),
                    change + ": regression; " + s.describe());
        }
        return line(c, label, LineStatus.WITHIN_NOISE, Outcome.PASS, value, base, Optional.of(s),
                change + ": threshold crossed but " + s.describe());
    }

    /**
     * The values the candidate is judged against: the baseline build's own repetitions when both it and the
     * candidate were repeated (an interleaved comparison), else the per-build values of the noise window.
     */
    private static double[] baselineValues(String label, Criterion c, Baseline baseline, HistoryEntry candidate,
            List<HistoryEntry> window) {
        if (baseline.entries().size() == 1 && baseline.entries().get(0).repeats().size() >= 2
                && candidate.repeats().size() >= 2) {
            return values(baseline.entries().get(0).repeats(), label, c);
        }
        return window.stream().map(e -> e.value(label, c.metric())).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).toArray();
    }

    private static double[] candidateValues(String label, Criterion c, HistoryEntry candidate) {
        double[] v = values(candidate.runs(), label, c);
        return v.length == 0 ? new double[] {candidate.value(label, c.metric()).orElse(Double.NaN)} : v;
    }

    private static double[] values(List<RunFigures> runs, String label, Criterion c) {
        return runs.stream().map(r -> r.row(label)).filter(Optional::isPresent).mapToDouble(o -> o.get().get(
                c.metric())).filter(d -> !Double.isNaN(d)).toArray();
    }

    /** Relative change; from a zero baseline any increase is infinitely large (0 → some errors is a regression). */
    static double relative(double value, double base) {
        if (base == 0) {
            return value == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, value);
        }
        return (value - base) / Math.abs(base);
    }

    private static String signed(Criterion c, double delta) {
        return (delta >= 0 ? "+" : "") + c.metric().format(delta);
    }

    private static String percent(double fraction) {
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "+∞ %" : "-∞ %";
        }
        return String.format(Locale.ROOT, "%+.1f %%", fraction * 100);
    }

    private static VerdictLine line(Criterion c, String label, LineStatus status, Outcome outcome, double value,
            double base, Optional<Significance> s, String message) {
        double delta = Double.isNaN(base) ? Double.NaN : value - base;
        double rel = Double.isNaN(base) ? Double.NaN : relative(value, base);
        return new VerdictLine(c.text(), Optional.of(c), label, status, outcome, value, c.thresholdText(), base,
                delta, rel, s, message + (outcome != Outcome.PASS && c.severity() != Severity.FAIL
                        && status == LineStatus.VIOLATED ? " (severity " + c.severity().text() + ")" : ""));
    }
}
