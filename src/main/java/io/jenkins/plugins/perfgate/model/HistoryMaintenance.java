package io.jenkins.plugins.perfgate.model;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each job's history index in step with its builds: the gate runs before a build ends, so the final result
 * (which decides whether the build may serve as a baseline) is recorded on completion; deleted builds leave it.
 * A build with several results (ids) is kept in step in each result's history.
 */
@Extension
public final class HistoryMaintenance extends RunListener<Run<?, ?>> {

    private static final Logger LOGGER = Logger.getLogger(HistoryMaintenance.class.getName());

    @Override
    public void onCompleted(Run<?, ?> run, TaskListener listener) {
        for (PerfgateBuildAction a : run.getActions(PerfgateBuildAction.class)) {
            try {
                new JobHistoryStore(run.getParent(), a.getId()).updateResult(run.getNumber(),
                        JobHistoryStore.result(run.getResult()));
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "perfgate: cannot record the result of " + run + " in " + a.getUrlName(), e);
            }
        }
    }

    @Override
    public void onDeleted(Run<?, ?> run) {
        for (PerfgateBuildAction a : run.getActions(PerfgateBuildAction.class)) {
            try {
                new JobHistoryStore(run.getParent(), a.getId()).remove(run.getNumber());
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "perfgate: cannot drop " + run + " from the history index of "
                        + a.getUrlName(), e);
            }
        }
    }
}
