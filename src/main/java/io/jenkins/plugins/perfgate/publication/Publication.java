package io.jenkins.plugins.perfgate.publication;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.perfgate.agent.AgentCli;
import io.jenkins.plugins.perfgate.agent.RunPlans;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.gate.GateResult;
import io.jenkins.plugins.perfgate.engine.gate.GateRun;
import io.jenkins.plugins.perfgate.engine.gate.JudgedRun;
import io.jenkins.plugins.perfgate.engine.gate.RepeatedRuns;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import io.jenkins.plugins.perfgate.history.ResultId;
import io.jenkins.plugins.perfgate.model.GateLine;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.settings.PublishSettings;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a run summary on a build (as its result with the settings' id), on the controller (summaries are small; raw samples never come here): keeps
 * the summary with the build, asks the gate engine for the verdict against the job's history, writes the HTML
 * report, records the build in the history index and attaches the {@link PerfgateBuildAction}.
 */
public final class Publication {

    private Publication() {
    }

    public static PerfgateBuildAction publish(Run<?, ?> run, TaskListener listener, EnvVars env, RunSummary summary,
            PublishSettings s, RunPlans.PlanGate plan, RepeatedRuns runs, String title, String workspaceSummary)
            throws IOException {
        File dir = new File(run.getRootDir(), ResultId.folder(s.getId()));
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IOException("cannot create " + dir);
        }
        SummaryJson.write(summary, new File(dir, "summary.json").toPath());

        String criteria = s.effectiveCriteria(plan.criteria());
        String criteriaProblem = criteria.isBlank() ? null : GateBridge.criteriaProblem(criteria);
        if (criteriaProblem != null) {
            throw new AbortException("perfgate: invalid criteria: " + criteriaProblem);
        }
        String baseline = s.effectiveBaseline(plan.baseline());
        String baselineProblem = baseline.isBlank() ? null : GateBridge.baselineProblem(baseline);
        if (baselineProblem != null) {
            throw new AbortException("perfgate: invalid baseline policy: " + baselineProblem);
        }

        JobHistoryStore store = new JobHistoryStore(run.getParent(), s.getId());
        ReferenceBranch reference = ReferenceBranch.of(baseline, PerfgateConfiguration.get().getDefaultBaseline(), env);
        GateRun gate = new GateRun(store);
        String policy = baseline;
        if (!reference.isOwnHistory()) {
            var other = reference.job(run.getParent());
            if (other.isPresent()) {
                AgentCli.log(listener, "baseline from the history of branch " + reference.branch()
                        + (reference.fromTarget() ? " (the change request's target)" : ""));
                gate = new GateRun(store, new JobHistoryStore(other.get(), s.getId()), "branch " + reference.branch());
            } else if (reference.fromTarget()) {
                AgentCli.log(listener, "the change request's target branch " + reference.branch()
                        + " has no job beside this one: baseline from this job's own history");
            } else {
                throw new AbortException("perfgate: baseline branch:" + reference.branch() + ": no job of that branch beside "
                        + run.getParent().getFullName() + " in " + run.getParent().getParent().getFullName());
            }
            policy = reference.policy();
        }
        BuildRef ref = new BuildRef(run.getNumber(), run.getId(), run.getStartTimeInMillis(), BuildResult.UNKNOWN,
                env.expand(s.getReleaseTag()), env.get("GIT_COMMIT", ""));
        Result soFar = run.getResult() == null ? Result.SUCCESS : run.getResult();
        JudgedRun judged = GateBridge.judge(gate, summary, criteria, policy, plan.alpha(), runs, ref,
                JobHistoryStore.result(soFar), s.getReturnOnly());
        Verdict verdict = judged.verdict();
        History history = judged.stored();
        List<String> notes = new ArrayList<>(history.warnings());
        notes.addAll(verdict.notes());
        for (String line : verdict.format().split("\\R")) {
            AgentCli.log(listener, line);
        }

        boolean report = false;
        if (s.html()) {
            // two reports of one build must tell which is which
            String reportTitle = s.getId().isEmpty() ? title : title + " (" + s.getId() + ")";
            report = Reports.write(reportTitle, summary, ref, verdict, history, criteria, new File(dir, "report"), listener);
        }
        if (judged.recordFailure().isPresent()) {
            throw new IOException(judged.recordFailure().get());
        }

        List<LabelFigures> labels = labelFigures(summary);
        List<LabelFigures> baselineFigures = verdict.comparison().map(GateBridge::baselineFigures).orElse(List.of());
        LabelFigures baselineOverall = baselineFigures.stream()
                .filter(f -> f.getLabel().equals(OverallRow.LABEL)).findFirst().orElse(null);
        List<LabelFigures> baselineLabels = baselineOverall == null ? baselineFigures
                : baselineFigures.subList(1, baselineFigures.size());
        PerfgateBuildAction action = new PerfgateBuildAction(s.getId(), verdict.result().name(), summary.status().name(),
                summary.statusReason(), title, summary.sampleCount(), LabelFigures.of(OverallRow.LABEL,
                summary.overall()), labels, verdict.baselineDescription(), Math.toIntExact(judged.baselineBuild()),
                baselineOverall, baselineLabels,
                GateBridge.lines(verdict), notes, report, workspaceSummary, criteria, baseline).recordedIn(dir);
        attach(run, action);
        return action;
    }

    /**
     * Adds the action to the build, replacing the result with the same id published before in this build (publishing
     * an id twice keeps the last); results with other ids stay.
     */
    static void attach(Run<?, ?> run, PerfgateBuildAction action) {
        synchronized (run) {
            for (PerfgateBuildAction old : run.getActions(PerfgateBuildAction.class)) {
                if (old.getId().equals(action.getId())) {
                    run.removeAction(old);
                }
            }
            run.addAction(action);
        }
    }

    /** The figures of a run that is not published on the build (verdict NONE, nothing attached or recorded). */
    public static PerfgateBuildAction unpublished(String id, RunSummary summary, String title, String workspaceSummary) {
        return new PerfgateBuildAction(id, "NONE", summary.status().name(), summary.statusReason(), title,
                summary.sampleCount(), LabelFigures.of(OverallRow.LABEL, summary.overall()), labelFigures(summary),
                "no comparison (not published)", 0, null, List.of(), List.of(), List.of(), false, workspaceSummary,
                "", "");
    }

    private static List<LabelFigures> labelFigures(RunSummary summary) {
        List<LabelFigures> labels = new ArrayList<>();
        for (LabelStats l : summary.labels()) {
            labels.add(LabelFigures.of(l.label(), l));
        }
        return labels;
    }

    /**
     * Sets the build result per the verdict unless only asked to return it; a failed gate also stops the build
     * ({@code throwOnFail}) so that promotion steps after it do not run.
     */
    public static void applyResult(Run<?, ?> run, PerfgateBuildAction action, PublishSettings s, TaskListener listener,
            boolean throwOnFail) throws AbortException {
        String verdict = action.getVerdict();
        if (s.getReturnOnly()) {
            AgentCli.log(listener, "verdict " + verdict + " (returnOnly: the build result is left to the script)");
            return;
        }
        switch (verdict) {
            case "FAIL" -> {
                run.setResult(Result.FAILURE);
                if (throwOnFail) {
                    throw new AbortException("perfgate: performance gate failed: " + linesWith(action, "FAIL"));
                }
            }
            case "UNSTABLE" -> run.setResult(Result.UNSTABLE);
            default -> {
            }
        }
    }

    /**
     * The criteria lines with this outcome, each named with its criterion and label: {@code p95 vs baseline < +20%
     * [api]: 300 ms vs baseline 100 ms (...)}; the run's status when no criterion has it (an incomplete run).
     */
    public static String linesWith(PerfgateBuildAction a, String outcome) {
        List<String> out = new ArrayList<>();
        for (GateLine g : a.getCriteria()) {
            if (outcome.equals(g.getOutcome())) {
                String label = g.getLabel() == null || g.getLabel().isEmpty() || OverallRow.LABEL.equals(g.getLabel())
                        ? "" : " [" + g.getLabel() + "]";
                out.add(g.getCriterion() + label + ": " + g.getDetail());
            }
        }
        return out.isEmpty() ? "run " + a.getStatus() : String.join("; ", out);
    }
}
