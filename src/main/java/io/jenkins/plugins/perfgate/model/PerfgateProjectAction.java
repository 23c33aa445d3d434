package io.jenkins.plugins.perfgate.model;

import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.util.Graph;
import io.jenkins.plugins.perfgate.charts.Charts;
import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.engine.history.BaselineMarks;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.history.HistoryReport;
import io.jenkins.plugins.perfgate.engine.history.HistoryReportFormat;
import io.jenkins.plugins.perfgate.history.ChangePointRow;
import io.jenkins.plugins.perfgate.history.ChangePoints;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import io.jenkins.plugins.perfgate.history.ResultId;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jfree.chart.JFreeChart;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The job's performance history: trend graphs on the job page (floatingBox), drawn from the job's history index of
 * key figures (never raw samples, never loading builds), and a history page with the per-build table and the change
 * points the engine finds. One per result id of the job's last successful build: each id has its own trend
 * section on the job page and its own history page ({@code job/NAME/perfgate-ID/}).
 */
public final class PerfgateProjectAction implements Action {

    private static final Logger LOGGER = Logger.getLogger(PerfgateProjectAction.class.getName());
    /** Builds shown in the history page's table. */
    static final int TABLE_ROWS = 50;
    static final int MAX_SIDE = 2000;
    /** Builds whose labels the trend selector offers. */
    static final int RECENT_BUILDS = 20;
    /**
     * Options the job page's selector is sent with (the busiest labels); its filter box asks
     * {@link #doLabelOptions} for the others, so that a job with thousands of labels keeps a light page.
     */
    static final int SELECTOR_OPTIONS = 200;

    private final Job<?, ?> job;
    private final String id;
    /** The audit list last read, with the files' time it was read at. */
    private transient volatile MarksRead marksCache;

    private record MarksRead(long stamp, BaselineMarks marks) {
    }

    /** The selector's options last made, with the history they were made from. */
    private transient volatile OptionsRead optionsCache;

    private record OptionsRead(History history, List<LabelOption> options) {
    }

    PerfgateProjectAction(Job<?, ?> job, String id) {
        this.job = job;
        this.id = id == null ? "" : id;
    }

    /** The result id whose history this is; empty for the results without id. */
    public String getId() {
        return id;
    }

    private JobHistoryStore store() {
        return new JobHistoryStore(job, id);
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return id.isEmpty() ? "Performance history" : "Performance history: " + id;
    }

    /** Title of the job page's trend section. */
    public String getTrendTitle() {
        return id.isEmpty() ? "Performance trend" : "Performance trend: " + id;
    }

    @Override
    public String getUrlName() {
        return ResultId.folder(id);
    }

    /** HTML id of the job page's trend section (one per result id). */
    public String getTrendElementId() {
        return getUrlName() + "-trend";
    }

    /** Query parameter of the job page's label selector, one per result id so that each section keeps its own. */
    public String getLabelParameter() {
        return id.isEmpty() ? "perfgateLabel" : "perfgateLabel-" + id;
    }

