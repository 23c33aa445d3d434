package io.jenkins.plugins.perfgate.engine.workload;

import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads access logs line by line in constant memory and accumulates what a workload needs: requests per endpoint
 * ({@code GET /items/{id}}: IDs in paths grouped by {@link AggregationOptions.LabelRewrite#pathIds()}), requests per
 * second (peak and mean), and the think time of clients (the gap between one client's consecutive requests). Memory
 * is bounded whatever the log's size: at most {@value #MAX_ENDPOINTS} endpoints are told apart (the rest counted as
 * left out), at most {@value #MAX_CLIENTS} clients remembered (least recently seen forgotten), think times in a fixed
 * histogram, and only the last {@value #WINDOW_SECONDS} seconds' counts kept for the peak (logs are written in time
 * order; a line older than that window still counts for the mix and the mean).
 */
public final class WorkloadAnalysis {

    static final int MAX_ENDPOINTS = 10_000;
    static final int MAX_CLIENTS = 100_000;
    static final int WINDOW_SECONDS = 120;
    /** Malformed lines quoted in the report (all are counted). */
    static final int QUOTED_PROBLEMS = 20;
    /** Gaps longer than this are a new visit, not think time. */
    static final long MAX_THINK_MILLIS = 60_000;
    private static final int THINK_BUCKET_MILLIS = 10;
    /** Longer example paths are not kept (10 000 endpoints stay within a few MB). */
    static final int MAX_EXAMPLE_CHARS = 512;

    private final AggregationOptions.LabelRewrite ids = AggregationOptions.LabelRewrite.pathIds();
    private final Map<String, Count> endpoints = new HashMap<>();
    private long untracked;
    private long requests;
    private long malformed;
    private final List<String> problems = new ArrayList<>();
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private final TreeMap<Long, long[]> seconds = new TreeMap<>();
    private long peak;
    private final LinkedHashMap<String, Long> clients = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_CLIENTS;
        }
    };
    private final long[] thinkHistogram = new long[(int) (MAX_THINK_MILLIS / THINK_BUCKET_MILLIS) + 1];
    private long thinkGaps;

    /** Reads one log file (gzip recognised by its first bytes), line by line. */
    public void read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                BufferedReader r = new BufferedReader(new InputStreamReader(gunzipIfNeeded(raw),
                        StandardCharsets.UTF_8))) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                accept(file.getFileName() + ":" + n, line);
            }
        }
    }

    private static InputStream gunzipIfNeeded(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** One line; {@code where} ({@code access.log:12}) names it when it is malformed. */
    public void accept(String where, String line) {
        if (line.isBlank()) {
            return;
        }
        AccessLogLine req;
        try {
            req = AccessLogLine.parse(line);
        } catch (IllegalArgumentException e) {
            malformed++;
            if (problems.size() < QUOTED_PROBLEMS) {
                problems.add(where + ": " + e.getMessage());
            }
            return;
        }
        requests++;
        String key = req.method() + " " + ids.apply(req.path());
        Count count = endpoints.get(key);
        if (count == null && endpoints.size() < MAX_ENDPOINTS) {
            count = new Count(req.path());
            endpoints.put(key, count);
        }
        if (count == null) {
            untracked++;
        } else {
            count.n++;
        }
        long t = req.timeMillis();
        first = Math.min(first, t);
        last = Math.max(last, t);
        countSecond(t / 1000);
        Long before = clients.put(req.client() + " " + req.userAgent(), t);
        if (before != null && t > before && t - before <= MAX_THINK_MILLIS) {
            thinkHistogram[(int) ((t - before) / THINK_BUCKET_MILLIS)]++;
            thinkGaps++;
        }
    }

    private void countSecond(long second) {
        if (!seconds.isEmpty() && second < seconds.firstKey() && seconds.size() >= WINDOW_SECONDS) {
            return; // older than the window: its second was already closed
        }
        seconds.computeIfAbsent(second, s -> new long[1])[0]++;
        while (seconds.size() > WINDOW_SECONDS) {
            peak = Math.max(peak, seconds.pollFirstEntry().getValue()[0]);
        }
    }

    /** What was read so far. */
    public Workload result() {
        long peakNow = peak;
        for (long[] c : seconds.values()) {
            peakNow = Math.max(peakNow, c[0]);
        }
        List<Workload.Endpoint> list = new ArrayList<>();
        endpoints.forEach((k, v) -> list.add(new Workload.Endpoint(k, v.n, requests == 0 ? 0 : (double) v.n
                / requests, v.example)));
        list.sort(Comparator.comparingLong(Workload.Endpoint::requests).reversed()
                .thenComparing(Workload.Endpoint::name));
        double spanSeconds = requests == 0 ? 0 : Math.max(1, (last - first) / 1000.0 + 1);
        return new Workload(requests, list, untracked, malformed, problems, peakNow,
                requests == 0 ? 0 : requests / spanSeconds, medianThinkMillis(), thinkGaps);
    }

    private long medianThinkMillis() {
        if (thinkGaps == 0) {
            return 0;
        }
        long seen = 0;
        for (int i = 0; i < thinkHistogram.length; i++) {
            seen += thinkHistogram[i];
            if (seen * 2 >= thinkGaps) {
                return (long) i * THINK_BUCKET_MILLIS + THINK_BUCKET_MILLIS / 2;
            }
        }
        return MAX_THINK_MILLIS;
    }

    /** Requests of one endpoint and the first path seen for it, when short enough to keep memory bounded. */
    private static final class Count {
        private final String example;
        private long n;

        Count(String path) {
            this.example = path.length() > MAX_EXAMPLE_CHARS ? "" : path;
        }
    }
}
