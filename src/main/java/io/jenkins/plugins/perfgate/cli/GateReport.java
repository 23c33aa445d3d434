package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.chart.TrendMarkers;
import io.jenkins.plugins.perfgate.engine.gate.JudgedRun;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.report.ReportInput;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;

/** The HTML report input of {@code perfgate gate --html}: the verdict, the history with this build, its trends. */
final class GateReport {

    private GateReport() {
    }

    static ReportInput input(RunSummary summary, JudgedRun run) {
        Verdict verdict = run.verdict();
        HistoryEntry candidate = run.candidate();
        HistoryEntry judged = new HistoryEntry(candidate.build().withResult(verdict.result().buildResult()),
                candidate.figures(),
                candidate.repeats());
        TrendMarkers markers = TrendMarkers.none().withCriteria(run.criteria());
        if (run.baseline().isPresent()) {
            markers = markers.withBaseline(run.baseline().get());
        }
        return ReportInput.of(summary)
                .withTitle("perfgate gate: build #" + candidate.number() + " " + verdict.result().name())
                .withBuild(judged.build())
                .withVerdict(verdict)
                .withHistory(run.judgedAgainst().with(judged).entries(), markers)
                .withDetectedChangePoints();
    }
}
