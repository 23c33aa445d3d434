package io.jenkins.plugins.perfgate;

import hudson.model.TaskListener;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.File;

/**
 * Writes the report engine's HTML report of a build into the build directory, where the build action serves it with
 * Jenkins' Content-Security-Policy for archived files. The HTML report is the report engine's (issue 5); until it is
 * merged no report is written.
 */
final class Reports {

    private Reports() {
    }

    /** Writes the report into {@code dir}; true when one was written. */
    static boolean write(RunSummary summary, Verdict verdict, History history, File dir, TaskListener listener) {
        return false;
    }
}
