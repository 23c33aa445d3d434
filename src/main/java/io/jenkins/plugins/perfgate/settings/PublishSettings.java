package io.jenkins.plugins.perfgate.settings;

import hudson.Util;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.history.ResultId;
import java.io.Serializable;

/**
 * What every perfgate entry point (steps, builder, recorder) shares: how results are gated and published. A plain
 * mutable bean owned by one step or build-step instance; the entry points expose its fields as
 * {@code @DataBoundSetter}s so Pipeline, the Snippet Generator and the freestyle forms all set them the same way.
 */
public class PublishSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where result files, the summary and the plan go in the workspace, unless set. */
    public static final String DEFAULT_OUTPUT_DIR = "perfgate-results";
    /** Largest Apdex T accepted, ms. */
    public static final int MAX_APDEX_T = 600_000;

    /**
     * Which result of the build this is: empty (the default) for the build's one result, with the layout and URLs
     * perfgate always had; an id for one of several results in a build, each with its own pages and history.
     */
    private String id = "";

    private String criteria = "";
    private String baseline = "";
    private int apdexT = 0;
    /** Null (older or hand-written configuration) means the default, true. */
    private Boolean html = Boolean.TRUE;
    /** Export key figures to the global configuration's metric endpoints. */
    private boolean metrics = false;
    private boolean archiveResults = false;
    private boolean returnOnly = false;
    private String releaseTag = "";
    private String outputDir = DEFAULT_OUTPUT_DIR;
    /** Count labels that differ only by their query string as one ({@code --group-query-strings}). */
    private boolean groupQueryStrings = false;
    /** Count labels that differ only by ids in their path as one ({@code --group-path-ids}). */
    private boolean groupPathIds = false;

    public boolean html() {
        return html == null || html;
    }

    public void setHtml(boolean v) {
        html = v;
    }

    /**
     * Fields missing from a stored configuration (older versions, hand-written XML, Configuration as Code) come
     * back as null from XStream: give them their defaults.
     */
    protected Object readResolve() {
        id = ResultId.checked(id);  // a stored configuration is checked like a form
        criteria = criteria == null ? "" : criteria;
        baseline = baseline == null ? "" : baseline;
        releaseTag = releaseTag == null ? "" : releaseTag;
        outputDir = outputDir == null || outputDir.isBlank() ? DEFAULT_OUTPUT_DIR : outputDir;
        return this;
    }

    public void setMetrics(boolean v) {
        metrics = v;
    }

    public void setArchiveResults(boolean v) {
        archiveResults = v;
    }

    public void setReturnOnly(boolean v) {
        returnOnly = v;
    }

    public void setId(String v) {
        id = ResultId.checked(v);
    }

    public void setCriteria(String v) {
        criteria = Util.fixNull(v).trim();
    }

    public void setBaseline(String v) {
        baseline = Util.fixNull(v).trim();
    }

    public void setApdexT(int v) {
        if (v < 0 || v > MAX_APDEX_T) {
            throw new IllegalArgumentException("apdexT must be between 0 (default 500 ms) and " + MAX_APDEX_T
                    + " ms, was " + v);
        }
        apdexT = v;
    }

    public void setGroupQueryStrings(boolean v) {
        groupQueryStrings = v;
    }

    public void setGroupPathIds(boolean v) {
        groupPathIds = v;
    }

    public boolean getGroupQueryStrings() {
        return groupQueryStrings;
    }

    public boolean getGroupPathIds() {
        return groupPathIds;
    }

    /** The label grouping as options of the command line's {@code report} and {@code run}. */
    public java.util.List<String> groupingArguments() {
        java.util.List<String> args = new java.util.ArrayList<>();
        if (groupQueryStrings) {
            args.add("--group-query-strings");
        }
        if (groupPathIds) {
            args.add("--group-path-ids");
        }
        return args;
    }

    public void setReleaseTag(String v) {
        releaseTag = Util.fixNull(v).trim();
    }

    public void setOutputDir(String v) {
        outputDir = checkedOutputDir(v);
    }

    /**
     * The output folder with the build's variables expanded, checked again (a variable may expand to anything).
     * The configured value is left as it is: it is the job's configuration, not this build's.
     */
    public String outputDir(hudson.EnvVars env) {
        return checkedOutputDir(env.expand(outputDir));
    }

    private static String checkedOutputDir(String v) {
        String d = Util.fixEmptyAndTrim(v);
        if (d != null && (d.startsWith("/") || d.contains("..") || d.contains("\\") || d.contains(":")
                || d.replace("/", "").replace(".", "").isEmpty())) {
            // the folder is emptied before each test run: never the workspace itself or anything outside it
            throw new IllegalArgumentException("outputDir must be a folder inside the workspace: " + v);
        }
        return d == null ? DEFAULT_OUTPUT_DIR : d;
    }

    /** The criteria to apply: the step's, else the run plan's, else the global default. */
    public String effectiveCriteria(String planCriteria) {
        return !criteria.isEmpty() ? criteria
                : !planCriteria.isEmpty() ? planCriteria : PerfgateConfiguration.get().getDefaultCriteria();
    }

    /** The baseline policy: the step's, else the run plan's, else the global default, else the engine's default. */
    public String effectiveBaseline(String planBaseline) {
        return !baseline.isEmpty() ? baseline
                : !planBaseline.isEmpty() ? planBaseline : PerfgateConfiguration.get().getDefaultBaseline();
    }

    public String getId() {
        return id;
    }

    public String getCriteria() {
        return criteria;
    }

    public String getBaseline() {
        return baseline;
    }

    public int getApdexT() {
        return apdexT;
    }

    public boolean getMetrics() {
        return metrics;
    }

    public boolean getArchiveResults() {
        return archiveResults;
    }

    public boolean getReturnOnly() {
        return returnOnly;
    }

    public String getReleaseTag() {
        return releaseTag;
    }

    public String getOutputDir() {
        return outputDir;
    }
}
