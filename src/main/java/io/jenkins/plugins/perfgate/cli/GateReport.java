package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.chart.TrendMarkers;
import io.jenkins.plugins.perfgate.engine.gate.Criterion;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.history.Baseline;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.report.ReportInput;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.List;

/** The HTML report input of {@code perfgate gate --html}: the verdict, the history with this build, its trends. */
final class GateReport {

    private GateReport() {
    }

    static ReportInput input(RunSummary summary, HistoryEntry candidate, Verdict verdict, History past,
            List<Criterion> criteria, GateOptions options) {
        HistoryEntry judged = new HistoryEntry(candidate.build().withResult(verdict.result().buildResult()),
                candidate.figures(),
                candidate.repeats());
        TrendMarkers markers = TrendMarkers.none().withCriteria(criteria);
        var baseline = Baseline.resolve(options.baseline(), past, candidate.number());
        if (baseline.isPresent()) {
            markers = markers.withBaseline(baseline.get());
        }
        return ReportInput.of(summary)
                .withTitle("perfgate gate: build #" + candidate.number() + " " + verdict.result().name())
                .withBuild(judged.build())
                .withVerdict(verdict)
                .withHistory(past.with(judged).entries(), markers)
                .withDetectedChangePoints();
    }
}
