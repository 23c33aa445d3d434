package io.jenkins.plugins.perfgate.engine.chart;

import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One build on a trend chart: what the Jenkins layer and the history feed to {@link TrendCharts}. Immutable.
 *
 * @param buildNumber the build's number (the x position)
 * @param displayName how the build is called ({@code #42}, or a custom display name)
 * @param releaseTag  the release this build is tagged as ({@code v1.4.0}), empty when none
 * @param result      how the build ended
 * @param overall     figures of all samples
 * @param labels      figures per label, sorted by label
 */
public record TrendPoint(long buildNumber, String displayName, String releaseTag, BuildResult result,
        TrendFigures overall, Map<String, TrendFigures> labels) {

    public TrendPoint {
        displayName = displayName == null || displayName.isEmpty() ? "#" + buildNumber : displayName;
        releaseTag = releaseTag == null ? "" : releaseTag.strip();
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(overall, "overall");
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** The trend point of a build whose run is summarised by {@code summary}. */
    public static TrendPoint of(long buildNumber, String displayName, String releaseTag, BuildResult result,
            RunSummary summary) {
        Map<String, TrendFigures> labels = new TreeMap<>();
        for (LabelStats s : summary.labels()) {
            labels.put(s.label(), TrendFigures.of(s));
        }
        return new TrendPoint(buildNumber, displayName, releaseTag, result, TrendFigures.of(summary.overall()),
                labels);
    }

    /** Figures of a label, or of all samples when {@code label} is empty; empty when the build lacks the label. */
    public Optional<TrendFigures> figures(String label) {
        return label.isEmpty() ? Optional.of(overall) : Optional.ofNullable(labels.get(label));
    }

    public boolean tagged() {
        return !releaseTag.isEmpty();
    }
}
