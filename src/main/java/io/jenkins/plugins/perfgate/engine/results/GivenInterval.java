package io.jenkins.plugins.perfgate.engine.results;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One point of another tool's own series over time (a Locust {@code _stats_history.csv} row): rates and
 * percentiles over the tool's recent window (Locust: the last 10 seconds), the running totals, the users then.
 * Figures are as given; {@link Double#NaN} and {@code -1} mark what the row leaves empty ({@code N/A}).
 *
 * @param timeMillis        when the tool wrote the row, epoch milliseconds
 * @param label             as in {@link GivenFigures#label()}
 * @param overall           whether the row is of all requests
 * @param users             active users, -1 when not given
 * @param requestsPerSecond requests per second over the tool's window
 * @param failuresPerSecond failures per second over the tool's window
 * @param percentiles       response time percentiles over the tool's window, by percent
 * @param totalCount        requests since the start, -1 when not given
 * @param totalErrors       failures since the start, -1 when not given
 */
public record GivenInterval(long timeMillis, String label, boolean overall, int users, double requestsPerSecond,
        double failuresPerSecond, Map<Double, Double> percentiles, long totalCount, long totalErrors) {

    public GivenInterval {
        Objects.requireNonNull(label);
        percentiles = Collections.unmodifiableMap(new TreeMap<>(percentiles));
    }

    /** The same point on another clock's axis. */
    public GivenInterval shifted(long millis) {
        return new GivenInterval(timeMillis + millis, label, overall, users, requestsPerSecond, failuresPerSecond,
                percentiles, totalCount, totalErrors);
    }
}
