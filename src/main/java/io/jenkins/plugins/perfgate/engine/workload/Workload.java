package io.jenkins.plugins.perfgate.engine.workload;

import java.util.List;

/**
 * What access logs say about production traffic. Immutable.
 *
 * @param requests          requests read (malformed lines not counted)
 * @param endpoints         every endpoint told apart, most requested first
 * @param untracked         requests of endpoints beyond the ones told apart
 * @param malformed         lines that were not requests
 * @param problems          the first malformed lines, each {@code file:line: reason}
 * @param peakPerSecond     the most requests in one second
 * @param meanPerSecond     requests per second from the first to the last request
 * @param thinkTimeMillis   median gap between one client's consecutive requests (at most a minute apart)
 * @param thinkSamples      gaps measured
 */
public record Workload(long requests, List<Endpoint> endpoints, long untracked, long malformed, List<String> problems,
        long peakPerSecond, double meanPerSecond, long thinkTimeMillis, long thinkSamples) {

    /** One endpoint ({@code GET /items/{id}}) and its share of the requests. */
    public record Endpoint(String name, long requests, double share) {
    }

    public Workload {
        endpoints = List.copyOf(endpoints);
        problems = List.copyOf(problems);
    }
}
