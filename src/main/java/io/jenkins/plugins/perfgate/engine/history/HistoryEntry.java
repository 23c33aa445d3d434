package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One build in the history: which build, the key figures of its (merged) run and, when the build ran the test
 * several times ({@code repeat: k}), the figures of each repetition. Immutable.
 *
 * @param build   the build
 * @param figures key figures of the whole run (all repetitions merged)
 * @param repeats key figures of each repetition; empty when the test ran once
 */
public record HistoryEntry(BuildRef build, RunFigures figures, List<RunFigures> repeats) {

    public HistoryEntry {
        Objects.requireNonNull(build);
        Objects.requireNonNull(figures);
        repeats = List.copyOf(repeats);
    }

    public HistoryEntry(BuildRef build, RunFigures figures) {
        this(build, figures, List.of());
    }

    /** The runs of this build: its repetitions, or the single run. */
    public List<RunFigures> runs() {
        return repeats.isEmpty() ? List.of(figures) : repeats;
    }

    /**
     * Whether this build may serve as a baseline or in a noise window: the build passed and its run was complete.
     */
    public boolean passing() {
        return build.result().passing() && figures.status() == RunStatus.COMPLETE;
    }

    public long number() {
        return build.number();
    }

    /**
     * The build's value of a statistic for a label ({@code TOTAL} for overall): the median over its repetitions,
     * so one noisy repetition cannot dominate. Empty when the label is absent.
     */
    public OptionalDouble value(String label, Metric metric) {
        double[] v = runs().stream().map(r -> r.row(label)).filter(java.util.Optional::isPresent)
                .mapToDouble(o -> o.get().get(metric)).filter(d -> !Double.isNaN(d)).toArray();
        if (v.length == 0) {
            return OptionalDouble.empty();
        }
        Arrays.sort(v);
        int n = v.length;
        return OptionalDouble.of(n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
    }
}
