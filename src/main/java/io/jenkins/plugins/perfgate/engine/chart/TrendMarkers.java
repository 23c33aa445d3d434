package io.jenkins.plugins.perfgate.engine.chart;

import java.util.List;
import java.util.Objects;

/**
 * What is drawn on top of a trend besides the builds: the baseline, SLA thresholds and detected change points.
 * Immutable.
 *
 * @param baselineName  how the baseline is called in the legend ({@code baseline #40}), empty when there is none
 * @param baseline      the baseline's figures per label ("" = all samples); drawn as dashed lines
 * @param thresholds    limits drawn as red lines
 * @param changePoints  builds where a shift was detected; drawn as vertical lines
 */
public record TrendMarkers(String baselineName, java.util.Map<String, TrendFigures> baseline,
        List<Threshold> thresholds, List<ChangeMark> changePoints) {

    /** A limit on one metric of one label ("" = all samples), like {@code p95 < 800 ms}. */
    public record Threshold(String label, TrendMetric metric, double value, String description) {
        public Threshold {
            Objects.requireNonNull(label);
            Objects.requireNonNull(metric);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("threshold must be finite: " + value);
            }
            description = description == null ? "" : description;
        }
    }

    /** A detected shift at a build, like {@code p95 +35 %}; label "" = all samples. */
    public record ChangeMark(long buildNumber, String label, String description) {
        public ChangeMark {
            Objects.requireNonNull(label);
            description = description == null ? "" : description;
        }
    }

    public TrendMarkers {
        baselineName = baselineName == null ? "" : baselineName;
        baseline = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(baseline));
        thresholds = List.copyOf(thresholds);
        changePoints = List.copyOf(changePoints);
    }

    public static TrendMarkers none() {
        return new TrendMarkers("", java.util.Map.of(), List.of(), List.of());
    }

    public TrendMarkers withBaseline(String name, java.util.Map<String, TrendFigures> figures) {
        return new TrendMarkers(name, figures, thresholds, changePoints);
    }

    public TrendMarkers withThresholds(List<Threshold> newThresholds) {
        return new TrendMarkers(baselineName, baseline, newThresholds, changePoints);
    }

    public TrendMarkers withChangePoints(List<ChangeMark> marks) {
        return new TrendMarkers(baselineName, baseline, thresholds, marks);
    }
}
