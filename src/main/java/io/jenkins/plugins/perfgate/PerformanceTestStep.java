package io.jenkins.plugins.perfgate;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code performanceTest(...)}: runs a load test on the current node's workspace, publishes its report, gates it and
 * returns a map (verdict, per-label figures, summary path). Also callable as {@code perfgate(...)}
 * ({@link PerfgateAliasStep}), which is unambiguous when the Performance Plugin is installed too.
 */
public class PerformanceTestStep extends Step {

    private final TestSettings settings = new TestSettings();

    @DataBoundConstructor
    public PerformanceTestStep() {
    }

    TestSettings settings() {
        return settings;
    }

    // ---- parameters (also the Snippet Generator's form fields)

    public String getPlan() {
        return settings.plan;
    }

    @DataBoundSetter
    public void setPlan(String v) {
        settings.setPlan(v);
    }

    public String getTemplate() {
        return settings.template;
    }

    @DataBoundSetter
    public void setTemplate(String v) {
        settings.setTemplate(v);
    }

    public String getProperties() {
        return settings.properties;
    }

    @DataBoundSetter
    public void setProperties(String v) {
        settings.setProperties(v);
    }

    public String getGenerators() {
        return settings.generators;
    }

    @DataBoundSetter
    public void setGenerators(String v) {
        settings.setGenerators(v);
    }

    public int getDuration() {
        return settings.duration;
    }

    @DataBoundSetter
    public void setDuration(int v) {
        settings.setDuration(v);
    }

    public int getTimeLimit() {
        return settings.timeLimit;
    }

    @DataBoundSetter
    public void setTimeLimit(int v) {
        settings.setTimeLimit(v);
    }

    public String getCriteria() {
        return settings.criteria;
    }

    @DataBoundSetter
    public void setCriteria(String v) {
        settings.setCriteria(v);
    }

    public String getBaseline() {
        return settings.baseline;
    }

    @DataBoundSetter
    public void setBaseline(String v) {
        settings.setBaseline(v);
    }

    public int getApdexT() {
        return settings.apdexT;
    }

    @DataBoundSetter
    public void setApdexT(int v) {
        settings.setApdexT(v);
    }

    public boolean isHtml() {
        return settings.html();
    }

    @DataBoundSetter
    public void setHtml(boolean v) {
        settings.setHtml(v);
    }

    public boolean isMetrics() {
        return settings.metrics;
    }

    @DataBoundSetter
    public void setMetrics(boolean v) {
        settings.metrics = v;
    }

    public boolean isArchiveResults() {
        return settings.archiveResults;
    }

    @DataBoundSetter
    public void setArchiveResults(boolean v) {
        settings.archiveResults = v;
    }

    public boolean isReturnOnly() {
        return settings.returnOnly;
    }

    @DataBoundSetter
    public void setReturnOnly(boolean v) {
        settings.returnOnly = v;
    }

    public String getReleaseTag() {
        return settings.releaseTag;
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
        return settings.outputDir;
    }

    @DataBoundSetter
    public void setOutputDir(String v) {
        settings.setOutputDir(v);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, settings);
    }

    /** Runs off the CPS thread; interrupting it (build aborted) kills the command line's process tree. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient TestSettings settings;

        Execution(StepContext context, TestSettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext c = getContext();
            Run<?, ?> run = c.get(Run.class);
            TaskListener listener = c.get(TaskListener.class);
            PerfgateBuildAction a = WorkspaceRun.test(run, c.get(FilePath.class), c.get(Launcher.class),
                    c.get(EnvVars.class), listener, settings);
            Publication.applyResult(run, a, settings, listener, true);
            return a.toResultMap();
        }
    }

    @Extension
    public static class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, Launcher.class, EnvVars.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "performanceTest";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run a perfgate load test, publish its report and gate the build";
        }

        @POST
        public FormValidation doCheckCriteria(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return FieldChecks.criteria(value);
        }

        @POST
        public FormValidation doCheckBaseline(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return FieldChecks.baseline(value);
        }

        @POST
        public FormValidation doCheckProperties(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.properties(value);
        }

        @POST
        public FormValidation doCheckDuration(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return FieldChecks.intInRange(value, 0, TestSettings.MAX_SECONDS, "Duration");
        }

        @POST
        public FormValidation doCheckTimeLimit(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return FieldChecks.intInRange(value, 0, TestSettings.MAX_SECONDS, "Time limit");
        }

        @POST
        public FormValidation doCheckApdexT(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return FieldChecks.intInRange(value, 0, PublishSettings.MAX_APDEX_T, "Apdex T");
        }
    }
}
