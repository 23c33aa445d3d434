package io.jenkins.plugins.perfgate.engine.report;

import io.jenkins.plugins.perfgate.engine.chart.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.chart.TrendMarkers;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.gate.CriteriaParser;
import io.jenkins.plugins.perfgate.engine.gate.Criterion;
import io.jenkins.plugins.perfgate.engine.gate.Gate;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.history.Baseline;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic report input made by the real pipeline: twelve earlier builds summarised from generated samples, a
 * slower candidate build with a hostile label, judged by the real gate against the real baseline.
 */
final class ReportFixtures {

    static final String CRITERIA = "p95 < 400ms\np95 vs baseline < +10%\nerror% < 1% => unstable\n"
            + "p95[label=\"GET /home\"] vs baseline < +10%";

    private ReportFixtures() {
    }

    static ReportInput regressedBuild() {
        return build(1.45);
    }

    /** Build 13 after twelve steady builds, its latencies scaled by {@code factor} (1.0 = no change). */
    static ReportInput build(double factor) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (int b = 1; b <= 12; b++) {
            RunSummary s = SyntheticRuns.run(100 + b, 1.0 + (b % 3) * 0.02, true);
            BuildRef ref = new BuildRef(b, "", SyntheticRuns.START + b * 3_600_000L,
                    b == 7 ? BuildResult.FAILURE : BuildResult.SUCCESS, b == 5 ? "v2.4.0" : "", "");
            entries.add(new HistoryEntry(ref, RunFigures.of(s)));
        }
        RunSummary current = SyntheticRuns.run(13, factor, true);
        BuildRef build = new BuildRef(13, "", SyntheticRuns.START + 13 * 3_600_000L, BuildResult.UNKNOWN,
                "v2.5.0-rc1", "1a2b3c4");
        HistoryEntry candidate = new HistoryEntry(build, RunFigures.of(current));
        History history = new History(entries, List.of());
        List<Criterion> criteria = CriteriaParser.parseAll(CRITERIA);
        GateOptions options = GateOptions.defaults();
        Verdict verdict = new Gate(options).judge(criteria, candidate, history);
        TrendMarkers markers = TrendMarkers.none();
        var baseline = Baseline.resolve(options.baseline(), history, build.number());
        if (baseline.isPresent()) {
            markers = markers.withBaseline(baseline.get());
        }
        List<HistoryEntry> all = new ArrayList<>(entries);
        all.add(candidate);
        markers = markers.withCriteria(criteria).withDetectedChangePoints(new History(all, List.of()));
        return ReportInput.of(current).withTitle("Checkout load test").withBuild(build).withVerdict(verdict)
                .withHistory(all, markers)
                .withRawFiles(List.of(new RawLink("results.jtl", "../results/run 1.jtl"),
                        new RawLink("summary.json", "summary.json")));
    }
}
