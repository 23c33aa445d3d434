package io.jenkins.plugins.perfgate.engine.chart;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.gate.Criterion;
import io.jenkins.plugins.perfgate.engine.gate.Scope;
import io.jenkins.plugins.perfgate.engine.history.Baseline;
import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.engine.history.BaselineMarks;
import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryReport;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is drawn on top of a trend besides the builds: the baseline, SLA thresholds and detected change points.
 * Labels follow the history's convention: {@link OverallRow#LABEL} is the overall row. Immutable.
 *
 * @param baselineName  how the baseline is called on the chart ({@code last passing build #40}), empty when none
 * @param baseline      the baseline's figures, drawn as a dashed line
 * @param thresholds    explicit limits, drawn as red lines
 * @param criteria      gate criteria whose bounds are drawn as red lines too (see {@link #lines()}); kept as
 *                      criteria so that lines relative to the baseline follow whichever baseline is set, in any order
 * @param changePoints  shifts the history's change-point detection found, drawn as vertical lines on charts of
 *                      their label and metric
 * @param baselineMarks pins and accepts in force, drawn as vertical lines at their builds on every chart
 */
public record TrendMarkers(String baselineName, Optional<RunFigures> baseline, List<Threshold> thresholds,
        List<Criterion> criteria, List<ChangePoint> changePoints, List<BaselineMark> baselineMarks) {

    /** A limit on one metric of one label, like {@code p95 < 800 ms}. */
    public record Threshold(String label, Metric metric, double value, String description) {
        public Threshold {
            Objects.requireNonNull(label);
            Objects.requireNonNull(metric);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("threshold must be finite: " + value);
            }
            description = description == null ? "" : description;
        }
    }

    public TrendMarkers {
        baselineName = baselineName == null ? "" : baselineName;
        Objects.requireNonNull(baseline);
        thresholds = List.copyOf(thresholds);
        criteria = List.copyOf(criteria);
        changePoints = List.copyOf(changePoints);
        baselineMarks = List.copyOf(baselineMarks);
    }

    public static TrendMarkers none() {
        return new TrendMarkers("", Optional.empty(), List.of(), List.of(), List.of(), List.of());
    }

    public TrendMarkers withBaseline(Baseline chosen) {
        return withBaseline(chosen.description(), chosen.figures());
    }

    public TrendMarkers withBaseline(String name, RunFigures figures) {
        return new TrendMarkers(name, Optional.of(figures), thresholds, criteria, changePoints, baselineMarks);
    }

    public boolean hasBaseline() {
        return baseline.isPresent();
    }

    public TrendMarkers withThresholds(List<Threshold> newThresholds) {
        return new TrendMarkers(baselineName, baseline, newThresholds, criteria, changePoints, baselineMarks);
    }

    /** Draws the bounds of these gate criteria (replacing earlier ones); see {@link #lines()}. */
    public TrendMarkers withCriteria(List<Criterion> gateCriteria) {
        return new TrendMarkers(baselineName, baseline, thresholds, gateCriteria, changePoints, baselineMarks);
    }

    public TrendMarkers withChangePoints(List<ChangePoint> marks) {
        return new TrendMarkers(baselineName, baseline, thresholds, criteria, marks, baselineMarks);
    }

    /** With the pin and accept in force of these marks (the marks no longer in force are not drawn). */
    public TrendMarkers withBaselineMarks(BaselineMarks marks) {
        List<BaselineMark> inForce = new ArrayList<>();
        marks.pinned().ifPresent(n -> marks.inForce(n).ifPresent(inForce::add));
        marks.accepted().ifPresent(n -> marks.inForce(n).filter(m -> !inForce.contains(m)).ifPresent(inForce::add));
        return new TrendMarkers(baselineName, baseline, thresholds, criteria, changePoints, inForce);
    }

    /** With the change points the history's E-Divisive detection finds (default options: p95, error %, rps). */
    public TrendMarkers withDetectedChangePoints(History history) {
        return withChangePoints(HistoryReport.of(history, HistoryReport.Options.defaults()).changePoints());
    }

    /**
     * Every limit line: the explicit thresholds, then the criteria's bounds. An absolute bound ({@code p95 < 800ms})
     * is drawn as is; a bound relative to the baseline ({@code p95 vs baseline < +10%}) at the baseline's value moved
     * by the bound, when there is a baseline. Criteria on label patterns draw nothing: a pattern has no single line.
     */
    public List<Threshold> lines() {
        List<Threshold> lines = new ArrayList<>(thresholds);
        for (Criterion c : criteria) {
            String label = switch (c.scope()) {
                case Scope.Overall o -> OverallRow.LABEL;
                case Scope.Exact e -> e.label();
                default -> null;
            };
            if (label == null) {
                continue;
            }
            Optional<Double> value = switch (c.kind()) {
                case ABSOLUTE -> Optional.of(c.threshold());
                case RELATIVE -> baselineValue(label, c.metric()).map(b -> b * (1 + c.threshold()));
                case DELTA -> baselineValue(label, c.metric()).map(b -> b + c.threshold());
            };
            value.filter(Double::isFinite)
                    .ifPresent(v -> lines.add(new Threshold(label, c.metric(), v, c.text())));
        }
        return lines;
    }

    /** The baseline's value of a metric for a label, when there is one. */
    public Optional<Double> baselineValue(String label, Metric metric) {
        return baseline.flatMap(b -> b.row(label)).map(f -> f.get(metric)).filter(Double::isFinite);
    }
}
