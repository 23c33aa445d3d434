package io.jenkins.plugins.perfgate.engine.results;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures another load tool computed itself for one label, or for all requests, taken as the tool gives them
 * (k6 {@code --summary-export}, Locust {@code --csv}). Nothing is derived from them: a percentile the tool did not
 * export is absent, never estimated, and they are not merged with samples or with each other. Times in
 * milliseconds; {@link Double#NaN} (and {@code -1} for the counts) marks a figure the file does not give.
 *
 * @param label       the tool's name for the label ({@code GET /login} for Locust, the {@code name} tag for k6)
 * @param overall     whether these are the figures of all requests (Locust's {@code Aggregated} row, k6's
 *                    untagged metric)
 * @param count       requests, -1 when not given
 * @param errors      failed requests, -1 when not given
 * @param min         fastest response time
 * @param mean        average response time
 * @param max         slowest response time
 * @param percentiles the tool's percentiles by percent (50, 90, 95, 99.9...)
 * @param throughput  requests per second over the run as the tool computed it
 */
public record GivenFigures(String label, boolean overall, long count, long errors, double min, double mean,
        double max, Map<Double, Double> percentiles, double throughput) {

    public GivenFigures {
        Objects.requireNonNull(label);
        percentiles = Collections.unmodifiableMap(new TreeMap<>(percentiles));
    }
}
