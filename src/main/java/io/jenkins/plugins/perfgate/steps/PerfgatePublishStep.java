package io.jenkins.plugins.perfgate.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.settings.PublishSettings;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code perfgatePublish(files: 'results/*.jtl', ...)}: the report, comparison and gate of {@code performanceTest}
 * for JMeter result files produced elsewhere (JMeter run by other means, or parallel branches' results together).
 * The gate parameters come from {@link GatedStep}.
 */
public class PerfgatePublishStep extends GatedStep<PublishSettings> {

    private final String files;

    @DataBoundConstructor
    public PerfgatePublishStep(String files) {
        super(new PublishSettings());
        if (Util.fixEmptyAndTrim(files) == null) {
            throw new IllegalArgumentException("perfgatePublish needs files: an Ant pattern such as 'results/*.jtl'");
        }
        this.files = files.trim();
    }

    public String getFiles() {
        return files;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, files, settings);
    }

    static final class Execution extends GatedExecution {
        private static final long serialVersionUID = 1L;
        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
                justification = "a synchronous non-blocking execution does not survive a restart, so nothing reads "
                        + "its fields after deserialization")
        private final transient String files;
        @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
                justification = "a synchronous non-blocking execution does not survive a restart, so nothing reads "
                        + "its fields after deserialization")
        private final transient PublishSettings settings;

        Execution(StepContext context, String files, PublishSettings settings) {
            super(context, settings);
            this.files = files;
            this.settings = settings;
        }

        @Override
        PerfgateBuildAction work(Run<?, ?> run, FilePath ws, Launcher launcher, EnvVars env, TaskListener listener)
                throws IOException, InterruptedException {
            return WorkspaceRun.publish(run, ws, launcher, env, listener, files, settings);
        }
    }

    @Extension
    public static final class DescriptorImpl extends GatedStepDescriptor {

        public DescriptorImpl() {
            // the form is the freestyle recorder's (config.jelly includes it), and so is the help
            helpFrom(PerfgateRecorder.class, PerfgateRecorder.OWN_HELP);
            helpFrom(PerformanceTestBuilder.class, PerfgateRecorder.SHARED_HELP);
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
            return Forms.files(item, value);
        }
    }
}
