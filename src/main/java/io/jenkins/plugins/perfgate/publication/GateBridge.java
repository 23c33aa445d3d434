package io.jenkins.plugins.perfgate.publication;

import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.compare.LabelComparison;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.gate.CriteriaParser;
import io.jenkins.plugins.perfgate.engine.gate.Criterion;
import io.jenkins.plugins.perfgate.engine.gate.Gate;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.gate.RepeatedRuns;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.gate.VerdictLine;
import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.model.GateLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Jenkins layer's only door into the gate engine: parses criteria and baseline policies, asks {@link Gate} for
 * the verdict and turns its answer into the plain values a build keeps ({@link GateLine}, the baseline's {@link LabelFigures}).
 */
public final class GateBridge {

    private GateBridge() {
    }

    /** Why the criteria text cannot be read (naming criterion and column), or null when it can. */
    public static String criteriaProblem(String criteria) {
        try {
            CriteriaParser.parseAll(criteria);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Why the baseline policy text is not one, or null when it is. */
    public static String baselineProblem(String policy) {
        try {
            BaselinePolicy.parse(policy);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public static GateOptions options(String baselinePolicy) {
        GateOptions o = GateOptions.defaults();
        return baselinePolicy == null || baselinePolicy.isBlank() ? o
                : o.withBaseline(BaselinePolicy.parse(baselinePolicy));
    }

    /** The verdict on a candidate build given the job's history (criteria already validated). */
    static Verdict judge(String criteria, String baselinePolicy, HistoryEntry candidate, History history) {
        return judge(criteria, options(baselinePolicy), RepeatedRuns.NONE, candidate, history);
    }

    /**
     * The verdict on a build whose plan repeated its runs: the U-test over repetitions, and an interleaved baseline
     * target's runs instead of the history's baseline when the plan has one.
     */
    static Verdict judge(String criteria, GateOptions options, RepeatedRuns runs, HistoryEntry candidate,
            History history) {
        List<Criterion> parsed = criteria == null || criteria.isBlank() ? List.of()
                : CriteriaParser.parseAll(criteria);
        return runs.describe(new Gate(runs.options(options)).judge(parsed, candidate,
                runs.baselineHistory(candidate.build(), history)));
    }

    static List<GateLine> lines(Verdict v) {
        List<GateLine> out = new ArrayList<>();
        for (VerdictLine l : v.lines()) {
            String severity = l.criterion().map(c -> c.severity().text()).orElse("fail");
            String value = l.metric().map(m -> m.format(l.value())).orElse(num(l.value()));
            String base = Double.isNaN(l.baselineValue()) ? ""
                    : l.metric().map(m -> m.format(l.baselineValue())).orElse(num(l.baselineValue()));
            out.add(new GateLine(l.name(), l.label(), severity, l.outcome().name(), value, l.threshold(), base,
                    l.message()));
        }
        return out;
    }

    /** Baseline figures of the overall row and of each label, from the verdict's comparison. */
    static List<LabelFigures> baselineFigures(Comparison c) {
        List<LabelFigures> out = new ArrayList<>();
        c.overall().baseline().ifPresent(f -> out.add(f.withLabel(OverallRow.LABEL)));
        for (LabelComparison lc : c.labels()) {
            lc.baseline().ifPresent(f -> out.add(f.withLabel(lc.label())));
        }
        return out;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }
}
