package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.results.ReadProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A line every few seconds while result files are read (multi-gigabyte files take seconds to minutes): how much is
 * read, samples, speed, elapsed and time left. Short reads print nothing: the first line comes after one interval.
 */
final class ReadProgressLine implements AutoCloseable {

    private final ReadProgress progress;
    private final PrintWriter out;
    private final String prefix;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;

    /** Starts printing to {@code out} every {@code every}; nothing when it is zero. */
    ReadProgressLine(ReadProgress progress, PrintWriter out, String prefix, Duration every) {
        this.progress = progress;
        this.out = out;
        this.prefix = prefix;
        if (every.isZero()) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perfgate-read-progress");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, every.toMillis());
        timer.scheduleAtFixedRate(this::print, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void print() {
        out.println(line(progress, (System.nanoTime() - startNanos) / 1e9));
        out.flush();
    }

    /** The progress line after {@code seconds} of reading. */
    String line(ReadProgress p, double seconds) {
        long bytes = Math.min(p.bytes(), p.totalBytes());
        double rate = seconds > 0 ? bytes / seconds : 0;
        StringBuilder sb = new StringBuilder(prefix).append(String.format(Locale.ROOT, "%s of %s read (%.0f %%), "
                + "%,d samples, %s/s, %s", size(bytes), size(p.totalBytes()), 100 * p.fraction(), p.samples(),
                size((long) rate), seconds(seconds)));
        double left = rate > 0 ? (p.totalBytes() - bytes) / rate : 0;
        if (left >= 1) {
            sb.append(", about ").append(seconds(left)).append(" left");
        }
        return sb.toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, s < 10 ? "%.1f s" : "%.0f s", s);
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
