package io.jenkins.plugins.perfgate.engine.stats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How samples are summarised: Apdex threshold, label filters and grouping, over-time resolution and table sizes.
 * Immutable; change one setting with the {@code with...} methods.
 *
 * @param apdexTMillis     Apdex "satisfied" threshold T; tolerated up to 4T
 * @param include          only labels matching this (whole label), when present
 * @param exclude          drop labels matching this (whole label), when present
 * @param grouping         rewrite rules applied to labels in order, e.g. strip query strings
 * @param intervalMillis   finest over-time interval; widened by doubling for long runs
 * @param maxIntervals     bound on intervals per series
 * @param topN             response codes and failure messages kept per label
 */
public record AggregationOptions(
        long apdexTMillis,
        Optional<Pattern> include,
        Optional<Pattern> exclude,
        List<LabelRewrite> grouping,
        long intervalMillis,
        int maxIntervals,
        int topN) {

    /** A label rewrite: every match of the pattern is replaced (java.util.regex replacement syntax). */
    public record LabelRewrite(Pattern pattern, String replacement) {
        private static final Pattern PATH_ID = Pattern.compile(
                "(?<=/)(?<!HTTP/)(?:\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                        + "|(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{8,})(?=[/?#;.\\s]|$)");

        /** Strips everything from the first '?' on: {@code /search?q=1} becomes {@code /search}. */
        public static LabelRewrite stripQueryString() {
            return new LabelRewrite(Pattern.compile("\\?.*$"), "");
        }

        /**
         * Replaces path segments that are identifiers with {@code {id}}, so that {@code GET /items/123/parts/9f8e7d6c}
         * and {@code GET /items/77/parts/0a1b2c3d} count as one label {@code GET /items/{id}/parts/{id}}. A segment
         * is an identifier when it is all digits, a UUID, or at least 8 hexadecimal characters with a digit among
         * them (hashes, object ids); words such as {@code /deadbeef} or {@code /v2} stay. Only whole segments
         * change: a segment ends at {@code /}, {@code ?}, {@code #}, {@code ;}, {@code .}, whitespace or the end of
         * the label; the version in {@code HTTP/1.1} stays.
         */
        public static LabelRewrite pathIds() {
            return new LabelRewrite(PATH_ID, "{id}");
        }

        public String apply(String label) {
            return pattern.matcher(label).replaceAll(replacement);
        }
    }

    public AggregationOptions {
        Objects.requireNonNull(include);
        Objects.requireNonNull(exclude);
        grouping = List.copyOf(grouping);
        if (apdexTMillis <= 0 || apdexTMillis > 3_600_000) {
            throw new IllegalArgumentException("apdexT must be between 1 ms and 1 h, was " + apdexTMillis + " ms");
        }
        if (intervalMillis < 100 || intervalMillis > 3_600_000) {
            throw new IllegalArgumentException("interval must be between 100 ms and 1 h, was " + intervalMillis);
        }
        if (maxIntervals < 10 || maxIntervals > 10_000) {
            throw new IllegalArgumentException("maxIntervals must be between 10 and 10000, was " + maxIntervals);
        }
        if (topN < 1 || topN > 1000) {
            throw new IllegalArgumentException("topN must be between 1 and 1000, was " + topN);
        }
    }

    public static AggregationOptions defaults() {
        return new AggregationOptions(500, Optional.empty(), Optional.empty(), List.of(), 1000, 240, 10);
    }

    public AggregationOptions withApdexT(long millis) {
        return new AggregationOptions(millis, include, exclude, grouping, intervalMillis, maxIntervals, topN);
    }

    public AggregationOptions withInclude(String regex) {
        return new AggregationOptions(apdexTMillis, Optional.ofNullable(regex).map(Pattern::compile), exclude,
                grouping, intervalMillis, maxIntervals, topN);
    }

    public AggregationOptions withExclude(String regex) {
        return new AggregationOptions(apdexTMillis, include, Optional.ofNullable(regex).map(Pattern::compile),
                grouping, intervalMillis, maxIntervals, topN);
    }

    public AggregationOptions withGrouping(List<LabelRewrite> rules) {
        return new AggregationOptions(apdexTMillis, include, exclude, rules, intervalMillis, maxIntervals, topN);
    }

    public AggregationOptions withInterval(long millis, int max) {
        return new AggregationOptions(apdexTMillis, include, exclude, grouping, millis, max, topN);
    }

    public AggregationOptions withTopN(int n) {
        return new AggregationOptions(apdexTMillis, include, exclude, grouping, intervalMillis, maxIntervals, n);
    }

    /** The label a sample is counted under, or null when the filters drop it. */
    public String effectiveLabel(String label) {
        String result = label;
        for (LabelRewrite rule : grouping) {
            result = rule.apply(result);
        }
        if (include.isPresent() && !include.get().matcher(result).matches()) {
            return null;
        }
        if (exclude.isPresent() && exclude.get().matcher(result).matches()) {
            return null;
        }
        return result;
    }
}
