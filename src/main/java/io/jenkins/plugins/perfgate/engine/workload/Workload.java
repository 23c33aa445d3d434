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

    /**
     * One endpoint and its share of the requests.
     *
     * @param name     method and grouped path, {@code GET /items/{id}}
     * @param requests requests of it
     * @param share    its share of all requests, 0..1
     * @param example  the first path seen for it ({@code /items/42}): a path a test can request; empty when it was
     *                 too long to keep
     */
    public record Endpoint(String name, long requests, double share, String example) {
    }

    public Workload {
        endpoints = List.copyOf(endpoints);
        problems = List.copyOf(problems);
    }
}
