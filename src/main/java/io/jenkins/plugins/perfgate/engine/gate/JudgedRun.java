package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.history.Baseline;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link GateRun} answers: the verdict and what it was reached with. Immutable.
 *
 * @param verdict       the verdict, as people should read it
 * @param candidate     the build judged: its number, figures and repetitions
 * @param stored        the history as the store held it before this run (its warnings included)
 * @param judgedAgainst the history the candidate was judged against: the stored one, or the interleaved baseline
 *                      target's runs
 * @param baseline      the baseline the verdict compared with, when one was found
 * @param baselineBuild the number of the build compared with: the baseline's build, or for a baseline of several
 *                      builds (a median) the newest of them; 0 when there was none or it was the interleaved
 *                      baseline target's runs of this very build
 * @param options       the options the gate judged with (for an interleaved baseline, the {@code previous} policy)
 * @param criteria      the criteria judged
 * @param recorded      the build as recorded in the history, when it was
 * @param recordFailure why recording was asked for but failed (the verdict stands; callers report it after it)
 */
public record JudgedRun(Verdict verdict, HistoryEntry candidate, History stored, History judgedAgainst,
        Optional<Baseline> baseline, long baselineBuild, GateOptions options, List<Criterion> criteria,
        Optional<BuildRef> recorded, Optional<String> recordFailure) {

    public JudgedRun {
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(candidate);
        Objects.requireNonNull(stored);
        Objects.requireNonNull(judgedAgainst);
        Objects.requireNonNull(baseline);
        Objects.requireNonNull(options);
        criteria = List.copyOf(criteria);
        Objects.requireNonNull(recorded);
        Objects.requireNonNull(recordFailure);
    }

    /** The judged build's exit code for the command line. */
    public int exitCode() {
        return verdict.exitCode();
    }
}
