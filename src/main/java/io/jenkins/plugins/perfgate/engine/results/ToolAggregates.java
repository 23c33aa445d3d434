package io.jenkins.plugins.perfgate.engine.results;

import java.util.List;
import java.util.Objects;

/**
 * What a file of another tool's own aggregates gave (k6 {@code --summary-export}, Locust {@code --csv} stats or
 * stats history): its figures per label and its series over time, as the tool computed them, and what perfgate
 * cannot derive from them. Kept beside the summary's label rows, which are built from individual samples only.
 *
 * @param path       the file as given
 * @param format     {@link JtlFormat#id()} of the file
 * @param figures    per label and overall, in file order
 * @param series     the tool's points over time, in file order (empty when the file has none)
 * @param notDerived what the file cannot give, in words (for the summary, the report and the user)
 */
public record ToolAggregates(String path, String format, List<GivenFigures> figures, List<GivenInterval> series,
        String notDerived) {

    public ToolAggregates {
        Objects.requireNonNull(path);
        Objects.requireNonNull(format);
        figures = List.copyOf(figures);
        series = List.copyOf(series);
        notDerived = notDerived == null ? "" : notDerived;
    }

    /** The same figures with every time moved by {@code millis} (another clock's axis). */
    public ToolAggregates shifted(long millis) {
        return millis == 0 ? this : new ToolAggregates(path, format, figures,
                series.stream().map(p -> p.shifted(millis)).toList(), notDerived);
    }
}
