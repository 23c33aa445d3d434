package io.jenkins.plugins.perfgate;

import hudson.FilePath;
import hudson.model.Action;
import hudson.model.DirectoryBrowserSupport;
import hudson.model.Run;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import jakarta.servlet.ServletException;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The performance result of one build: verdict, key figures per label, the baseline it was compared with and the
 * criteria lines. Persisted in build.xml, so it holds only small plain values; the full run summary (histograms,
 * over-time series) sits beside it in the build directory ({@code perfgate/summary.json}) and the HTML report in
 * {@code perfgate/report/}. A build may hold several, one per result id: the result without id uses
 * {@code perfgate} (folder and URL), the result with id {@code api} uses {@code perfgate-api}.
 */
public final class PerfgateBuildAction implements RunAction2, SimpleBuildStep.LastBuildAction {

    private static final Logger LOGGER = Logger.getLogger(PerfgateBuildAction.class.getName());

    /** Folder of a build's perfgate files, under the build directory (for the result without id). */
    static final String BUILD_DIR = "perfgate";

    /**
     * Folder (under the build's and the job's directory) and URL segment of a result: {@code perfgate} for the
     * result without id, as always, {@code perfgate-ID} for each other (ids are checked to be folder- and URL-safe).
     */
    static String folder(String id) {
        return id == null || id.isEmpty() ? BUILD_DIR : BUILD_DIR + "-" + id;
    }

    private transient Run<?, ?> run;

    private final String verdict;
    private final String status;
    private final String statusReason;
    private final String title;
    private final long samples;
    private final KeyFigures overall;
    private final List<KeyFigures> labels;
    private final String baselineDescription;
    private final int baselineBuild;
    private final KeyFigures baselineOverall;
    private final List<KeyFigures> baselineLabels;
    private final List<GateLine> criteria;
    private final List<String> notes;
    private final boolean report;
    private final String workspaceSummary;
    private final String criteriaText;
    private final String baselinePolicy;
    /** Null in builds recorded before results had ids: the result without id. */
    private final String id;

    PerfgateBuildAction(String id, String verdict, String status, String statusReason, String title, long samples,
            KeyFigures overall, List<KeyFigures> labels, String baselineDescription, int baselineBuild,
            KeyFigures baselineOverall, List<KeyFigures> baselineLabels, List<GateLine> criteria, List<String> notes,
            boolean report, String workspaceSummary, String criteriaText, String baselinePolicy) {
        this.id = id == null ? "" : id;
        this.verdict = verdict;
        this.status = status;
        this.statusReason = statusReason;
        this.title = title;
        this.samples = samples;
        this.overall = overall;
        this.labels = new ArrayList<>(labels);
        this.baselineDescription = baselineDescription;
        this.baselineBuild = baselineBuild;
        this.baselineOverall = baselineOverall;
        this.baselineLabels = new ArrayList<>(baselineLabels);
        this.criteria = new ArrayList<>(criteria);
        this.notes = new ArrayList<>(notes);
        this.report = report;
        this.workspaceSummary = workspaceSummary;
        this.criteriaText = criteriaText;
        this.baselinePolicy = baselinePolicy;
    }

    /** The criteria this build was gated with, as written. */
    public String getCriteriaText() {
        return criteriaText == null ? "" : criteriaText;
    }

    /** The baseline policy this build was compared by, as written (empty: the engine's default). */
    public String getBaselinePolicy() {
        return baselinePolicy == null ? "" : baselinePolicy;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return getHeading() + " (" + verdict + ")";
    }

    /** "Performance", or "Performance: api" for a result with an id. */
    public String getHeading() {
        return getId().isEmpty() ? "Performance" : "Performance: " + getId();
    }

    @Override
    public String getUrlName() {
        return folder(getId());
    }

    /** The result's id; empty for the build's result without id. */
    public String getId() {
        return id == null ? "" : id;
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return run == null ? List.of() : List.of(new PerfgateProjectAction(run.getParent(), getId()));
    }

    /** PASS, UNSTABLE, FAIL or NONE (no criteria). */
    public String getVerdict() {
        return verdict;
    }

    /** CSS class of the verdict badge. */
    public String getVerdictClass() {
        return "perfgate-verdict-" + verdict.toLowerCase(Locale.ROOT);
    }

