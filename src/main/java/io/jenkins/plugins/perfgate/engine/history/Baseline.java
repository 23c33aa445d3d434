package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The baseline a run is compared with: the policy, the builds it was made of and their (for a median baseline,
 * per-statistic median) figures. Immutable.
 *
 * @param policy      the policy that chose it
 * @param builds      the builds it is made of, oldest first
 * @param entries     those builds' history entries (their repetitions serve an interleaved comparison)
 * @param figures     the baseline figures
 * @param description for people: "build #41", "median of #37, #38, #40, #41, #42"
 */
public record Baseline(BaselinePolicy policy, List<BuildRef> builds, List<HistoryEntry> entries,
        RunFigures figures, String description) {

    public Baseline {
        Objects.requireNonNull(policy);
        builds = List.copyOf(builds);
        entries = List.copyOf(entries);
        Objects.requireNonNull(figures);
        Objects.requireNonNull(description);
    }

    /**
     * Chooses the baseline of build {@code currentNumber} from the builds before it. Empty when no build fits the
     * policy (first build, pinned build missing, no tagged build yet...).
     */
    public static Optional<Baseline> resolve(BaselinePolicy policy, History history, long currentNumber) {
        List<HistoryEntry> earlier = history.before(currentNumber);
        return switch (policy) {
            case BaselinePolicy.Previous p -> latest(earlier, e -> e.figures().status() == RunStatus.COMPLETE)
                    .map(e -> single(policy, e, "previous build " + e.build().display()));
            case BaselinePolicy.LastPassing p -> latest(earlier, HistoryEntry::passing)
                    .map(e -> single(policy, e, "last passing build " + e.build().display()));
            case BaselinePolicy.LastTagged t -> latest(earlier,
                    e -> t.matches(e.build().releaseTag()) && e.figures().status() == RunStatus.COMPLETE)
                    .map(e -> single(policy, e, "last release build " + e.build().display()));
            case BaselinePolicy.Pinned p -> history.entry(p.buildNumber())
                    .filter(e -> e.figures().status() == RunStatus.COMPLETE)
                    .map(e -> single(policy, e, "pinned build " + e.build().display()));
            case BaselinePolicy.Median m -> median(m, history.lastPassing(currentNumber, m.builds()));
        };
    }

    private static Optional<HistoryEntry> latest(List<HistoryEntry> entries,
            java.util.function.Predicate<HistoryEntry> fits) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (fits.test(entries.get(i))) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    private static Baseline single(BaselinePolicy policy, HistoryEntry e, String description) {
        return new Baseline(policy, List.of(e.build()), List.of(e), e.figures(), description);
    }

    private static Optional<Baseline> median(BaselinePolicy.Median policy, List<HistoryEntry> window) {
        if (window.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> names = new TreeSet<>();
        window.forEach(e -> names.addAll(e.figures().labelNames()));
        List<LabelFigures> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(medianRow(name, window));
        }
        RunFigures figures = new RunFigures(RunStatus.COMPLETE, "",
                medianRow(OverallRow.LABEL, window), rows);
        String list = window.stream().map(e -> "#" + e.number()).collect(Collectors.joining(", "));
        return Optional.of(new Baseline(policy, window.stream().map(HistoryEntry::build).toList(), window, figures,
                "median of " + window.size() + " passing build" + (window.size() == 1 ? "" : "s") + " (" + list
                        + ")"));
    }

    /** Per metric, the median of the builds' values (each build's own value is the median of its repetitions). */
    private static LabelFigures medianRow(String name, List<HistoryEntry> window) {
        EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            double[] v = window.stream().map(e -> e.value(name, m)).filter(java.util.OptionalDouble::isPresent)
                    .mapToDouble(java.util.OptionalDouble::getAsDouble).toArray();
            values.put(m, median(v));
        }
        return new LabelFigures(name, values);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Build numbers, for reports. */
    public List<Long> buildNumbers() {
        return builds.stream().map(BuildRef::number).toList();
    }
}
