package io.jenkins.plugins.perfgate.engine.history;

import java.util.Objects;

/**
 * One criterion a build did not pass, as a retrospective lists it: kept beside the build in a history directory
 * ({@code failed.json}) or read from the build's record in Jenkins. Immutable.
 *
 * @param criterion the criterion as written ({@code run status} for the completeness check)
 * @param label     the label judged ({@code TOTAL} for overall)
 * @param outcome   {@code FAIL}, {@code UNSTABLE} or {@code WARN}
 * @param detail    the verdict's line for people
 */
public record CheckOutcome(String criterion, String label, String outcome, String detail) {

    public CheckOutcome {
        Objects.requireNonNull(criterion);
        label = label == null ? "" : label;
        Objects.requireNonNull(outcome);
        detail = detail == null ? "" : detail;
    }
}
