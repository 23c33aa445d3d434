package io.jenkins.plugins.perfgate.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.settings.TestSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code performanceTest(...)}: runs a load test on the current node's workspace, publishes its report, gates it and
 * returns a map (verdict, per-label figures, summary path). Also callable as {@code perfgate(...)}
 * ({@link PerfgateAliasStep}), which is unambiguous when the Performance Plugin is installed too. The gate
 * parameters come from {@link GatedStep}; the test parameters are below.
 */
public class PerformanceTestStep extends GatedStep<TestSettings> {

    /** The test parameters, as Pipeline scripts name them. */
    static final List<String> TEST_FIELDS = List.of("plan", "template", "properties", "secretProperties",
            "generators", "kubeconfigCredentialsId", "duration", "timeLimit", "jmeterPlugins",
            "libraries", "publish");

    @DataBoundConstructor
    public PerformanceTestStep() {
        super(new TestSettings());
    }

    TestSettings settings() {
        return settings;
    }

    // ---- test parameters (also the Snippet Generator's form fields)

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

    /** {@code secretProperties: [token: 'credentials-id']}: template properties from string credentials. */
    public Map<String, String> getSecretProperties() {
        return settings.parsedSecretProperties();
    }

    @DataBoundSetter
    public void setSecretProperties(Map<String, String> v) {
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

    public boolean isPublish() {
        return settings.publish();
    }

    @DataBoundSetter
    public void setPublish(boolean v) {
        settings.setPublish(v);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, settings);
    }

    static final class Execution extends GatedExecution {
        private static final long serialVersionUID = 1L;
        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
                justification = "a synchronous non-blocking execution does not survive a restart, so nothing reads "
                        + "its fields after deserialization")
        private final transient TestSettings settings;

        Execution(StepContext context, TestSettings settings) {
            super(context, settings);
            this.settings = settings;
        }

        @Override
        PerfgateBuildAction work(Run<?, ?> run, FilePath ws, Launcher launcher, EnvVars env, TaskListener listener)
                throws IOException, InterruptedException {
            return WorkspaceRun.test(run, ws, launcher, env, listener, settings);
        }
    }

    @Extension
    public static class DescriptorImpl extends GatedStepDescriptor {

        public DescriptorImpl() {
            // the form is the freestyle builder's (config.jelly includes it), and so is the help
            helpFrom(PerformanceTestBuilder.class, TEST_FIELDS);
            helpFrom(PerformanceTestBuilder.class, GATE_FIELDS);
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
        public FormValidation doCheckProperties(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.properties(item, value);
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
