package io.jenkins.plugins.perfgate.engine.results;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * What k6's two sample streams (CSV and JSON) have in common: one request is one {@code http_req_duration} point
 * (milliseconds, fractional), tagged with {@code name} (the URL unless the script names it), {@code status},
 * {@code expected_response} and {@code error}; k6 timestamps it when the request ends. Other metrics (checks, the
 * request phases, iterations, custom metrics) are not samples and are skipped. Not thread-safe: one per file.
 */
final class K6Samples {

    /** The metric whose points are requests. */
    static final String DURATION = "http_req_duration";

    private final Map<String, String> texts = new HashMap<>();

    /**
     * A sample from one request point, or null with {@code why} filled when a field is not what k6 writes.
     *
     * @param endMillis        when the request ended, epoch milliseconds
     * @param durationMillis   {@code http_req_duration}
     * @param expectedResponse the {@code expected_response} tag, empty when the file has none (k6 before 0.31)
     */
    Sample sample(long endMillis, double durationMillis, String name, String url, String status,
            String expectedResponse, String error, int vus) {
        long elapsed = Math.round(durationMillis);
        String label = !name.isEmpty() ? name : !url.isEmpty() ? url : DURATION; // a point without tags
        boolean success;
        if (expectedResponse.isEmpty()) {
            success = error.isEmpty() && status.length() == 3 && (status.charAt(0) == '2' || status.charAt(0) == '3');
        } else {
            success = expectedResponse.equals("true");
        }
        String failure = success ? "" : !error.isEmpty() ? error : "unexpected response status " + status;
        return new Sample(endMillis - elapsed, elapsed, intern(label), intern(status), "", "", success,
                intern(failure), 0, 0, vus, 0, 0);
    }

    private String intern(String s) {
        if (s.isEmpty() || texts.size() > 100_000) {
            return s;
        }
        return texts.computeIfAbsent(s, k -> k);
    }

    /**
     * A k6 timestamp in epoch milliseconds: an integer in seconds (k6's default), milliseconds, microseconds or
     * nanoseconds (told apart by size: any time after 1973 in one unit is before 1970 + 3000 years in the next), or
     * RFC 3339; {@link Long#MIN_VALUE} when it is neither.
     */
    static long millis(String text) {
        if (text.isEmpty()) {
            return Long.MIN_VALUE;
        }
        if (Character.isDigit(text.charAt(0)) && text.chars().allMatch(Character::isDigit) && text.length() < 20) {
            long v = Long.parseLong(text);
            if (v < 100_000_000_000L) {
                return v * 1000;
            } else if (v < 100_000_000_000_000L) {
                return v;
            } else if (v < 100_000_000_000_000_000L) {
                return v / 1000;
            }
            return v / 1_000_000;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }
}