    History history() {
        try {
            return store().load();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "perfgate: cannot read the history of " + job.getFullName() + " (" + getUrlName() + ")",
                    e);
            return History.empty();
        }
    }

    public boolean isHasHistory() {
        return !history().entries().isEmpty();
    }

    /**
     * Labels known in the recent history, busiest first: the last build's labels by sample count (with their share
     * of its samples), then the labels only older builds had, by name. The trend selector offers them; with
     * thousands of labels the busiest are on top and the filter box narrows the rest.
     */
    public List<LabelOption> getLabelOptions() {
        History h = history();
        OptionsRead cached = optionsCache;
        if (cached != null && cached.history() == h) { // a page asks several times; the index is parsed once
            return cached.options();
        }
        List<LabelOption> options = List.copyOf(LabelOption.of(h.entries(), RECENT_BUILDS));
        optionsCache = new OptionsRead(h, options);
        return options;
    }

    /**
     * The selector's options as the job page sends them: the {@value #SELECTOR_OPTIONS} first of
     * {@link #getLabelOptions()}, and the chosen label when it is not among them.
     */
    public List<LabelOption> selectorOptions(String selected) {
        List<LabelOption> all = getLabelOptions();
        if (all.size() <= SELECTOR_OPTIONS) {
            return all;
        }
        List<LabelOption> shown = new ArrayList<>(all.subList(0, SELECTOR_OPTIONS));
        all.stream().skip(SELECTOR_OPTIONS).filter(o -> o.name().equals(selected)).forEach(shown::add);
        return shown;
    }

    /** Number of labels the selector offers in all (sent or found by the filter box). */
    public int getLabelOptionCount() {
        return getLabelOptions().size();
    }

    /**
     * {@code labelOptions?q=WORDS}: the selector's options holding every word (any case), busiest first, at most
     * {@value #SELECTOR_OPTIONS}, as JSON {@code {"total": N, "options": [{"name": ..., "caption": ...}]}}: what
     * the job page's filter box shows when the page was sent only the busiest labels. Needs Job/Read, as the page.
     */
    public void doLabelOptions(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        job.checkPermission(Item.READ);
        String q = req.getParameter("q");
        byte[] body = LabelOption.json(LabelOption.matching(getLabelOptions(), q == null ? "" : q,
                SELECTOR_OPTIONS));
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setHeader("Cache-Control", "no-cache");
        rsp.getOutputStream().write(body);
    }

    /** The names of {@link #getLabelOptions()}, in the same order. */
    public List<String> getLabels() {
        return getLabelOptions().stream().map(LabelOption::name).toList();
    }

    /** The label chosen on the job page ({@code ?perfgateLabel=}, {@code ?perfgateLabel-ID=}), empty for all samples. */
    public String selectedLabel(StaplerRequest2 req) {
        String l = req == null ? null : req.getParameter(getLabelParameter());
        return l == null || !getLabels().contains(l) ? "" : l;
    }

    /** URL (relative to the job) of a trend graph; the label is URL-encoded here, HTML-escaped by Jelly. */
    public String trendUrl(String label, String metric) {
        return getUrlName() + "/trend?metric=" + metric + "&label="
                + URLEncoder.encode(label == null ? "" : label, StandardCharsets.UTF_8);
    }

    /** Newest builds first, at most {@link #TABLE_ROWS}. */
    public List<HistoryEntry> getRecent() {
        List<HistoryEntry> all = new ArrayList<>(history().entries());
        Collections.reverse(all);
        return all.subList(0, Math.min(TABLE_ROWS, all.size()));
    }

    public List<String> getWarnings() {
        return history().warnings();
    }

    /**
     * The history as CSV ({@code history.csv}), exactly as {@code perfgate history --csv} writes it: one row per label
     * and build, cells that a spreadsheet would run as a formula quoted.
     */
    public void doHistoryCsv(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        download(rsp, "text/csv", "csv", HistoryReportFormat.csv(report()));
    }

    /** The history and its change points as JSON ({@code historyJson}), as {@code perfgate history --json}. */
    public void doHistoryJson(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        download(rsp, "application/json", "json", HistoryReportFormat.json(report()));
    }

    private HistoryReport report() {
        job.checkPermission(Item.READ);
        return HistoryReport.of(history(), HistoryReport.Options.defaults());
    }

    private void download(StaplerResponse2 rsp, String type, String ext, String body) throws IOException {
        rsp.setContentType(type + ";charset=UTF-8");
        String name = (job.getFullName() + "-" + getUrlName()).replaceAll("[^A-Za-z0-9._-]", "_");
        rsp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "-history." + ext + "\"");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code compare?a=41&b=57}: two builds of this history compared. */
    public ComparePage getCompare() {
        return new ComparePage(job, id, getUrlName());
    }

    /** {@code retro?from=v1.3&to=v1.4}: the retrospective of a release range of this history. */
    public RetroPage getRetro() {
        return new RetroPage(job, id, getUrlName());
    }

    /** The pins and accepts of this history; none when the audit list cannot be read (logged). */
    BaselineMarks marks() {
        try {
            // one page asks per table row: re-read only when the index or the audit list changed
            long stamp = store().lastChanged();
            MarksRead cached = marksCache;
            if (cached != null && cached.stamp() == stamp) {
                return cached.marks();
            }
            BaselineMarks read = store().marks();
            marksCache = new MarksRead(stamp, read);
            return read;
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "perfgate: cannot read the baseline marks of " + job.getFullName(), e);
            return BaselineMarks.NONE;
        }
    }

    /** Every pin, unpin and accept, newest first (the audit list on the history page). */
    public List<BaselineMark> getAudit() {
        List<BaselineMark> all = new ArrayList<>(marks().marks());
        Collections.reverse(all);
        return all;
    }

    /** A mark's time for the audit list (UTC, ISO-8601 to the minute). */
    public String time(BaselineMark m) {
        return java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME
                .format(java.time.LocalDateTime.ofEpochSecond(m.timeMillis() / 1000 / 60 * 60, 0,
                        java.time.ZoneOffset.UTC)) + " UTC";
    }

    /** "pinned" / "accepted" when a mark in force is on this build, for the history table; else empty. */
    public String markOf(HistoryEntry e) {
        BaselineMarks m = marks();
        List<String> out = new ArrayList<>();
        if (m.pinned().isPresent() && m.pinned().getAsLong() == e.number()) {
            out.add("pinned");
        }
        if (m.accepted().isPresent() && m.accepted().getAsLong() == e.number()) {
            out.add("accepted");
        }
        return String.join(", ", out);
    }

    /** Change points per label and statistic across the history, newest first. */
    public List<ChangePointRow> getChangePoints() {
        History h = history();
        return ChangePoints.get().rows(h, cacheKey(store().indexFile().lastModified()));
    }

    /** Formats a history figure for the table. */
    public String figure(HistoryEntry e, String metric) {
        return Charts.format(e, metric);
    }

    /** Trend graph PNG: {@code trend?metric=latency|throughput|errors&label=NAME&width=&height=}. */
    public void doTrend(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        job.checkPermission(Item.READ);
        String metric = req.getParameter("metric") == null ? "latency" : req.getParameter("metric");
        String label = req.getParameter("label") == null ? "" : req.getParameter("label");
        int w = clamp(req.getParameter("width"), 500);
        int h = clamp(req.getParameter("height"), 250);
        History history = history();
        PerfgateBuildAction last = lastAction();
        String policy = last == null ? "" : last.getBaselinePolicy();
        String criteria = last == null ? "" : last.getCriteriaText();
        long stamp = store().lastChanged();
        BaselineMarks marks = marks();
        new Graph(stamp, w, h) {
            @Override
            protected JFreeChart createGraph() {
                return Charts.trend(history, marks, label, metric, policy, criteria,
                        cacheKey(store().indexFile().lastModified()));
            }
        }.doPng(req, rsp);
    }

    /** The newest build's perfgate action of this id (its criteria and policy draw the trend's lines). */
    PerfgateBuildAction lastAction() {
        hudson.model.Run<?, ?> r = job.getLastCompletedBuild();
        for (int i = 0; r != null && i < 20; i++, r = r.getPreviousCompletedBuild()) {
            for (PerfgateBuildAction a : r.getActions(PerfgateBuildAction.class)) {
                if (a.getId().equals(id)) {
                    return a;
                }
            }
        }
        return null;
    }

    private String cacheKey(long stamp) {
        return job.getFullName() + "/" + getUrlName() + "@" + stamp;
    }

    private static int clamp(String v, int dflt) {
        try {
            int n = v == null ? dflt : Integer.parseInt(v);
            return Math.max(100, Math.min(MAX_SIDE, n));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
