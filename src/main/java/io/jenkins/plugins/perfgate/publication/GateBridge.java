package io.jenkins.plugins.perfgate.publication;

import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.compare.LabelComparison;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.gate.CriteriaParser;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.gate.GateRequest;
import io.jenkins.plugins.perfgate.engine.gate.GateRun;
import io.jenkins.plugins.perfgate.engine.gate.JudgedRun;
import io.jenkins.plugins.perfgate.engine.gate.Recording;
import io.jenkins.plugins.perfgate.engine.gate.RepeatedRuns;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.gate.VerdictLine;
import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.history.HistoryStore;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.model.GateLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Jenkins layer's only door into the gate engine: checks criteria and baseline policies, asks {@link GateRun} for
 * the verdict (which records the build) and turns its answer into the plain values a build keeps ({@link GateLine},
 * the baseline's {@link LabelFigures}).
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
        if (policy != null && policy.trim().startsWith(ReferenceBranch.PREFIX)) {
            return ReferenceBranch.problem(policy);
        }
        try {
            BaselinePolicy.parse(policy);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public static GateOptions options(String baselinePolicy) {
        return GateOptions.defaults().withBaseline(BaselinePolicy.parseOrDefault(baselinePolicy));
    }

    /**
     * Judges a build's run against the job's history (or the reference history the gate was made with) through the engine's {@link GateRun} and records it there
     * (criteria and policy already validated): the verdict of the plan's repetitions by the U-test, against an
     * interleaved baseline target's runs when the plan has one. The recorded result is the worse of the build's
     * result so far and the verdict's, or the build's own with {@code returnOnly}.
     */
    static JudgedRun judge(GateRun gate, RunSummary summary, String criteria, String baselinePolicy,
            String alpha, RepeatedRuns runs, BuildRef build, BuildResult resultSoFar, boolean returnOnly)
            throws GateRun.HistoryUnreadable {
        return gate.judge(GateRequest.builder(summary).criteria(criteria).baseline(baselinePolicy)
                .alpha(alpha).runs(runs).forBuild(build).record(Recording.ofBuild(resultSoFar, !returnOnly))
                .build());
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
