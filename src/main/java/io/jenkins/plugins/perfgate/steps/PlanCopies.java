package io.jenkins.plugins.perfgate.steps;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.perfgate.agent.AgentCli;
import io.jenkins.plugins.perfgate.agent.RunPlans;
import java.io.IOException;

/**
 * The temporary copies of a user's run plan ({@code .PLAN.JOB-N.perfgate.json}, written beside the plan so that its
 * relative paths keep their meaning). A copy is deleted when its run ends, however it ends; a copy left by a build
 * that never got there (the controller stopped mid-run) is deleted by the job's next run, unless that build is still
 * running.
 */
final class PlanCopies {

    private static final String SUFFIX = ".perfgate.json";

    private PlanCopies() {
    }

    /** Deletes this job's copies beside {@code current} of builds that are not running. */
    static void removeStale(Run<?, ?> run, RunPlans.Written current, TaskListener listener)
            throws IOException, InterruptedException {
        FilePath copy = current.file();
        FilePath dir = copy.getParent();
        String own = copy.getName();
        String tail = run.getNumber() + SUFFIX;
        if (!current.temporary() || dir == null || !own.endsWith(tail)) {
            return;
        }
        String prefix = own.substring(0, own.length() - tail.length()); // .PLAN.JOB-
        for (FilePath f : dir.list(prefix + "*" + SUFFIX, null, false)) {
            String n = f.getName().substring(prefix.length(), f.getName().length() - SUFFIX.length());
            if (!n.matches("[0-9]{1,9}") || Integer.parseInt(n) == run.getNumber()) {
                continue;
            }
            Run<?, ?> other = run.getParent().getBuildByNumber(Integer.parseInt(n));
            if ((other == null || !other.isBuilding()) && f.delete()) {
                AgentCli.log(listener, "removed " + f.getName() + ", a plan copy left by build #" + n);
            }
        }
    }

    /** Deletes the run's own copy; a failure to delete is logged, never hides the run's outcome. */
    static void remove(RunPlans.Written current, TaskListener listener) {
        if (!current.temporary()) {
            return;
        }
        try {
            current.file().delete();
        } catch (IOException | InterruptedException e) {
            AgentCli.log(listener, "could not delete the plan copy " + current.file().getRemote() + ": " + e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
