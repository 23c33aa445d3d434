package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions.LabelRewrite;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The label grouping options of {@code report} and {@code run}: labels that differ only by a query string or by ids
 * in their path count as one label, so that a test of REST paths with ids keeps a few dozen labels, not thousands.
 */
public final class LabelGroupingOptions {

    @Option(names = "--group-query-strings", description = "count /path?a=1 and /path?a=2 under /path")
    boolean queryStrings;

    @Option(names = "--group-path-ids", description = "count /items/123 and /items/456 under /items/{id} (numbers, "
            + "UUIDs and hex ids of 8+ characters as path segments)")
    boolean pathIds;

    /** The options with these rewrites added: path ids first, so that an id before a '?' is grouped too. */
    AggregationOptions applyTo(AggregationOptions options) {
        List<LabelRewrite> rules = new ArrayList<>(options.grouping());
        if (pathIds) {
            rules.add(LabelRewrite.pathIds());
        }
        if (queryStrings) {
            rules.add(LabelRewrite.stripQueryString());
        }
        return options.withGrouping(rules);
    }
}
