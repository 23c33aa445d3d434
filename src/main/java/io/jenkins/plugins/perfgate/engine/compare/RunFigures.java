package io.jenkins.plugins.perfgate.engine.compare;

import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The key figures of a whole run: its status, the overall row and one row per label (sorted by label). Derived from
 * a {@link RunSummary}; what the history index stores per build. Immutable.
 *
 * @param status       how complete the run was
 * @param statusReason why, when not complete
 * @param overall      the whole run
 * @param labels       one row per label, sorted by label (a history index's rows are {@link LazyLabelRows}: each
 *                     decoded when first looked up)
 */
public record RunFigures(RunStatus status, String statusReason, LabelFigures overall, List<LabelFigures> labels) {

    public RunFigures {
        Objects.requireNonNull(status);
        statusReason = statusReason == null ? "" : statusReason;
        Objects.requireNonNull(overall);
        if (!(labels instanceof LazyLabelRows)) { // those are sorted, and decoded row by row when looked up
            List<LabelFigures> sorted = new ArrayList<>(labels);
            sorted.sort(Comparator.comparing(LabelFigures::label));
            labels = List.copyOf(sorted);
        }
    }

    public static RunFigures of(RunSummary summary) {
        List<LabelFigures> rows = new ArrayList<>();
        for (LabelStats s : summary.labels()) {
            rows.add(LabelFigures.of(s));
        }
        return new RunFigures(summary.status(), summary.statusReason(),
                LabelFigures.of(OverallRow.LABEL, summary.overall()), rows);
    }

    /** The row of a label; a binary search, as labels are sorted (gates look rows up per label and build). */
    public Optional<LabelFigures> label(String name) {
        if (labels instanceof LazyLabelRows lazy) { // found by name, without decoding the rows passed over
            int i = lazy.indexOf(name);
            return i < 0 ? Optional.empty() : Optional.of(lazy.get(i));
        }
        int lo = 0;
        int hi = labels.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = labels.get(mid).label().compareTo(name);
            if (cmp == 0) {
                return Optional.of(labels.get(mid));
            } else if (cmp < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.empty();
    }

    /** The overall row for {@link OverallRow#LABEL}, else the label's row. */
    public Optional<LabelFigures> row(String name) {
        return OverallRow.LABEL.equals(name) ? Optional.of(overall) : label(name);
    }

    public List<String> labelNames() {
        if (labels instanceof LazyLabelRows lazy) {
            return lazy.names();
        }
        return labels.stream().map(LabelFigures::label).toList();
    }
}
