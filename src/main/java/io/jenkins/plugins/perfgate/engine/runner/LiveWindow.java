package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The live window of one machine's run (its last progress interval) as a machine-readable output line, for whoever
 * judges abort criteria over several machines (the Jenkins controller over its generator agents):
 * {@code [perfgate] window 5000 n 245 err 3 sum 14700 threads 4 h BASE64}. Windows of several machines merge
 * exactly (counts, sums and an HdrHistogram of the elapsed times, 3 significant digits) into one snapshot.
 *
 * @param windowMillis  the window's length
 * @param samples       samples that arrived in the window
 * @param errors        failed samples among them
 * @param sumMillis     the sum of their elapsed times
 * @param activeThreads the machine's active threads
 * @param encoded       the elapsed times' histogram, compressed and Base64-encoded (an immutable form)
 */
public record LiveWindow(long windowMillis, long samples, long errors, long sumMillis, int activeThreads,
        String encoded) {

    /** The start of a window line. */
    public static final String PREFIX = "[perfgate] window ";

    private static final Pattern LINE = Pattern.compile("^\\[perfgate\\] window (\\d{1,9}) n (\\d{1,18}) err (\\d{1,18})"
            + " sum (\\d{1,18}) threads (\\d{1,9}) h ([A-Za-z0-9+/=]{0,200000})$");

    /** The window of {@code elapsed} times (milliseconds) of which {@code errors} failed. */
    public static LiveWindow of(long windowMillis, long[] elapsed, long errors, int activeThreads) {
        Histogram h = LabelStats.newHistogram();
        long sum = 0;
        for (long e : elapsed) {
            h.recordValue(Math.max(0, e));
            sum += e;
        }
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int len = h.encodeIntoCompressedByteBuffer(buf);
        return new LiveWindow(windowMillis, elapsed.length, errors, sum, activeThreads,
                Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), len)));
    }

    /** The output line. */
    public String format() {
        return PREFIX + windowMillis + " n " + samples + " err " + errors + " sum " + sumMillis + " threads "
                + activeThreads + " h " + encoded;
    }

    /** The window a line holds; empty for any other line or one that does not decode. */
    public static Optional<LiveWindow> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LiveWindow w = new LiveWindow(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Integer.parseInt(m.group(5)), m.group(6));
            if (w.windowMillis() <= 0 || w.errors() > w.samples() || w.histogram().getTotalCount() != w.samples()) {
                return Optional.empty();
            }
            return Optional.of(w);
        } catch (DataFormatException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A fresh copy of the elapsed times' histogram. */
    public Histogram histogram() throws DataFormatException {
        Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)),
                0);
        Histogram auto = LabelStats.newHistogram();
        auto.add(h);
        return auto;
    }

    /**
     * The windows of several machines as one snapshot, for {@link AbortWatch}: throughputs add up, the error
     * percentage and mean are over all their samples, percentiles come from the merged histogram (within its 0.1 %
     * precision). Totals and per-generator counts are the windows' (the caller's progress shows the real totals).
     */
    public static LiveStats.Snapshot merge(List<LiveWindow> windows) {
        Histogram all = LabelStats.newHistogram();
        long n = 0;
        long errs = 0;
        long sum = 0;
        double rps = 0;
        int threads = 0;
        for (LiveWindow w : windows) {
            try {
                all.add(w.histogram());
            } catch (DataFormatException e) {
                throw new IllegalArgumentException("unreadable live window histogram", e);
            }
            n += w.samples();
            errs += w.errors();
            sum += w.sumMillis();
            rps += w.samples() * 1000.0 / w.windowMillis();
            threads += w.activeThreads();
        }
        boolean empty = n == 0;
        return new LiveStats.Snapshot(n, errs, n, rps, empty ? Double.NaN : 100.0 * errs / n,
                empty ? Double.NaN : (double) sum / n, empty ? Double.NaN : all.getValueAtPercentile(95),
                empty ? Double.NaN : all.getValueAtPercentile(99), threads, Map.of());
    }

    /** The figures an abort criterion reads, for messages: {@code rps 120.4, err 0.0%, p95 80 ms, ...}. */
    public static String describe(LiveStats.Snapshot s) {
        return String.format(Locale.ROOT, "rps %.1f, err %s, mean %s, p95 %s, p99 %s over %d samples",
                s.windowRps(), Double.isNaN(s.windowErrorPercent()) ? "-"
                        : String.format(Locale.ROOT, "%.1f%%", s.windowErrorPercent()), ms(s.windowAvg()),
                ms(s.windowP95()), ms(s.windowP99()), s.windowSamples());
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f ms", v);
    }
}
