package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.gate.CriteriaParser;
import io.jenkins.plugins.perfgate.engine.gate.Criterion;
import io.jenkins.plugins.perfgate.engine.gate.Gate;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.gate.RepeatedRuns;
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
        RepeatedRuns runs = new RepeatedRuns(repeats, interleaved);
        GateOptions options = runs.options(GateOptions.defaults()
                .withBaseline(BaselinePolicy.parse(plan.baselinePolicy().orElse("median:5"))));
        String alpha = plan.baseline().get("alpha");
        if (alpha != null) {
            options = options.withAlpha(Double.parseDouble(alpha.strip()));
        }
        DirectoryHistoryStore store = new DirectoryHistoryStore(historyDir);
        History stored = store.load();
        stored.warnings().forEach(w -> err.println("warning: history: " + w));
        long number = record != null ? record : stored.lastNumber() + 1;
        BuildRef ref = new BuildRef(Math.max(1, number), "", System.currentTimeMillis(), BuildResult.UNKNOWN, tag, "");
        History past = runs.baselineHistory(ref, stored);
        HistoryEntry candidate = runs.candidateEntry(ref, summary);
        Verdict verdict = runs.describe(new Gate(options).judge(criteria, candidate, past));
        out.println();
        out.print(verdict.format());
        if (record != null) {
            store.record(new BuildRef(number, "", ref.timeMillis(), verdict.result().buildResult(), tag, ""), summary,
                    runs.repetitions());
            out.println("recorded build #" + number + " in " + historyDir);
        }
        out.flush();
        return new PlanGate(verdict, GateReport.input(summary, candidate, verdict, past, criteria, options));
    }
}
