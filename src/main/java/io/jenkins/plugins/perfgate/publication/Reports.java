package io.jenkins.plugins.perfgate.publication;

import hudson.model.TaskListener;
import io.jenkins.plugins.perfgate.agent.AgentCli;
import io.jenkins.plugins.perfgate.engine.chart.TrendMarkers;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.gate.CriteriaParser;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.report.HtmlReport;
import io.jenkins.plugins.perfgate.engine.report.ReportInput;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.File;
import java.io.UncheckedIOException;

/**
 * Writes the report engine's HTML report of a build into the build directory, where the build action serves it with
 * Jenkins' Content-Security-Policy for archived files (the report is built to need nothing that policy forbids).
 */
public final class Reports {

    private Reports() {
    }

    /** Writes the report into {@code dir}; true when one was written (a failure is logged, never fatal). */
    static boolean write(String title, RunSummary summary, BuildRef build, Verdict verdict, History history,
            String criteria, File dir, TaskListener listener) {
        try {
            TrendMarkers markers = TrendMarkers.none();
            try {
                if (criteria != null && !criteria.isBlank()) {
                    markers = markers.withCriteria(CriteriaParser.parseAll(criteria));
                }
            } catch (IllegalArgumentException e) {
                // criteria were checked before the gate ran; nothing to draw otherwise
            }
            // the trend ends with this build
            History withThis = history.with(new HistoryEntry(build, RunFigures.of(summary)));
            ReportInput input = ReportInput.of(summary).withTitle(title).withBuild(build).withVerdict(verdict)
                    .withHistory(withThis.entries(), markers);
            HtmlReport.write(input, dir.toPath());
            return true;
        } catch (UncheckedIOException | IllegalArgumentException e) {
            AgentCli.log(listener, "cannot write the HTML report: " + e.getMessage());
            return false;
        }
    }
}
