package io.jenkins.plugins.perfgate.engine.stats;

import io.jenkins.plugins.perfgate.engine.results.Sample;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Mutable running totals of one label while a result file is read; {@link #toStats()} freezes them. Memory is
 * constant in the number of samples: histograms, a bounded series and bounded text tables.
 */
final class LabelAccumulator {

    /** Distinct texts tracked per table before further new texts are only counted as "others". */
    static final int MAX_DISTINCT_TEXTS = 1000;

    private final String label;
    private final AggregationOptions options;
    private boolean transactionController;
    private long count;
    private long errors;
    private long firstStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;
    private long sumElapsed;
    private double sumSquares;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private long bytesReceived;
    private long bytesSent;
    private long satisfied;
    private long tolerating;
    private final Histogram elapsed = LabelStats.newHistogram();
    private final Histogram latency = LabelStats.newHistogram();
    private final Histogram connect = LabelStats.newHistogram();
    private final Map<String, Long> codes = new HashMap<>();
    private long otherCodes;
    private final Map<String, Long> messages = new HashMap<>();
    private long otherMessages;
    private final IntervalSeries.Builder series;

    LabelAccumulator(String label, AggregationOptions options) {
        this.label = label;
        this.options = options;
        this.series = new IntervalSeries.Builder(options.intervalMillis(), options.maxIntervals());
    }

    void add(Sample s) {
        long e = Math.max(0, s.elapsed());
        count++;
        transactionController |= s.transactionParent();
        firstStart = Math.min(firstStart, s.timeStamp());
        lastEnd = Math.max(lastEnd, s.timeStamp() + e);
        sumElapsed += e;
        sumSquares += (double) e * e;
        min = Math.min(min, e);
        max = Math.max(max, e);
        bytesReceived += Math.max(0, s.bytes());
        bytesSent += Math.max(0, s.sentBytes());
        elapsed.recordValue(e);
        latency.recordValue(Math.max(0, s.latency()));
        connect.recordValue(Math.max(0, s.connect()));
        if (s.success()) {
            if (e <= options.apdexTMillis()) {
                satisfied++;
            } else if (e <= 4 * options.apdexTMillis()) {
                tolerating++;
            }
        } else {
            errors++;
            String message = s.failureMessage() == null || s.failureMessage().isEmpty()
                    ? s.responseMessage() : s.failureMessage();
            if (!countText(messages, message == null || message.isEmpty() ? "(no message)" : message)) {
                otherMessages++;
            }
        }
        if (!countText(codes, s.responseCode() == null ? "" : s.responseCode())) {
            otherCodes++;
        }
        series.record(s.timeStamp(), e, s.success(), s.allThreads());
    }

    private static boolean countText(Map<String, Long> table, String text) {
        Long n = table.get(text);
        if (n != null) {
            table.put(text, n + 1);
            return true;
        }
        if (table.size() >= MAX_DISTINCT_TEXTS) {
            return false;
        }
        table.put(text, 1L);
        return true;
    }

    long count() {
        return count;
    }

    LabelStats toStats() {
        return new LabelStats(new LabelStats.Raw(label, transactionController, count, errors,
                count == 0 ? 0 : firstStart, count == 0 ? 0 : lastEnd, sumElapsed, sumSquares,
                count == 0 ? 0 : min, count == 0 ? 0 : max, bytesReceived, bytesSent, options.apdexTMillis(),
                satisfied, tolerating, elapsed, latency, connect,
                CountTable.top(codes, otherCodes, options.topN()),
                CountTable.top(messages, otherMessages, options.topN()), series.build()));
    }
}
