package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.List;

/**
 * The runs of one build that a plan repeated ({@code repeat: k}), and the baseline target's runs interleaved with
 * them ({@code baselineTarget}): how they become the gate's candidate and baseline. The CLI and the Jenkins layer
 * both judge repeated runs through this class, so they reach the same verdict.
 *
 * @param candidate   the candidate's repetitions, in run order (one element or none: not repeated)
 * @param interleaved the baseline target's repetitions, empty when the plan has no baseline target
 */
public record RepeatedRuns(List<RunSummary> candidate, List<RunSummary> interleaved) {

    public static final RepeatedRuns NONE = new RepeatedRuns(List.of(), List.of());

    public RepeatedRuns {
        candidate = List.copyOf(candidate);
        interleaved = List.copyOf(interleaved);
    }

    /** Whether the baseline is the interleaved baseline target's runs rather than the history's. */
    public boolean hasInterleavedBaseline() {
        return !interleaved.isEmpty();
    }

    /** The repetitions the gate's U-test compares (none when the build ran once). */
    public List<RunSummary> repetitions() {
        return candidate.size() > 1 ? candidate : List.of();
    }

    /** The candidate entry: the merged run with its repetitions. */
    public HistoryEntry candidateEntry(BuildRef ref, RunSummary merged) {
        return new HistoryEntry(ref, RunFigures.of(merged), repetitions().stream().map(RunFigures::of).toList());
    }

    /**
     * The history to judge against: the stored one, or, with an interleaved baseline, one build just before the
     * candidate holding the baseline target's runs (judged with the {@code previous} policy).
     */
    public History baselineHistory(BuildRef candidate, History stored) {
        if (!hasInterleavedBaseline()) {
            return stored;
        }
        RunSummary base = interleaved.stream().reduce(RunSummary::merge).orElseThrow();
        BuildRef baseRef = new BuildRef(candidate.number() - 1, "baseline-target", candidate.timeMillis(),
                BuildResult.SUCCESS, "baseline target", "");
        return new History(List.of(new HistoryEntry(baseRef, RunFigures.of(base),
                interleaved.size() > 1 ? interleaved.stream().map(RunFigures::of).toList() : List.of())), List.of());
    }

    /** Gate options for these runs: the given ones, with the {@code previous} policy for an interleaved baseline. */
    public GateOptions options(GateOptions options) {
        return hasInterleavedBaseline()
                ? options.withBaseline(io.jenkins.plugins.perfgate.engine.history.BaselinePolicy.parse("previous"))
                : options;
    }

    /** The verdict as people should read it: an interleaved baseline is named as such, not as a build. */
    public Verdict describe(Verdict v) {
        if (!hasInterleavedBaseline()) {
            return v;
        }
        String description = "baseline target, " + interleaved.size() + " run(s) interleaved with the candidate's";
        List<String> notes = v.notes().stream().filter(n -> !n.startsWith("noise window:")).toList();
        return new Verdict(v.result(), v.runStatus(), v.lines(),
                v.comparison().map(c -> new Comparison(description, c.overall(), c.labels())),
                v.baselineDescription().startsWith("none") ? v.baselineDescription() : description, notes);
    }
}
