package io.jenkins.plugins.perfgate.engine.runner;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running figures of a live run: totals since the start and a sliding window (the last progress interval) of the
 * samples as they arrive, for progress lines and abort criteria. Not thread-safe; the run loop owns it.
 */
public final class LiveStats {

    /** What one progress line shows. */
    public record Snapshot(long samples, long errors, long windowSamples, double windowRps, double windowErrorPercent,
            double windowAvg, double windowP95, double windowP99, int activeThreads,
            Map<String, Long> samplesByGenerator) {

        public double errorPercent() {
            return samples == 0 ? 0 : 100.0 * errors / samples;
        }
    }

    private record Entry(long arrivedMillis, long elapsed, boolean success) {
    }

    private final long windowMillis;
    private final Deque<Entry> window = new ArrayDeque<>();
    private final Map<String, Long> samplesByGenerator = new LinkedHashMap<>();
    private final Map<String, Integer> threadsByGenerator = new LinkedHashMap<>();
    private long samples;
    private long errors;

    public LiveStats(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Registers a generator so it shows even before its first sample. */
    public void generator(String id) {
        samplesByGenerator.putIfAbsent(id, 0L);
    }

    public void add(String generator, long nowMillis, JtlTail.Row row) {
        samples++;
        if (!row.success()) {
            errors++;
        }
        samplesByGenerator.merge(generator, 1L, Long::sum);
        threadsByGenerator.put(generator, row.allThreads());
        window.addLast(new Entry(nowMillis, row.elapsed(), row.success()));
    }

    /** Marks a generator as having no active threads (it ended). */
    public void ended(String generator) {
        threadsByGenerator.put(generator, 0);
    }

    public Snapshot snapshot(long nowMillis) {
        trim(nowMillis);
        long n = window.size();
        long[] elapsed = new long[(int) n];
        long errs = 0;
        long sum = 0;
        int i = 0;
        for (Entry e : window) {
            elapsed[i++] = e.elapsed();
            sum += e.elapsed();
            if (!e.success()) {
                errs++;
            }
        }
        Arrays.sort(elapsed);
        int threads = threadsByGenerator.values().stream().mapToInt(Integer::intValue).sum();
        return new Snapshot(samples, errors, n, n * 1000.0 / windowMillis, n == 0 ? Double.NaN : 100.0 * errs / n,
                n == 0 ? Double.NaN : (double) sum / n, percentile(elapsed, 95), percentile(elapsed, 99), threads,
                Map.copyOf(samplesByGenerator));
    }

    /** The window as it crosses processes: for abort criteria judged over several machines ({@link LiveWindow}). */
    public LiveWindow window(long nowMillis) {
        trim(nowMillis);
        long[] elapsed = new long[window.size()];
        long errs = 0;
        int i = 0;
        for (Entry e : window) {
            elapsed[i++] = e.elapsed();
            if (!e.success()) {
                errs++;
            }
        }
        int threads = threadsByGenerator.values().stream().mapToInt(Integer::intValue).sum();
        return LiveWindow.of(windowMillis, elapsed, errs, threads);
    }

    private void trim(long nowMillis) {
        while (!window.isEmpty() && window.peekFirst().arrivedMillis() <= nowMillis - windowMillis) {
            window.removeFirst();
        }
    }

    /** Nearest-rank percentile; NaN when empty. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
