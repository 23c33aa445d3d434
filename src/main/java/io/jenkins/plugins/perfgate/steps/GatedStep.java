package io.jenkins.plugins.perfgate.steps;

import io.jenkins.plugins.perfgate.settings.PublishSettings;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The gate and publication parameters both Pipeline steps share ({@code performanceTest}, {@code perfgatePublish}),
 * declared once. Pipeline, the Snippet Generator and Declarative read {@code @DataBoundSetter}s through the class
 * and its superclasses only (never interfaces), so this base holds them; each setter hands its value to
 * {@link PublishSettings}, which checks and keeps it. The freestyle Builder and Recorder extend Jenkins' own roots
 * ({@code Builder}, {@code Recorder}) and cannot share this base: they delegate to the same settings class.
 */
public abstract class GatedStep<S extends PublishSettings> extends Step {

    /** The gate parameters, as Pipeline scripts name them. */
    static final List<String> GATE_FIELDS = List.of("id", "criteria", "baseline", "apdexT", "groupPathIds",
            "groupQueryStrings", "html", "metrics", "archiveResults", "returnOnly", "releaseTag", "outputDir");

    final S settings;

    GatedStep(S settings) {
        this.settings = settings;
    }

    public String getId() {
        return settings.getId();
    }

    @DataBoundSetter
    public void setId(String v) {
        settings.setId(v);
    }

    public String getCriteria() {
        return settings.getCriteria();
    }

    @DataBoundSetter
    public void setCriteria(String v) {
        settings.setCriteria(v);
    }

    public String getBaseline() {
        return settings.getBaseline();
    }

    @DataBoundSetter
    public void setBaseline(String v) {
        settings.setBaseline(v);
    }

    public int getApdexT() {
        return settings.getApdexT();
    }

    @DataBoundSetter
    public void setApdexT(int v) {
        settings.setApdexT(v);
    }

    public boolean isGroupQueryStrings() {
        return settings.getGroupQueryStrings();
    }

    @DataBoundSetter
    public void setGroupQueryStrings(boolean v) {
        settings.setGroupQueryStrings(v);
    }

    public boolean isGroupPathIds() {
        return settings.getGroupPathIds();
    }

    @DataBoundSetter
    public void setGroupPathIds(boolean v) {
        settings.setGroupPathIds(v);
    }

    public boolean isHtml() {
        return settings.html();
    }

    @DataBoundSetter
    public void setHtml(boolean v) {
        settings.setHtml(v);
    }

    public boolean isMetrics() {
        return settings.getMetrics();
    }

    @DataBoundSetter
    public void setMetrics(boolean v) {
        settings.setMetrics(v);
    }

    public boolean isArchiveResults() {
        return settings.getArchiveResults();
    }

    @DataBoundSetter
    public void setArchiveResults(boolean v) {
        settings.setArchiveResults(v);
    }

    public boolean isReturnOnly() {
        return settings.getReturnOnly();
    }

    @DataBoundSetter
    public void setReturnOnly(boolean v) {
        settings.setReturnOnly(v);
    }

    public String getReleaseTag() {
        return settings.getReleaseTag();
    }

    @DataBoundSetter
    public void setReleaseTag(String v) {
        settings.setReleaseTag(v);
    }

    public String getOutputDir() {
        return settings.getOutputDir();
    }

    @DataBoundSetter
    public void setOutputDir(String v) {
        settings.setOutputDir(v);
    }
}
