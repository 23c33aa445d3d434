package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.gate.CriteriaParser;
import io.jenkins.plugins.perfgate.engine.gate.Criterion;
import io.jenkins.plugins.perfgate.engine.gate.Gate;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.gate.GateResult;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.DirectoryHistoryStore;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.report.ReportInput;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The gate a run plan asks for ({@code criteria:} and {@code baseline: {policy: ...}}), judged right after
 * {@code perfgate run} against a history directory, optionally recording the run there.
 *
 * @param verdict the gate's verdict
 * @param report  the HTML report's input with verdict, history and criteria
 */
record PlanGate(Verdict verdict, ReportInput report) {

    /**
     * Judges the summary by the plan's criteria; prints the verdict and, when {@code record} is given, stores the run
     * in the history as that build.
     *
     * @throws IllegalArgumentException for criteria or a baseline policy that do not parse (naming them)
     */
    static PlanGate judge(RunPlan plan, RunSummary summary, Path historyDir, Long record, String tag,
            PrintWriter out, PrintWriter err) throws IOException {
        return judge(plan, summary, List.of(), List.of(), historyDir, record, tag, out, err);
    }

    /**
     * Judges a repeated run: {@code summary} is the merge of {@code repeats} (empty or one: not repeated). With the
     * baseline target's repetitions ({@code interleaved} non-empty) the candidate is judged against them alone, as
     * the {@code previous} build of an in-memory history, so with enough repetitions the Mann-Whitney U test
     * decides; otherwise against the history directory, whose repeated builds the gate also compares repetition
     * against repetition.
     */
    static PlanGate judge(RunPlan plan, RunSummary summary, List<RunSummary> repeats, List<RunSummary> interleaved,
            Path historyDir, Long record, String tag, PrintWriter out, PrintWriter err) throws IOException {
        List<Criterion> criteria = CriteriaParser.parseAll(plan.criteriaText());
        GateOptions options = GateOptions.defaults()
                .withBaseline(BaselinePolicy.parse(interleaved.isEmpty()
                        ? plan.baselinePolicy().orElse("median:5") : "previous"));
        String alpha = plan.baseline().get("alpha");
        if (alpha != null) {
            options = options.withAlpha(Double.parseDouble(alpha.strip()));
        }
        List<RunSummary> reps = repeats.size() > 1 ? repeats : List.of();
        DirectoryHistoryStore store = new DirectoryHistoryStore(historyDir);
        History stored = store.load();
        stored.warnings().forEach(w -> err.println("warning: history: " + w));
        long number = record != null ? record : stored.lastNumber() + 1;
        BuildRef ref = new BuildRef(number, "", System.currentTimeMillis(), BuildResult.UNKNOWN, tag, "");
        History past = stored;
        if (!interleaved.isEmpty()) {
            // the baseline target's runs, interleaved with the candidate's, are the one baseline build
            ref = new BuildRef(Math.max(1, number), "", ref.timeMillis(), BuildResult.UNKNOWN, tag, "");
            RunSummary base = interleaved.stream().reduce(RunSummary::merge).orElseThrow();
            BuildRef baseRef = new BuildRef(ref.number() - 1, "baseline-target", ref.timeMillis(),
                    BuildResult.SUCCESS, "baseline target", "");
            past = new History(List.of(new HistoryEntry(baseRef, RunFigures.of(base),
                    interleaved.size() > 1 ? interleaved.stream().map(RunFigures::of).toList() : List.of())),
                    List.of());
        }
        HistoryEntry candidate = new HistoryEntry(ref, RunFigures.of(summary),
                reps.stream().map(RunFigures::of).toList());
        Verdict verdict = new Gate(options).judge(criteria, candidate, past);
        if (!interleaved.isEmpty()) {
            verdict = interleavedBaseline(verdict, interleaved.size());
        }
        out.println();
        out.print(verdict.format());
        if (record != null) {
            store.record(new BuildRef(number, "", ref.timeMillis(), buildResult(verdict.result()), tag, ""), summary,
                    reps);
            out.println("recorded build #" + number + " in " + historyDir);
        }
        out.flush();
        return new PlanGate(verdict, GateReport.input(summary, candidate, verdict, past, criteria, options));
    }

    /** The verdict saying its baseline is the interleaved runs of the baseline target, not an earlier build. */
    private static Verdict interleavedBaseline(Verdict v, int runs) {
        String description = "baseline target, " + runs + " run(s) interleaved with the candidate's";
        List<String> notes = v.notes().stream().filter(n -> !n.startsWith("noise window:")).toList();
        return new Verdict(v.result(), v.runStatus(), v.lines(),
                v.comparison().map(c -> new Comparison(description, c.overall(), c.labels())),
                v.baselineDescription().startsWith("none") ? v.baselineDescription() : description, notes);
    }

    static BuildResult buildResult(GateResult r) {
        return switch (r) {
            case PASS -> BuildResult.SUCCESS;
            case UNSTABLE -> BuildResult.UNSTABLE;
            case FAIL -> BuildResult.FAILURE;
        };
    }
}
