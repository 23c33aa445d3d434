package io.jenkins.plugins.perfgate.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.publication.Publication;
import io.jenkins.plugins.perfgate.settings.PublishSettings;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle post-build action "Publish performance report and gate": summarises JMeter result files of the build,
 * publishes the report, compares with earlier builds and sets the build result per the verdict. Its parameters are
 * those of {@code perfgatePublish} (see {@link GatedStep} for why the accessors are repeated here as one-line
 * hand-overs to the same {@link PublishSettings}).
 */
public class PerfgateRecorder extends Recorder implements SimpleBuildStep {

    /** Fields whose help is the recorder's own (published files, exported from the controller). */
    static final List<String> OWN_HELP = List.of("files", "metrics");
    /** Gate fields described as for the builder. */
    static final List<String> SHARED_HELP = GatedStep.GATE_FIELDS.stream().filter(f -> !OWN_HELP.contains(f))
            .toList();

    private final String files;
    private final PublishSettings settings = new PublishSettings();

    @DataBoundConstructor
    public PerfgateRecorder(String files) {
        if (Util.fixEmptyAndTrim(files) == null) {
            throw new IllegalArgumentException("give the result files as an Ant pattern such as 'results/*.jtl'");
        }
        this.files = files.trim();
    }

    public String getFiles() {
        return files;
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

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        PerfgateBuildAction a = WorkspaceRun.publish(run, workspace, launcher, env, listener, files, settings);
        Publication.applyResult(run, a, settings, listener, false);
    }

    @Symbol("perfgateReport")
    @Extension
    public static final class DescriptorImpl extends GatedBuildStepDescriptor<Publisher> {

        public DescriptorImpl() {
            helpFrom(PerformanceTestBuilder.class, SHARED_HELP);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Publish performance report and gate";
        }

        @POST
        public FormValidation doCheckFiles(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.files(item, value);
        }
    }
}