    public String getStatus() {
        return status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public String getTitle() {
        return title;
    }

    public long getSamples() {
        return samples;
    }

    public KeyFigures getOverall() {
        return overall;
    }

    public List<KeyFigures> getLabels() {
        return labels;
    }

    public String getBaselineDescription() {
        return baselineDescription;
    }

    /** The comparison line for pages: which baseline, or why there was none. */
    public String getComparedWith() {
        String d = baselineDescription == null ? "" : baselineDescription;
        return d.startsWith("none") ? "No baseline yet (" + d.replaceFirst("^none:?\\s*", "") + ")"
                : "Compared with " + d;
    }

    /**
     * Number of the build this one was compared with: the baseline build, or for a baseline of several builds (a
     * median) the newest of them; 0 when there was none, the baseline was the plan's interleaved baseline target,
     * or the build was recorded before perfgate kept this number.
     */
    public int getBaselineBuild() {
        return baselineBuild;
    }

    /** The baseline build when it still exists in this job (null otherwise), for a link on the build page. */
    public Run<?, ?> getBaselineRun() {
        return run == null || baselineBuild <= 0 ? null : run.getParent().getBuildByNumber(baselineBuild);
    }

    public boolean isHasBaseline() {
        return baselineOverall != null;
    }

    public KeyFigures getBaselineOverall() {
        return baselineOverall;
    }

    public List<GateLine> getCriteria() {
        return criteria;
    }

    public List<String> getNotes() {
        return notes;
    }

    public boolean isHasReport() {
        return report;
    }

    public String getWorkspaceSummary() {
        return workspaceSummary;
    }

    /** The baseline figures of a label (the overall row for {@code null}). */
    public KeyFigures baselineOf(String label) {
        if (label == null) {
            return baselineOverall;
        }
        return baselineLabels.stream().filter(f -> f.getLabel().equals(label)).findFirst().orElse(null);
    }

    /**
     * The change of a figure against the baseline, for display: {@code +12.3 %}, {@code -4.0 %}, or empty when there is
     * no baseline value to compare with.
     */
    public String delta(KeyFigures current, String metric) {
        KeyFigures base = current == overall ? baselineOverall : baselineOf(current.getLabel());
        if (base == null) {
            return "";
        }
        double now = current.value(metric);
        double was = base.value(metric);
        if (Double.isNaN(now) || Double.isNaN(was) || was == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%+.1f %%", (now - was) / was * 100);
    }

    /** Whether a change is for the worse ({@code rps} and {@code apdex} are better when higher). */
    public boolean worse(KeyFigures current, String metric) {
        String d = delta(current, metric);
        if (d.isEmpty()) {
            return false;
        }
        boolean up = d.startsWith("+") && !d.startsWith("+0.0");
        boolean down = d.startsWith("-") && !d.startsWith("-0.0");
        return "rps".equals(metric) || "apdex".equals(metric) ? down : up;
    }

    /** The Pipeline step's result: verdict, figures per label, summary path. */
    Map<String, Object> toResultMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", getId());
        m.put("verdict", verdict);
        m.put("status", status);
        m.put("statusReason", statusReason);
        m.put("samples", samples);
        m.put("overall", overall == null ? Map.of() : overall.toMap());
        Map<String, Object> perLabel = new LinkedHashMap<>();
        for (KeyFigures f : labels) {
            perLabel.put(f.getLabel(), f.toMap());
        }
        m.put("labels", perLabel);
        m.put("baseline", baselineDescription);
        List<Object> lines = new ArrayList<>();
        for (GateLine g : criteria) {
            lines.add(g.toMap());
        }
        m.put("criteria", lines);
        m.put("summary", workspaceSummary);
        if (run != null) {
            m.put("reportUrl", run.getUrl() + getUrlName() + "/");
        }
        return m;
    }

    /** Folder of this build's perfgate files. */
    File dir() {
        return new File(run.getRootDir(), folder(getId()));
    }

    /** The full run summary kept with the build, when readable. */
    Optional<RunSummary> summary() {
        File f = new File(dir(), "summary.json");
        if (!f.isFile()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SummaryJson.read(f.toPath()));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot read " + f, e);
            return Optional.empty();
        }
    }

    /** Over-time chart of this run as PNG: {@code chart?kind=throughput|errors|p95}. */
    public void doChart(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        String kind = Optional.ofNullable(req.getParameter("kind")).orElse("throughput");
        Optional<RunSummary> s = summary();
        if (s.isEmpty()) {
            rsp.sendError(404, "no run summary stored for this build");
            return;
        }
        byte[] png = Charts.overTimePng(s.get(), kind, 720, 260);
        rsp.setContentType("image/png");
        rsp.setHeader("Cache-Control", "max-age=3600");
        rsp.getOutputStream().write(png);
    }

    /** The archived HTML report, served with Jenkins' Content-Security-Policy for user content. */
    public DirectoryBrowserSupport doReport() {
        run.checkPermission(Run.ARTIFACTS);
        return new DirectoryBrowserSupport(this, new FilePath(new File(dir(), "report")),
                "perfgate report", "symbol-analytics", false);
    }

    /** The run summary JSON of this build (for tools). */
    public void doSummaryJson(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        File f = new File(dir(), "summary.json");
        if (!f.isFile()) {
            rsp.sendError(404);
            return;
        }
        rsp.serveFile(req, f.toURI().toURL());
    }
}
