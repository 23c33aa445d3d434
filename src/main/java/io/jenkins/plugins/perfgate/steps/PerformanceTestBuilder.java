package io.jenkins.plugins.perfgate.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.perfgate.agent.RunPlans;
import io.jenkins.plugins.perfgate.config.FieldChecks;
import io.jenkins.plugins.perfgate.config.KubeconfigChoices;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.publication.Publication;
import io.jenkins.plugins.perfgate.settings.TestSettings;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle build step "Run performance test": the {@code performanceTest} Pipeline step for freestyle jobs. Runs
 * the test on the build's node, publishes the report and sets the build result per the verdict (a failed gate
 * fails the build and stops its later build steps). Its parameters are those of {@code performanceTest}; Jenkins
 * reads {@code @DataBoundSetter}s through a class's own superclasses only, and a Builder cannot share the steps'
 * {@link GatedStep} base, so each accessor here is a one-line hand-over to the same {@link TestSettings}.
 */
public class PerformanceTestBuilder extends Builder implements SimpleBuildStep {

    private final TestSettings settings = new TestSettings();

    @DataBoundConstructor
    public PerformanceTestBuilder() {
    }

    // ---- parameters (also the Snippet Generator's form fields)

    public String getPlan() {
        return settings.getPlan();
    }

    @DataBoundSetter
    public void setPlan(String v) {
        settings.setPlan(v);
    }

    public String getTemplate() {
        return settings.getTemplate();
    }

    @DataBoundSetter
    public void setTemplate(String v) {
        settings.setTemplate(v);
    }

    public String getProperties() {
        return settings.getProperties();
    }

    @DataBoundSetter
    public void setProperties(String v) {
        settings.setProperties(v);
    }

    /** {@code name=credentialsId} lines: template properties from string credentials. */
    public String getSecretProperties() {
        return settings.getSecretProperties();
    }

    @DataBoundSetter
    public void setSecretProperties(String v) {
        settings.setSecretProperties(v);
    }

    public String getGenerators() {
        return settings.getGenerators();
    }

    @DataBoundSetter
    public void setGenerators(String v) {
        settings.setGenerators(v);
    }

    /** A file credential holding the kubeconfig of kubernetes generators. */
    public String getKubeconfigCredentialsId() {
        return settings.getKubeconfigCredentialsId();
    }

    @DataBoundSetter
    public void setKubeconfigCredentialsId(String v) {
        settings.setKubeconfigCredentialsId(v);
    }

    public int getDuration() {
        return settings.getDuration();
    }

    @DataBoundSetter
    public void setDuration(int v) {
        settings.setDuration(v);
    }

    public String getJmeterPlugins() {
        return settings.getJmeterPlugins();
    }

    @DataBoundSetter
    public void setJmeterPlugins(String v) {
        settings.setJmeterPlugins(v);
    }

    public String getLibraries() {
        return settings.getLibraries();
    }

    @DataBoundSetter
    public void setLibraries(String v) {
        settings.setLibraries(v);
    }

    public int getTimeLimit() {
        return settings.getTimeLimit();
    }

    @DataBoundSetter
    public void setTimeLimit(int v) {
        settings.setTimeLimit(v);
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

    public boolean isPublish() {
        return settings.publish();
    }

    @DataBoundSetter
    public void setPublish(boolean v) {
        settings.setPublish(v);
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
        PerfgateBuildAction a = WorkspaceRun.test(run, workspace, launcher, env, listener, settings);
        Publication.applyResult(run, a, settings, listener, true);
    }

    @Symbol("perfgateTest")
    @Extension
    public static final class DescriptorImpl extends GatedBuildStepDescriptor<Builder> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run performance test";
        }

        @POST
        public FormValidation doCheckTemplate(@AncestorInPath AbstractProject<?, ?> project,
                @QueryParameter String value) {
            Forms.checkConfigure(project);
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            if (RunPlans.class.getResource(RunPlans.BUNDLED + value.trim() + ".jmx") != null) {
                return FormValidation.ok("perfgate's bundled " + value.trim() + " template");
            }
            if (!value.endsWith(".jmx") && !value.contains("${")) {
                return FormValidation.error("A JMeter template is a .jmx file, or one of perfgate's bundled "
                        + "templates: smoke, load, soak, spike, stepping");
            }
            return FieldChecks.workspaceFile(project == null ? null : project.getSomeWorkspace(), value, "Template");
        }

        @POST
        public FormValidation doCheckPlan(@AncestorInPath AbstractProject<?, ?> project,
                @QueryParameter String value) {
            Forms.checkConfigure(project);
            return FieldChecks.workspaceFile(project == null ? null : project.getSomeWorkspace(), value, "Run plan");
        }

        @POST
        public FormValidation doCheckProperties(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.properties(item, value);
        }

        @POST
        public ListBoxModel doFillKubeconfigCredentialsIdItems(@AncestorInPath Item item,
                @QueryParameter String kubeconfigCredentialsId) {
            return KubeconfigChoices.of(item, kubeconfigCredentialsId);
        }

        @POST
        public FormValidation doCheckGenerators(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.generators(item, value);
        }

        @POST
        public FormValidation doCheckDuration(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.duration(item, value);
        }

        @POST
        public FormValidation doCheckTimeLimit(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.timeLimit(item, value);
        }
    }
}
