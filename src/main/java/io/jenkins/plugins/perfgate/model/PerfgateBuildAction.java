package io.jenkins.plugins.perfgate.model;

import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Api;
import hudson.model.DirectoryBrowserSupport;
import hudson.model.Run;
import io.jenkins.plugins.perfgate.charts.Charts;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.history.ResultId;
import jakarta.servlet.ServletException;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The performance result of one build: verdict, key figures per label, the baseline it was compared with and the
 * criteria lines. Persisted in build.xml, so it holds only small plain values: with more than
 * {@value RecordedLabels#BUSIEST} labels only the labels {@link RecordedLabels} keeps, every label's key figures (and
 * the baseline's) then sit in {@code perfgate/label-figures.json} and are read from there when asked for. The full
 * run summary (histograms, over-time series) sits beside it in the build directory ({@code perfgate/summary.json})
 * and the HTML report in {@code perfgate/report/}. A build may hold several, one per result id: the result without id uses
 * {@code perfgate} (folder and URL), the result with id {@code api} uses {@code perfgate-api}.
 */
public final class PerfgateBuildAction implements RunAction2, SimpleBuildStep.LastBuildAction {

    private static final Logger LOGGER = Logger.getLogger(PerfgateBuildAction.class.getName());

    private transient Run<?, ?> run;

    private final String verdict;
    private final String status;
    private final String statusReason;
    private final String title;
    private final long samples;
    private final LabelFigures overall;
    private final List<LabelFigures> labels;
    private final String baselineDescription;
    private final int baselineBuild;
    private final LabelFigures baselineOverall;
    private final List<LabelFigures> baselineLabels;
    private final List<GateLine> criteria;
    private final List<String> notes;
    private final boolean report;
    private final String workspaceSummary;
    private final String criteriaText;
    private final String baselinePolicy;
    /** Null in builds recorded before results had ids: the result without id. */
    private final String id;
    /**
     * Number of labels of the run when {@link #labels} holds only some of them (the others are in
     * {@link LabelFiguresFile}); 0 when it holds them all, as in every record written before it existed.
     */
    private final int labelCount;
    /** {@link #baselineLabels} by label, made when first asked for. */
    private transient volatile Map<String, LabelFigures> baselineIndex;

    public PerfgateBuildAction(String id, String verdict, String status, String statusReason, String title, long samples,
            LabelFigures overall, List<LabelFigures> labels, String baselineDescription, int baselineBuild,
            LabelFigures baselineOverall, List<LabelFigures> baselineLabels, List<GateLine> criteria, List<String> notes,
            boolean report, String workspaceSummary, String criteriaText, String baselinePolicy) {
        this(id, verdict, status, statusReason, title, samples, overall, labels, baselineDescription, baselineBuild,
                baselineOverall, baselineLabels, criteria, notes, report, workspaceSummary, criteriaText,
                baselinePolicy, 0);
    }

    private PerfgateBuildAction(String id, String verdict, String status, String statusReason, String title,
            long samples, LabelFigures overall, List<LabelFigures> labels, String baselineDescription,
            int baselineBuild, LabelFigures baselineOverall, List<LabelFigures> baselineLabels, List<GateLine> criteria,
            List<String> notes, boolean report, String workspaceSummary, String criteriaText, String baselinePolicy,
            int labelCount) {
        this.labelCount = labelCount;
        this.id = ResultId.checked(id);
        this.verdict = verdict;
        this.status = status;
        this.statusReason = statusReason;
        this.title = title;
        this.samples = samples;
        this.overall = kept(overall);
        this.labels = labels.stream().map(PerfgateBuildAction::kept).collect(Collectors.toCollection(ArrayList::new));
        this.baselineDescription = baselineDescription;
        this.baselineBuild = baselineBuild;
        this.baselineOverall = kept(baselineOverall);
        this.baselineLabels = baselineLabels.stream().map(PerfgateBuildAction::kept)
                .collect(Collectors.toCollection(ArrayList::new));
        this.criteria = new ArrayList<>(criteria);
        this.notes = new ArrayList<>(notes);
        this.report = report;
        this.workspaceSummary = workspaceSummary;
        this.criteriaText = criteriaText;
        this.baselinePolicy = baselinePolicy;
    }

    /**
     * A build record is checked like a form: its id names folders under the build's and the job's directory (the
     * history index that deleting the build changes), so an edited build.xml with an id such as
     * {@code x/../../B/perfgate} fails here, and Jenkins loads the build without this action (and logs why).
     */
    protected Object readResolve() {
        ResultId.checked(id);
        return this;
    }

    /**
     * This result as recorded with the build whose perfgate folder is {@code dir}: with more than
     * {@value RecordedLabels#BUSIEST} labels, every label's key figures and the baseline's are written to
     * {@link LabelFiguresFile} there and the action returned keeps only the labels {@link RecordedLabels} chooses, so
     * that build.xml stays small; with fewer, this action itself.
     */
    public PerfgateBuildAction recordedIn(File dir) throws IOException {
        if (RecordedLabels.allKept(labels.size())) {
            return this;
        }
        LabelFiguresFile.write(new File(dir, LabelFiguresFile.NAME), labels, baselineLabels);
        Set<String> kept = RecordedLabels.kept(labels, criteria);
        return new PerfgateBuildAction(id, verdict, status, statusReason, title, samples, overall,
                RecordedLabels.only(labels, kept), baselineDescription, baselineBuild, baselineOverall,
                RecordedLabels.only(baselineLabels, kept), criteria, notes, report, workspaceSummary, criteriaText,
                baselinePolicy, labels.size());
    }

    /** Only the key figures go into build.xml, so that build records stay small. */
    private static LabelFigures kept(LabelFigures f) {
        return f == null ? null : f.keyFiguresOnly();
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
        return ResultId.folder(getId());
    }

    /** The result's id; empty for the build's result without id. */
    public String getId() {
        return id == null ? "" : id;
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return run == null ? List.of() : List.of(new PerfgateProjectAction(run.getParent(), getId()));
    }

    /** Jenkins' REST API of this result: {@code .../perfgate[-ID]/api/json} ({@link ResultExport}). */
    public Api getApi() {
        return new Api(new ResultExport(this));
    }

    /** The pin / accept / unpin buttons of this build ({@code .../perfgate/marks/}). */
    public BaselineControl getMarks() {
        return run == null ? null : new BaselineControl(run, getId());
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

    public LabelFigures getOverall() {
        return overall;
    }

    /**
     * Every label's key figures, in the run's order: from the build record, or, when it keeps only some, from the
     * build's {@link LabelFiguresFile} (the labels recorded when that cannot be read: logged).
     */
    public List<LabelFigures> getLabels() {
        if (!isLabelsTrimmed()) {
            return labels;
        }
        return stored().map(LabelFiguresFile.Stored::labels).orElse(labels);
    }

    /** Whether the build record keeps only some labels' figures (a run with many labels). */
    boolean isLabelsTrimmed() {
        return labelCount > labels.size();
    }

    /** Number of labels of the run. */
    public int getLabelCount() {
        return Math.max(labelCount, labels.size());
    }

    /** Rows of the build page's table unless all are asked for ({@code ?labels=all}): the busiest. */
    static final int TABLE_ROWS = 200;

    /** Rows of the build page's table unless all are asked for. */
    public int getTableRows() {
        return TABLE_ROWS;
    }

    /**
     * The build page's table rows: in label order up to 50 labels, busiest first above (as the HTML report); of
     * those, the labels holding every word of {@code filter} (any case; all when blank), and only the
     * {@value #TABLE_ROWS} busiest unless {@code all}, so that a page of thousands of labels stays light (the REST
     * API and the HTML report have them all).
     */
    public List<LabelFigures> tableLabels(boolean all, String filter) {
        List<LabelFigures> labels = getLabels();
        String[] words = filter == null ? new String[0] : filter.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<LabelFigures> rows = labels.stream().filter(f -> RecordedLabels.holdsAll(f.label(), words)).toList();
        if (labels.size() <= 50) {
            return rows;
        }
        List<LabelFigures> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparingLong(LabelFigures::count).reversed()
                .thenComparing(LabelFigures::label));
        return all || sorted.size() <= TABLE_ROWS ? sorted : sorted.subList(0, TABLE_ROWS);
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

    public LabelFigures getBaselineOverall() {
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
    public LabelFigures baselineOf(String label) {
        if (label == null) {
            return baselineOverall;
        }
        if (isLabelsTrimmed()) {
            Optional<LabelFiguresFile.Stored> s = stored();
            if (s.isPresent()) {
                return s.get().baseline().get(label);
            }
        }
        Map<String, LabelFigures> index = baselineIndex;
        if (index == null) { // one lookup per table row: a map, not a scan of thousands of labels
            index = RecordedLabels.byLabel(baselineLabels);
            baselineIndex = index;
        }
        return index.get(label);
    }

    /**
     * The change of a figure against the baseline, for display: {@code +12.3 %}, {@code -4.0 %}, or empty when there is
     * no baseline value to compare with.
     */
    public String delta(LabelFigures current, String metric) {
        return BaselineChange.text(current, baselineFor(current), metric);
    }

    /**
     * Whether a change is for the worse, in the metric's own direction ({@link Metric#worse}); a change the page shows
     * as {@code 0.0 %} is none.
     */
    public boolean worse(LabelFigures current, String metric) {
        return BaselineChange.worse(current, baselineFor(current), metric);
    }

    private LabelFigures baselineFor(LabelFigures current) {
        return current == overall ? baselineOverall : baselineOf(current.getLabel());
    }

    /** The Pipeline step's result: verdict, figures per label, summary path ({@link StepResult}). */
    public Map<String, Object> toResultMap() {
        return StepResult.of(this);
    }

    /** Folder of this build's perfgate files. */
    File dir() {
        return new File(run.getRootDir(), ResultId.folder(getId()));
    }

    /** The full run summary kept with the build, when readable (parsed once while it does not change). */
    Optional<RunSummary> summary() {
        File f = new File(dir(), "summary.json");
        if (!f.isFile()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SummaryCache.get().read(f));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot read " + f, e);
            return Optional.empty();
        }
    }

    /** Every label's figures written beside a record that keeps only some, when readable (parsed once). */
    private Optional<LabelFiguresFile.Stored> stored() {
        return run == null ? Optional.empty() : SummaryCache.get().figuresIn(dir());
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

    /** The run summary JSON of this build (for tools): the report's data, so the report's permission. */
    public void doSummaryJson(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        run.checkPermission(Run.ARTIFACTS);
        File f = new File(dir(), "summary.json");
        if (!f.isFile()) {
            rsp.sendError(404);
            return;
        }
        rsp.serveFile(req, f.toURI().toURL());
    }
}
