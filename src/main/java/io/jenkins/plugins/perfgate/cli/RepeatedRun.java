package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.runner.RunOutcome;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterInstallation;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A plan run {@code repeat: k} times in a row ({@code rep-1/ ... rep-k/} under the output folder) and, when the plan
 * names a {@code baselineTarget}, alternated with runs against the baseline version (B1 C1 B2 C2 ..., under
 * {@code baseline/rep-i/}), so both versions see the same drift of machine and network. The top-level
 * {@code summary.json} (and {@code baseline/summary.json}) is the exact merge of the repetitions.
 *
 * @param candidate the candidate's repetitions, in run order
 * @param baseline  the baseline target's repetitions, in run order; empty when not interleaved
 * @param outcome   the merged candidate run (its summary file is the top-level summary.json)
 */
record RepeatedRun(List<RunSummary> candidate, List<RunSummary> baseline, RunOutcome outcome) {

    RepeatedRun {
        candidate = List.copyOf(candidate);
        baseline = List.copyOf(baseline);
    }

    /**
     * Runs the series. A repetition that does not complete (timed out, aborted, Ctrl-C) ends the series, as does
     * Ctrl-C between two repetitions: the repetitions so far are merged, and the merged status says the run is not
     * complete, so the gate fails it.
     */
    static RepeatedRun run(RunPlan plan, JMeterInstallation jmeter, Path outDir, boolean quiet,
            AggregationOptions aggregation, PrintWriter out, StopOnSignal stop) throws IOException {
        int k = plan.repeat();
        List<RunSummary> candidate = new ArrayList<>();
        List<RunSummary> baseline = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        RunPlan baselinePlan = plan.interleaved() ? plan.baselinePlan() : null;
        boolean interrupted = false;
        for (int i = 1; i <= k; i++) {
            if (i > 1 && stop.stopped()) {
                interrupted = true; // between two runs: the next one does not start
                break;
            }
            if (baselinePlan != null) {
                RunOutcome b = RunSupport.run(baselinePlan, jmeter, outDir.resolve("baseline").resolve("rep-" + i),
                        quiet, aggregation, out, stop);
                baseline.add(b.summary());
                files.addAll(b.resultFiles());
                line(out, "baseline", i, k, b);
                if (b.status() != RunStatus.COMPLETE) {
                    out.println("perfgate: baseline repetition " + i + " did not complete: the series stops");
                    break;
                }
            }
            RunOutcome c = RunSupport.run(plan, jmeter, outDir.resolve("rep-" + i), quiet, aggregation, out, stop);
            candidate.add(c.summary());
            files.addAll(c.resultFiles());
            c.failedGenerators().forEach(g -> failed.add("rep-" + g));
            line(out, baselinePlan != null ? "candidate" : "repetition", i, k, c);
            if (c.status() != RunStatus.COMPLETE) {
                out.println("perfgate: repetition " + i + " did not complete: the series stops");
                break;
            }
        }
        out.flush();
        if (candidate.isEmpty()) {
            // the first baseline run failed, so the candidate never ran: the run is reported as not complete (the
            // summary is the baseline's, so nothing measured is hidden; its status says why)
            RunSummary b = baseline.get(0);
            candidate.add(b.withStatus(b.status() == RunStatus.NO_RESULTS ? RunStatus.NO_RESULTS
                    : RunStatus.INCOMPLETE, "the baseline target's run did not complete (" + b.status()
                    + "): the candidate did not run"));
        }
        RunSummary merged = candidate.stream().reduce(RunSummary::merge).orElseThrow();
        if (interrupted) {
            merged = merged.withStatus(merged.status().worst(RunStatus.ABORTED), StopOnSignal.REASON + " after "
                    + candidate.size() + " of " + k + " repetitions");
        }
        Path summaryFile = outDir.resolve("summary.json");
        SummaryJson.write(merged, summaryFile);
        Optional<RunSummary> baseMerged = baseline.stream().reduce(RunSummary::merge);
        if (baseMerged.isPresent()) {
            SummaryJson.write(baseMerged.get(), outDir.resolve("baseline").resolve("summary.json"));
        }
        return new RepeatedRun(candidate, baseline, new RunOutcome(merged.status(), merged.statusReason(), merged,
                summaryFile, files, failed));
    }

    private static void line(PrintWriter out, String what, int i, int k, RunOutcome o) {
        LabelStats all = o.summary().overall();
        out.println(String.format(Locale.ROOT, "perfgate: %s %d/%d: %s, %d samples, %d errors, mean %.1f ms, "
                + "p95 %d ms", what, i, k, o.status(), all.count(), all.errors(), all.mean(),
                all.percentile(95)));
        out.flush();
    }
}
