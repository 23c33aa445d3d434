package io.jenkins.plugins.perfgate;

import hudson.Util;
import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * What every perfgate entry point (steps, builder, recorder) shares: how results are gated and published. A plain
 * mutable bean owned by one step or build-step instance; the entry points expose its fields as
 * {@code @DataBoundSetter}s so Pipeline, the Snippet Generator and the freestyle forms all set them the same way.
 */
public class PublishSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where result files, the summary and the plan go in the workspace, unless set. */
    static final String DEFAULT_OUTPUT_DIR = "perfgate-results";
    /** Largest Apdex T accepted, ms. */
    static final int MAX_APDEX_T = 600_000;
    /** What an id may be: it names a folder and a URL segment ({@code perfgate-ID}), so nothing else. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    /**
     * Which result of the build this is: empty (the default) for the build's one result, with the layout and URLs
     * perfgate always had; an id for one of several results in a build, each with its own pages and history.
     */
    String id = "";

    String criteria = "";
    String baseline = "";
    int apdexT = 0;
    /** Null (older or hand-written configuration) means the default, true. */
    Boolean html = Boolean.TRUE;
    /** Export key figures to the global configuration's metric endpoints. */
    boolean metrics = false;
    boolean archiveResults = false;
    boolean returnOnly = false;
    String releaseTag = "";
    String outputDir = DEFAULT_OUTPUT_DIR;

    boolean html() {
        return html == null || html;
    }

    void setHtml(boolean v) {
        html = v;
    }

    /**
     * Fields missing from a stored configuration (older versions, hand-written XML, Configuration as Code) come
     * back as null from XStream: give them their defaults.
     */
    protected Object readResolve() {
        id = id == null ? "" : id;
        criteria = criteria == null ? "" : criteria;
        baseline = baseline == null ? "" : baseline;
        releaseTag = releaseTag == null ? "" : releaseTag;
        outputDir = outputDir == null || outputDir.isBlank() ? DEFAULT_OUTPUT_DIR : outputDir;
        return this;
    }

    void setMetrics(boolean v) {
        metrics = v;
    }

    void setArchiveResults(boolean v) {
        archiveResults = v;
    }

    void setReturnOnly(boolean v) {
        returnOnly = v;
    }

    void setId(String v) {
        id = checkedId(v);
    }

    /** The id trimmed, or a clear error naming the field: lower-case letters, digits, '_' and '-', at most 40. */
    static String checkedId(String v) {
        String d = Util.fixNull(v).trim();
        if (!d.isEmpty() && !ID.matcher(d).matches()) {
            throw new IllegalArgumentException("id must be 1 to 40 lower-case letters, digits, '_' or '-', starting "
                    + "with a letter or digit (e.g. 'api'), was '" + v + "'");
        }
        return d;
    }

    void setCriteria(String v) {
        criteria = Util.fixNull(v).trim();
    }

    void setBaseline(String v) {
        baseline = Util.fixNull(v).trim();
    }

    void setApdexT(int v) {
        if (v < 0 || v > MAX_APDEX_T) {
            throw new IllegalArgumentException("apdexT must be between 0 (default 500 ms) and " + MAX_APDEX_T
                    + " ms, was " + v);
        }
        apdexT = v;
    }

    void setReleaseTag(String v) {
        releaseTag = Util.fixNull(v).trim();
    }

    void setOutputDir(String v) {
        outputDir = checkedOutputDir(v);
    }

    /**
     * The output folder with the build's variables expanded, checked again (a variable may expand to anything).
     * The configured value is left as it is: it is the job's configuration, not this build's.
     */
    String outputDir(hudson.EnvVars env) {
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
    String effectiveCriteria(RunPlans.PlanGate plan) {
        return !criteria.isEmpty() ? criteria
                : !plan.criteria().isEmpty() ? plan.criteria() : PerfgateConfiguration.get().getDefaultCriteria();
    }

    /** The baseline policy: the step's, else the run plan's, else the global default, else the engine's default. */
    String effectiveBaseline(RunPlans.PlanGate plan) {
        return !baseline.isEmpty() ? baseline
                : !plan.baseline().isEmpty() ? plan.baseline() : PerfgateConfiguration.get().getDefaultBaseline();
    }
}
