package io.jenkins.plugins.perfgate;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
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
 * {@code perfgatePublish(files: 'results/*.jtl', ...)}: the report, comparison and gate of {@code performanceTest}
 * for JMeter result files produced elsewhere (JMeter run by other means, or parallel branches' results together).
 */
public class PerfgatePublishStep extends Step {

    private final String files;
    private final PublishSettings settings = new PublishSettings();

    @DataBoundConstructor
    public PerfgatePublishStep(String files) {
        if (Util.fixEmptyAndTrim(files) == null) {
            throw new IllegalArgumentException("perfgatePublish needs files: an Ant pattern such as 'results/*.jtl'");
        }
        this.files = files.trim();
    }

    public String getFiles() {
        return files;
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

    public String getOutputDir() {
        return settings.outputDir;
    }

    @DataBoundSetter
    public void setOutputDir(String v) {
        settings.setOutputDir(v);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, files, settings);
    }

    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient String files;
        private final transient PublishSettings settings;

        Execution(StepContext context, String files, PublishSettings settings) {
            super(context);
            this.files = files;
            this.settings = settings;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext c = getContext();
            Run<?, ?> run = c.get(Run.class);
            TaskListener listener = c.get(TaskListener.class);
            PerfgateBuildAction a = WorkspaceRun.publish(run, c.get(FilePath.class), c.get(Launcher.class),
                    c.get(EnvVars.class), listener, files, settings);
            Publication.applyResult(run, a, settings, listener, true);
            return a.toResultMap();
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, Launcher.class, EnvVars.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "perfgatePublish";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Publish JMeter results with perfgate: report, comparison and gate";
        }

        @POST
        public FormValidation doCheckFiles(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Util.fixEmptyAndTrim(value) == null ? FormValidation.error("Give an Ant pattern such as results/*.jtl")
                    : FormValidation.ok();
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
        public FormValidation doCheckApdexT(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return FieldChecks.intInRange(value, 0, PublishSettings.MAX_APDEX_T, "Apdex T");
        }
    }
}
