package io.jenkins.plugins.perfgate.engine.retro;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.CheckOutcome;
import io.jenkins.plugins.perfgate.engine.history.EDivisive;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.history.HistoryReport;
import io.jenkins.plugins.perfgate.engine.history.LabelTrend;
import io.jenkins.plugins.perfgate.engine.history.Note;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A retrospective of one release range of a history: from the last build tagged {@code from} to the last build
 * tagged {@code to}. Immutable; {@link RetroFormat} renders it as Markdown, CSV and JSON.
 *
 * @param fromTag      the release the range starts at
 * @param toTag        the release it ends at
 * @param builds       the builds of the range, oldest first (the {@code from} release build first)
 * @param releases     the release-over-release table: per label (overall first), each tagged build's values
 * @param changePoints the shifts found in the range (after the {@code from} build, up to the {@code to} build)
 * @param failed       the builds of the range that did not pass every criterion, with those criteria
 * @param noise        per label and statistic, how much the builds scattered around their level
 * @param notes        the notes people wrote about builds of the range, oldest first
 * @param metrics      the statistics shown
 */
public record Retrospective(String fromTag, String toTag, List<HistoryEntry> builds, List<ReleaseRow> releases,
        List<ChangePoint> changePoints, Map<Long, List<CheckOutcome>> failed, List<NoiseRow> noise,
        List<Note> notes, List<Metric> metrics) {

    /** One tagged build's values for one label, and their change from the previous release. */
    public record ReleaseRow(String label, BuildRef build, Map<Metric, Double> values, Map<Metric, Double> change) {
        public ReleaseRow {
            values = Map.copyOf(values);
            change = Map.copyOf(change);
        }

        public double value(Metric m) {
            return values.getOrDefault(m, Double.NaN);
        }

        /** Relative change from the previous release row of the label (NaN for the first). */
        public double relativeChange(Metric m) {
            return change.getOrDefault(m, Double.NaN);
        }
    }

    /**
     * How much one label's statistic scattered over the range: the relative standard deviation of the passing
     * builds' values around the level of their segment (so a change point is not counted as noise).
     *
     * @param builds   passing builds measured
     * @param relative the relative standard deviation (0.04 = 4 %), NaN with fewer than 3 builds
     */
    public record NoiseRow(String label, Metric metric, int builds, double relative) {
    }

    public Retrospective {
        Objects.requireNonNull(fromTag);
        Objects.requireNonNull(toTag);
        builds = List.copyOf(builds);
        releases = List.copyOf(releases);
        changePoints = List.copyOf(changePoints);
        failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        noise = List.copyOf(noise);
        notes = List.copyOf(notes);
        metrics = List.copyOf(metrics);
    }

    /** The failures of the range's builds, looked up by build number. */
    @FunctionalInterface
    public interface Failures {
        List<CheckOutcome> of(long build) throws java.io.IOException;
    }

    /**
     * The retrospective of {@code history} from release {@code fromTag} to {@code toTag}.
     *
     * @throws IllegalArgumentException naming the tags the history has when a tag is unknown or the range is empty
     */
    public static Retrospective of(History history, String fromTag, String toTag, List<Note> notes,
            Failures failures) throws java.io.IOException {
        BuildRef from = lastTagged(history, fromTag);
        BuildRef to = lastTagged(history, toTag);
        if (from.number() > to.number()) {
            throw new IllegalArgumentException("release " + fromTag + " (" + from.display() + ") comes after "
                    + toTag + " (" + to.display() + "): give the older release as --from");
        }
        List<HistoryEntry> builds = history.entries().stream()
                .filter(e -> e.number() >= from.number() && e.number() <= to.number()).toList();
        // change points are searched in the history up to the range's end (the builds before give the old level)
        History upTo = new History(history.entries().stream().filter(e -> e.number() <= to.number()).toList(),
                List.of());
        HistoryReport report = HistoryReport.of(upTo, new HistoryReport.Options(HistoryReport.DEFAULT_METRICS,
                Optional.empty(), EDivisive.Options.defaults(), 0.05));
        List<ChangePoint> changes = report.changePoints().stream()
                .filter(c -> c.build().number() > from.number() && c.build().number() <= to.number()).toList();
        List<ReleaseRow> releases = new ArrayList<>();
        List<NoiseRow> noise = new ArrayList<>();
        for (LabelTrend t : report.labels()) {
            List<LabelTrend.Point> inRange = t.points().stream()
                    .filter(p -> p.build().number() >= from.number() && p.build().number() <= to.number()).toList();
            releases.addAll(releaseRows(t.label(), inRange, report.metrics()));
            for (Metric m : report.metrics()) {
                noise.add(Noise.of(t, inRange, m));
            }
        }
        Map<Long, List<CheckOutcome>> failed = new LinkedHashMap<>();
        for (HistoryEntry e : builds) {
            List<CheckOutcome> f = failures.of(e.number());
            if (!f.isEmpty()) {
                failed.put(e.number(), f);
            }
        }
        List<Note> inRangeNotes = notes.stream()
                .filter(n -> n.build() >= from.number() && n.build() <= to.number()).toList();
        return new Retrospective(fromTag, toTag, builds, releases, changes, failed, noise, inRangeNotes,
                report.metrics());
    }

    /** The newest build carrying the tag. */
    static BuildRef lastTagged(History history, String tag) {
        String t = tag == null ? "" : tag.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a retrospective needs two release tags (from and to)");
        }
        BuildRef found = null;
        for (HistoryEntry e : history.entries()) {
            if (e.build().releaseTag().equals(t)) {
                found = e.build();
            }
        }
        if (found == null) {
            List<String> tags = history.entries().stream().map(e -> e.build().releaseTag())
                    .filter(s -> !s.isEmpty()).distinct().toList();
            throw new IllegalArgumentException("no build of the history is tagged '" + t + "'"
                    + (tags.isEmpty() ? " (no build has a release tag)" : "; tags: " + String.join(", ", tags)));
        }
        return found;
    }

    /** The last build of each tag in the range, in build order, with the change from the release before. */
    private static List<ReleaseRow> releaseRows(String label, List<LabelTrend.Point> points, List<Metric> metrics) {
        Map<String, LabelTrend.Point> lastOfTag = new LinkedHashMap<>();
        for (LabelTrend.Point p : points) {
            if (!p.build().releaseTag().isEmpty()) {
                lastOfTag.remove(p.build().releaseTag());
                lastOfTag.put(p.build().releaseTag(), p);
            }
        }
        List<ReleaseRow> rows = new ArrayList<>();
        LabelTrend.Point previous = null;
        for (LabelTrend.Point p : lastOfTag.values()) {
            Map<Metric, Double> values = new LinkedHashMap<>();
            Map<Metric, Double> change = new LinkedHashMap<>();
            for (Metric m : metrics) {
                double v = p.get(m);
                if (!Double.isNaN(v)) {
                    values.put(m, v);
                }
                if (previous != null && !Double.isNaN(v) && !Double.isNaN(previous.get(m))
                        && previous.get(m) != 0) {
                    change.put(m, (v - previous.get(m)) / Math.abs(previous.get(m)));
                }
            }
            rows.add(new ReleaseRow(label, p.build(), values, change));
            previous = p;
        }
        return rows;
    }

    /** Every note about one change point. */
    public List<Note> notesAbout(ChangePoint c) {
        return notes.stream().filter(n -> n.about(c)).toList();
    }

    /** The notes about a build that are not about one of its change points. */
    public List<Note> buildNotes() {
        return notes.stream().filter(n -> changePoints.stream().noneMatch(n::about)).toList();
    }
}
