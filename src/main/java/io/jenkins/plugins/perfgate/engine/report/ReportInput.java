package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.chart.TrendMarkers;
import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.history.HistoryReport;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one HTML report shows: the run's summary and, when known, the build it belongs to, the gate's verdict,
 * the comparison with the baseline, the build history for trends and links to raw files. Only the summary is
 * required; each section is left out or says "none" when its input is absent. Immutable; set parts with the
 * {@code with...} methods.
 *
 * @param title      the report's heading ({@code perfgate report} when empty)
 * @param summary    the run
 * @param build      the build the run belongs to (its number keeps it out of its own noise window)
 * @param verdict    the gate's decision (its comparison is used when {@link #comparison} is empty)
 * @param comparison the run against the baseline
 * @param history    earlier builds (and possibly this one), for trend charts and noise judgement
 * @param markers    baseline, thresholds and change points drawn on trend charts
 * @param rawFiles   raw files to link to
 */
public record ReportInput(String title, RunSummary summary, Optional<BuildRef> build, Optional<Verdict> verdict,
        Optional<Comparison> comparison, List<HistoryEntry> history, TrendMarkers markers, List<RawLink> rawFiles) {

    public ReportInput {
        title = title == null || title.isBlank() ? "perfgate report" : title.strip();
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(build);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(comparison);
        history = List.copyOf(history);
        Objects.requireNonNull(markers);
        rawFiles = List.copyOf(rawFiles);
    }

    public static ReportInput of(RunSummary summary) {
        return new ReportInput("", summary, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                TrendMarkers.none(), List.of());
    }

    public ReportInput withTitle(String newTitle) {
        return new ReportInput(newTitle, summary, build, verdict, comparison, history, markers, rawFiles);
    }

    public ReportInput withBuild(BuildRef ref) {
        return new ReportInput(title, summary, Optional.of(ref), verdict, comparison, history, markers, rawFiles);
    }

    /** The verdict, and its comparison unless one was set. */
    public ReportInput withVerdict(Verdict v) {
        return new ReportInput(title, summary, build, Optional.of(v), comparison.or(v::comparison), history, markers,
                rawFiles);
    }

    public ReportInput withComparison(Comparison c) {
        return new ReportInput(title, summary, build, verdict, Optional.of(c), history, markers, rawFiles);
    }

    public ReportInput withHistory(List<HistoryEntry> entries, TrendMarkers trendMarkers) {
        return new ReportInput(title, summary, build, verdict, comparison, entries, trendMarkers, rawFiles);
    }

    public ReportInput withRawFiles(List<RawLink> links) {
        return new ReportInput(title, summary, build, verdict, comparison, history, markers, links);
    }

    /** The same input linking {@code more} raw files after its own. */
    public ReportInput withMoreRawFiles(List<RawLink> more) {
        List<RawLink> links = new ArrayList<>(rawFiles);
        links.addAll(more);
        return withRawFiles(links);
    }

    /**
     * The markers trend charts draw: the given ones, with the comparison's baseline figures when no baseline was
     * given, so the baseline line and criteria relative to it appear whenever the run was compared.
     */
    public TrendMarkers trendMarkers() {
        if (markers.hasBaseline() || comparison.isEmpty() || comparison.get().overall().baseline().isEmpty()) {
            return markers;
        }
        Comparison c = comparison.get();
        List<LabelFigures> rows = c.labels().stream().flatMap(l -> l.baseline().stream()).toList();
        return markers.withBaseline(c.baselineDescription(),
                new RunFigures(RunStatus.COMPLETE, "", c.overall().baseline().get(), rows));
    }

    /**
     * With the change points the history's E-Divisive detection finds (default options: p95, error %, rps) for
     * the rows the report draws trends of: all samples and the busiest labels. Detection runs per row, so a
     * history of many labels costs only what is drawn.
     */
    public ReportInput withDetectedChangePoints() {
        History h = new History(history, List.of());
        List<ChangePoint> found = new ArrayList<>();
        for (String label : ReportCharts.trendLabels(summary)) {
            found.addAll(HistoryReport.of(h, HistoryReport.Options.defaults().withLabel(label)).changePoints());
        }
        return withHistory(history, markers.withChangePoints(found));
    }

    /** The history without the reported build itself: the builds it is judged against. */
    public List<HistoryEntry> earlierBuilds() {
        return build.map(b -> history.stream().filter(e -> e.number() < b.number()).toList()).orElse(history);
    }
}
