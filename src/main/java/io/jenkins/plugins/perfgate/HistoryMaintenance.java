package io.jenkins.plugins.perfgate;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each job's history index in step with its builds: the gate runs before a build ends, so the final result
 * (which decides whether the build may serve as a baseline) is recorded on completion; deleted builds leave it.
 */
@Extension
public final class HistoryMaintenance extends RunListener<Run<?, ?>> {

    private static final Logger LOGGER = Logger.getLogger(HistoryMaintenance.class.getName());

    @Override
    public void onCompleted(Run<?, ?> run, TaskListener listener) {
        if (run.getAction(PerfgateBuildAction.class) == null) {
            return;
        }
        try {
            new JobHistoryStore(run.getParent()).updateResult(run.getNumber(), JobHistoryStore.result(run.getResult()));
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "perfgate: cannot record the result of " + run, e);
        }
    }

    @Override
    public void onDeleted(Run<?, ?> run) {
        if (run.getAction(PerfgateBuildAction.class) == null) {
            return;
        }
        try {
            new JobHistoryStore(run.getParent()).remove(run.getNumber());
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "perfgate: cannot drop " + run + " from the history index", e);
        }
    }
}
