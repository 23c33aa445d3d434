package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.List;
import java.util.Objects;

/**
 * What {@link GateRun} judges: one build's run, the criteria, how to judge (baseline policy, noise options) and
 * whether to record it. Immutable; made with {@link #builder(RunSummary)}, whose defaults are the engine's
 * ({@link GateOptions#defaults()}, no criteria, not repeated, not recorded, numbered after the newest build).
 *
 * @param summary           the build's run (the merge of its repetitions when repeated)
 * @param criteria          the criteria (empty: only completeness is checked)
 * @param options           baseline policy, noise window, alpha, outcomes of incomplete runs and missing baselines
 * @param runs              the repetitions and an interleaved baseline target's runs, if any
 * @param build             the build judged; its number is ignored when {@code numberAfterNewest}
 * @param numberAfterNewest whether the build takes the number after the newest build in the history
 * @param recording         whether and how the run is recorded in the history
 */
public record GateRequest(RunSummary summary, List<Criterion> criteria, GateOptions options, RepeatedRuns runs,
        BuildRef build, boolean numberAfterNewest, Recording recording) {

    public GateRequest {
        Objects.requireNonNull(summary);
        criteria = List.copyOf(criteria);
        Objects.requireNonNull(options);
        Objects.requireNonNull(runs);
        Objects.requireNonNull(build);
        Objects.requireNonNull(recording);
    }

    public static Builder builder(RunSummary summary) {
        return new Builder(summary);
    }

    /** Collects a request; each setter replaces one default. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final RunSummary summary;
        private List<Criterion> criteria = List.of();
        private GateOptions options = GateOptions.defaults();
        private RepeatedRuns runs = RepeatedRuns.NONE;
        private BuildRef build = BuildRef.of(0, System.currentTimeMillis(), BuildResult.UNKNOWN);
        private boolean numberAfterNewest = true;
        private Recording recording = Recording.NONE;

        private Builder(RunSummary summary) {
            this.summary = Objects.requireNonNull(summary);
        }

        public Builder criteria(List<Criterion> parsed) {
            criteria = List.copyOf(parsed);
            return this;
        }

        /** Criteria as written (docs/gate.md); blank: none. Throws {@link CriteriaException} naming the problem. */
        public Builder criteria(String text) {
            return criteria(CriteriaParser.parseAll(text));
        }

        public Builder options(GateOptions o) {
            options = Objects.requireNonNull(o);
            return this;
        }

        /** A baseline policy as written; blank: the default. Throws IllegalArgumentException naming the forms. */
        public Builder baseline(String policy) {
            options = options.withBaseline(BaselinePolicy.parseOrDefault(policy));
            return this;
        }

        public Builder alpha(double alpha) {
            options = options.withAlpha(alpha);
            return this;
        }

        /** An alpha as written in a run plan; blank: left as it is. Throws NumberFormatException. */
        public Builder alpha(String alpha) {
            return alpha == null || alpha.isBlank() ? this : alpha(Double.parseDouble(alpha.strip()));
        }

        public Builder noiseWindow(int builds) {
            options = options.withNoiseWindow(builds);
            return this;
        }

        public Builder incompleteRun(Outcome outcome) {
            options = options.withIncompleteRun(outcome);
            return this;
        }

        public Builder missingBaseline(Outcome outcome) {
            options = options.withMissingBaseline(outcome);
            return this;
        }

        public Builder runs(RepeatedRuns repeated) {
            runs = Objects.requireNonNull(repeated);
            return this;
        }

        /** The build judged, with its number. */
        public Builder forBuild(BuildRef ref) {
            build = Objects.requireNonNull(ref);
            numberAfterNewest = false;
            return this;
        }

        /** The build judged, numbered after the newest build in the history ({@code ref}'s number is ignored). */
        public Builder forBuildAfterNewest(BuildRef ref) {
            build = Objects.requireNonNull(ref);
            numberAfterNewest = true;
            return this;
        }

        public Builder record(Recording how) {
            recording = Objects.requireNonNull(how);
            return this;
        }

        public GateRequest build() {
            return new GateRequest(summary, criteria, options, runs, build, numberAfterNewest, recording);
        }
    }
}
