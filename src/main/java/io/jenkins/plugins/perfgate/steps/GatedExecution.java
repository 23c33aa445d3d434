package io.jenkins.plugins.perfgate.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.publication.Publication;
import io.jenkins.plugins.perfgate.settings.PublishSettings;
import java.io.IOException;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * How both Pipeline steps run: off the CPS thread (interrupting it, i.e. aborting the build, kills the command line's
 * process tree), publish on the build, set the build result per the verdict (an UNSTABLE verdict also puts a
 * {@link WarningAction} on the step's flow node) and return the result map.
 */
public abstract class GatedExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    private final transient PublishSettings settings;

    GatedExecution(StepContext context, PublishSettings settings) {
        super(context);
        this.settings = settings;
    }

    /** The step's own work in the workspace: the published (or only computed) result. */
    abstract PerfgateBuildAction work(Run<?, ?> run, FilePath workspace, Launcher launcher, EnvVars env,
            TaskListener listener) throws IOException, InterruptedException;

    @Override
    protected final Map<String, Object> run() throws Exception {
        StepContext c = getContext();
        Run<?, ?> run = c.get(Run.class);
        TaskListener listener = c.get(TaskListener.class);
        PerfgateBuildAction a = work(run, c.get(FilePath.class), c.get(Launcher.class), c.get(EnvVars.class),
                listener);
        Publication.applyResult(run, a, settings, listener, true);
        if ("UNSTABLE".equals(a.getVerdict()) && !settings.getReturnOnly()) {
            // marks the stage in the Pipeline graph, as junit and the unstable step do
            FlowNode node = c.get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE)
                        .withMessage("perfgate: performance gate unstable: " + Publication.linesWith(a, "UNSTABLE")));
            }
        }
        return a.toResultMap();
    }
}
