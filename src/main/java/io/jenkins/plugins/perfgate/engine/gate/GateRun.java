package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.history.Baseline;
import io.jenkins.plugins.perfgate.engine.history.BaselineMarks;
import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.history.HistoryStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges one build's run against its criteria and its history, and records it there when asked: the one place that
 * orchestrates the gate. {@code perfgate gate}, {@code perfgate run} (a plan's criteria) and the Jenkins publication
 * all come through here, so they reach the same verdict and record the same way.
 *
 * <p>Steps: load the history, number the build, choose the history to judge against (the stored one, or the
 * interleaved baseline target's runs), resolve the baseline, judge, record.
 */
public final class GateRun {

    private final HistoryStore store;
    private final HistoryStore reference;
    private final String referenceName;

    public GateRun(HistoryStore store) {
        this.store = store;
        this.reference = null;
        this.referenceName = "";
    }

    /**
     * Judges against another history (another branch's, for instance: its builds, pins and accepts), as if the build
     * came after its newest build, and records in {@code store} under the build's own number.
     *
     * @param referenceName how baselines from it are named ({@code branch main})
     */
    public GateRun(HistoryStore store, HistoryStore reference, String referenceName) {
        this.store = store;
        this.reference = reference;
        this.referenceName = referenceName;
    }

    /**
     * Judges the request's run and, when the request says so, records it.
     *
     * A failure to record does not lose the verdict: it is returned in {@link JudgedRun#recordFailure()}, so callers
     * show the verdict first, then the failure.
     *
     * @throws HistoryUnreadable when the history cannot be read at all
     */
    public JudgedRun judge(GateRequest request) throws HistoryUnreadable {
        History stored;
        History judgedHistory;
        BaselineMarks marks;
        try {
            stored = store.load();
            judgedHistory = reference == null ? stored : reference.load();
            marks = (reference == null ? store : reference).marks();
        } catch (IOException e) {
            throw new HistoryUnreadable(e);
        }
        RepeatedRuns runs = request.runs();
        BuildRef given = request.build();
        long number = request.numberAfterNewest() ? stored.lastNumber() + 1 : given.number();
        BuildRef build = numbered(given, number);
        // an interleaved baseline sits at the number before the candidate's, which must therefore be at least 1
        BuildRef judged = reference != null ? numbered(given, judgedHistory.lastNumber() + 1)
                : runs.hasInterleavedBaseline() && number == 0 ? numbered(given, 1) : build;
        GateOptions options = runs.options(request.options());
        History against = runs.baselineHistory(judged, judgedHistory);
        if (!runs.hasInterleavedBaseline()) {
            // people's pins and accepts apply to every policy; an interleaved baseline target is explicit
            against = marks.applyTo(against, judged.number());
            options = options.withBaseline(marks.policy(options.baseline()));
        }
        HistoryEntry candidate = runs.candidateEntry(judged, request.summary());
        Optional<Baseline> baseline = Baseline.resolve(options.baseline(), against, judged.number())
                .map(b -> runs.hasInterleavedBaseline() ? b : marked(b, marks, judged.number()))
                .map(b -> reference == null ? b : new Baseline(b.policy(), b.builds(), b.entries(), b.figures(),
                        b.description() + " of " + referenceName));
        Verdict verdict = withLessons(runs.describe(new Gate(options).judge(request.criteria(), candidate, against,
                baseline)), judged.number());
        // a build of another history has a number of its own, not one of this history's
        long baselineBuild = runs.hasInterleavedBaseline() || reference != null ? 0
                : baseline.flatMap(b -> b.builds().stream().map(BuildRef::number).max(Long::compare)).orElse(0L);
        Optional<BuildRef> recorded = Optional.empty();
        Optional<String> failure = Optional.empty();
        Recording how = request.recording();
        if (how.enabled()) {
            BuildRef ref = build.withResult(how.result(verdict.result()));
            try {
                store.record(ref, request.summary(), how.repetitions() ? runs.repetitions() : List.of());
                store.recordFailed(ref.number(), Lessons.failed(verdict));
                recorded = Optional.of(ref);
            } catch (IOException e) {
                failure = Optional.of(String.valueOf(e.getMessage()));
            }
        }
        return new JudgedRun(verdict, candidate, stored, against, baseline, baselineBuild, options,
                request.criteria(), recorded, failure);
    }

    /**
     * The verdict with the earlier notes its failures bring back ({@link Lessons}); notes that cannot be read are
     * one more verdict note, never a reason to lose the verdict.
     */
    private Verdict withLessons(Verdict v, long number) {
        if (v.problems().isEmpty()) {
            return v;
        }
        List<String> notes = new ArrayList<>(v.notes());
        try {
            notes.addAll(Lessons.recall(v, number, store.notes()));
        } catch (IOException | RuntimeException e) {
            notes.add("notes of the history not read: " + e.getMessage());
        }
        return notes.size() == v.notes().size() ? v : new Verdict(v.result(), v.runStatus(), v.lines(),
                v.comparison(), v.baselineDescription(), notes);
    }

    /** The baseline's description says when an accept narrowed the history it was chosen from. */
    private static Baseline marked(Baseline b, BaselineMarks marks, long number) {
        var acc = marks.accepted();
        if (acc.isEmpty() || acc.getAsLong() >= number || b.policy() instanceof BaselinePolicy.Pinned) {
            return b;
        }
        return new Baseline(b.policy(), b.builds(), b.entries(), b.figures(),
                b.description() + ", since accepted build #" + acc.getAsLong());
    }

    private static BuildRef numbered(BuildRef b, long number) {
        return new BuildRef(number, b.number() == number ? b.id() : "", b.timeMillis(), BuildResult.UNKNOWN,
                b.releaseTag(), b.gitCommit());
    }

    /** The history store could not be read at all (the message is the store's). */
    public static final class HistoryUnreadable extends IOException {
        private static final long serialVersionUID = 1L;

        HistoryUnreadable(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
