package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.nio.file.Path;
import java.util.List;

/**
 * How a run ended.
 *
 * @param status      the run's status (also in the summary)
 * @param reason      why, when not COMPLETE
 * @param summary     the summary of every result recorded
 * @param summaryFile where the summary JSON was written
 * @param resultFiles the result files, one per generator
 * @param failedGenerators ids of generators that could not start or died
 */
public record RunOutcome(RunStatus status, String reason, RunSummary summary, Path summaryFile,
        List<Path> resultFiles, List<String> failedGenerators) {

    public RunOutcome {
        resultFiles = List.copyOf(resultFiles);
        failedGenerators = List.copyOf(failedGenerators);
    }
}
