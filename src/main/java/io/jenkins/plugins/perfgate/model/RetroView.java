package io.jenkins.plugins.perfgate.model;

import hudson.model.Job;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.history.ChangePoint;
import io.jenkins.plugins.perfgate.engine.history.CheckOutcome;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.history.Note;
import io.jenkins.plugins.perfgate.engine.retro.RetroFormat;
import io.jenkins.plugins.perfgate.engine.retro.Retrospective;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the retrospective page shows ({@code RetroView/index.jelly}): the range picker, and for a chosen range the
 * engine's {@link Retrospective} with values already formatted (Jelly escapes every one of them).
 */
public final class RetroView {

    private final Job<?, ?> job;
    private final String urlName;
    private final List<String> tags;
    private final String from;
    private final String to;
    private final Retrospective retro;
    private final boolean canNote;

    RetroView(Job<?, ?> job, String urlName, List<String> tags, String from, String to, Retrospective retro,
            boolean canNote) {
        this.job = job;
        this.urlName = urlName;
        this.tags = List.copyOf(tags);
        this.from = from;
        this.to = to;
        this.retro = retro;
        this.canNote = canNote;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    public String getUrlName() {
        return urlName;
    }

    public List<String> getTags() {
        return tags;
    }

    /** The chosen start tag, else the second newest tag. */
    public String getFrom() {
        return !from.isEmpty() || tags.size() < 2 ? from : tags.get(tags.size() - 2);
    }

    /** The chosen end tag, else the newest tag. */
    public String getTo() {
        return !to.isEmpty() || tags.isEmpty() ? to : tags.get(tags.size() - 1);
    }

    public boolean isHasRetro() {
        return retro != null;
    }

    public boolean isCanNote() {
        return canNote;
    }

    /** The export links' query ({@code ?from=...&to=...}, URL-encoded; Jelly escapes it for the attribute). */
    public String getQuery() {
        return "?from=" + URLEncoder.encode(getFrom(), StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(getTo(), StandardCharsets.UTF_8);
    }

    public List<HistoryEntry> getBuilds() {
        return retro.builds();
    }

    public List<String> getMetrics() {
        return retro.metrics().stream().map(Metric::key).toList();
    }

    /** One formatted release-table row: label, tag, build, then value and change per statistic. */
    public record ReleaseLine(String label, String tag, long build, List<String> cells) {
    }

    public List<ReleaseLine> getReleases() {
        List<ReleaseLine> out = new ArrayList<>();
        for (Retrospective.ReleaseRow r : retro.releases()) {
            List<String> cells = new ArrayList<>();
            for (Metric m : retro.metrics()) {
                double v = r.value(m);
                cells.add(Double.isNaN(v) ? "-" : m.format(v));
                cells.add(RetroFormat.percent(r.relativeChange(m)));
            }
            out.add(new ReleaseLine(r.label(), r.build().releaseTag(), r.build().number(), cells));
        }
        return out;
    }

    /** One formatted change point with its notes. */
    public record ChangeLine(long build, String tag, String commit, String label, String metric, String before,
            String after, String change, boolean regression, List<Note> notes) {
    }

    public List<ChangeLine> getChangePoints() {
        List<ChangeLine> out = new ArrayList<>();
        for (ChangePoint c : retro.changePoints()) {
            out.add(new ChangeLine(c.build().number(), c.build().releaseTag(), c.build().gitCommit(), c.label(),
                    c.metric().key(), c.metric().format(c.before()), c.metric().format(c.after()),
                    RetroFormat.percent(c.relativeShift()), c.regression(), retro.notesAbout(c)));
        }
        return out;
    }

    /** One failed criterion of a build. */
    public record FailedLine(long build, String outcome, String criterion, String label, String detail) {
    }

    public List<FailedLine> getFailed() {
        List<FailedLine> out = new ArrayList<>();
        for (Map.Entry<Long, List<CheckOutcome>> e : retro.failed().entrySet()) {
            for (CheckOutcome c : e.getValue()) {
                out.add(new FailedLine(e.getKey(), c.outcome(), c.criterion(), c.label(), c.detail()));
            }
        }
        return out;
    }

    /** One noise figure. */
    public record NoiseLine(String label, String metric, int builds, String spread) {
    }

    public List<NoiseLine> getNoise() {
        return retro.noise().stream().map(n -> new NoiseLine(n.label(), n.metric().key(), n.builds(),
                RetroFormat.spread(n.relative()))).toList();
    }

    public List<Note> getNotes() {
        return retro.notes();
    }

    /** When a note was written, for people. */
    public String time(Note n) {
        return RetroFormat.time(n.timeMillis());
    }
}
