package io.jenkins.plugins.perfgate.engine.stats;

import io.jenkins.plugins.perfgate.engine.results.Sample;

/**
 * Mutable running totals of one label while a result file is read; {@link #toStats()} freezes them. Memory is
 * constant in the number of samples: histograms, a bounded series and bounded text tables.
 */
final class LabelAccumulator {

    /** Distinct texts tracked per table before further new texts are only counted as "others". */
    static final int MAX_DISTINCT_TEXTS = 1000;

    /**
     * Samples whose times are held back before they are recorded into the histograms together. 64: with thousands
     * of labels a flush misses the cache for each histogram and the series whatever the batch, so fewer flushes
     * pay (on 2,000 labels 8 cost 10-20 % more CPU than 16, 32 about 5 % less, 64 about 8 % less; 1.3 KB per label
     * and reading thread; docs/performance.md, "2,000 labels: fewer flushes").
     */
    static final int BATCH = 64;

    /** The messages of a label that has not failed: shared, never counted into (see {@link #failureMessages}). */
    private static final TextTally NO_MESSAGES = new TextTally(0);

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
    private final AdaptiveHistogram elapsed;
    private final AdaptiveHistogram latency;
    private final AdaptiveHistogram connect;
    private final TextTally codes = new TextTally(MAX_DISTINCT_TEXTS);
    /**
     * Failure messages: {@link #NO_MESSAGES} until the label's first failure (most labels never fail, and with
     * thousands of labels an empty tally each, per reading thread, was a few hundred kilobytes of the heap held).
     */
    private TextTally messages = NO_MESSAGES;
    private final IntervalSeries.Builder series;
    /** A {@link #union}'s elapsed, latency and connect histograms (its own three stay empty); null otherwise. */
    private final BucketSums[] sums;
    /**
     * Samples not yet in the histograms and the series, {@value #BATCH} at most: elapsed, latency and connect times
     * at {@code [0, BATCH)}, {@code [BATCH, 2 BATCH)}, {@code [2 BATCH, 3 BATCH)}, and active threads shifted left
     * by one with the failure bit at {@code [3 BATCH, 4 BATCH)}, times after {@link #batchStart} at
     * {@code [4 BATCH, 5 BATCH)} (ints: half the memory of a long array). With
     * thousands of labels a sample's label is rarely the previous one's, and recording into its histograms and
     * series one sample at a time missed the processor's cache several times a sample (over half the CPU with
     * 2,000 labels); a batch is recorded while they are in the cache. Also once the histograms are flat: a label
     * that switched to recording directly changed the path of {@link #add} a few hundred thousand rows into a
     * file, after the JIT had compiled it (and the reading loop) for the batched path only, which threw that code
     * away and compiled it again (docs/performance.md, "The JIT's work").
     */
    private final int[] pending = new int[5 * BATCH];
    private long batchStart;
    private int pendingCount;
    /** The response code of the last samples and how many in a row had it, not yet in {@link #codes}. */
    private String runCode;
    private long runLength;

    /** An accumulator whose histograms' dense counts come out of {@code budget} (see {@link AdaptiveHistogram}). */
    LabelAccumulator(String label, AggregationOptions options, AdaptiveHistogram.Budget budget) {
        this(label, options, budget, false);
    }

    private LabelAccumulator(String label, AggregationOptions options, AdaptiveHistogram.Budget budget,
            boolean union) {
        this.sums = union ? new BucketSums[] {new BucketSums(), new BucketSums(), new BucketSums()} : null;
        this.label = label;
        this.options = options;
        this.elapsed = new AdaptiveHistogram(budget);
        this.latency = new AdaptiveHistogram(budget);
        this.connect = new AdaptiveHistogram(budget);
        this.series = new IntervalSeries.Builder(options.intervalMillis(), options.maxIntervals());
    }

    /** Adds a sample whose Transaction Controller status the caller already knows. */
    void add(Sample s, boolean transactionParent) {
        add(s.timeStamp(), s.elapsed(), s.responseCode(), s.responseMessage(), s.success(), s.failureMessage(),
                s.bytes(), s.sentBytes(), s.allThreads(), s.latency(), s.connect(), transactionParent);
    }

    /** Adds a sample given by its figures (see {@link Sample}). */
    void add(long timeStamp, long elapsedMillis, String responseCode, String responseMessage, boolean success,
            String failureMessage, long bytes, long sentBytes, int allThreads, long latencyMillis,
            long connectMillis, boolean transactionParent) {
        long e = Math.max(0, elapsedMillis);
        count++;
        transactionController |= transactionParent;
        firstStart = Math.min(firstStart, timeStamp);
        lastEnd = Math.max(lastEnd, timeStamp + e);
        sumElapsed += e;
        sumSquares += (double) e * e;
        min = Math.min(min, e);
        max = Math.max(max, e);
        bytesReceived += Math.max(0, bytes);
        bytesSent += Math.max(0, sentBytes);
        long l = Math.max(0, latencyMillis);
        long c = Math.max(0, connectMillis);
        long sinceBatchStart = pendingCount == 0 ? 0 : timeStamp - batchStart;
        if ((e | l | c) <= Integer.MAX_VALUE && (allThreads << 1) >> 1 == allThreads
                && sinceBatchStart == (int) sinceBatchStart) {
            int n = pendingCount;
            if (n == 0) {
                batchStart = timeStamp;
            }
            pending[n] = (int) e;
            pending[BATCH + n] = (int) l;
            pending[2 * BATCH + n] = (int) c;
            pending[3 * BATCH + n] = allThreads << 1 | (success ? 0 : 1);
            pending[4 * BATCH + n] = (int) sinceBatchStart;
            pendingCount = n + 1;
            if (n + 1 == BATCH) {
                flush();
            }
        } else {
            elapsed.record(e);
            latency.record(l);
            connect.record(c);
            series.record(timeStamp, e, success, allThreads);
        }
        if (success) {
            // Apdex counts by sign bits, not tests: a response slower than T is rare in the first rows, and a test
            // the JIT saw always true there was compiled as a trap that threw this method away at the first slow
            // one (T is 1 ms to 1 h and e >= 0: no overflow)
            long t = options.apdexTMillis();
            long above = (t - e) >>> 63;
            satisfied += 1 - above;
            tolerating += above & (1 - ((4 * t - e) >>> 63));
        } else {
            errors++;
            String message = failureMessage == null || failureMessage.isEmpty() ? responseMessage : failureMessage;
            failureMessages().count(message == null || message.isEmpty() ? "(no message)" : message);
        }
        String code = responseCode == null ? "" : responseCode;
        if (code == runCode) {
            runLength++;
        } else {
            endCodeRun();
            runCode = code;
            runLength = 1;
        }
    }

    /** The label's own messages tally, made at its first failure. */
    private TextTally failureMessages() {
        TextTally m = messages;
        if (m == NO_MESSAGES) {
            m = new TextTally(MAX_DISTINCT_TEXTS);
            messages = m;
        }
        return m;
    }

    private void endCodeRun() {
        if (runLength > 0) {
            codes.count(runCode, runLength);
            runLength = 0;
        }
    }

    String label() {
        return label;
    }

    long count() {
        return count;
    }

    /** Records everything held back: the samples, and the current code run. */
    private void settle() {
        flush();
        endCodeRun();
    }

    /** Records the held-back samples into the series and the histograms. */
    private void flush() {
        int n = pendingCount;
        if (n > 0) {
            pendingCount = 0;
            for (int i = 0; i < n; i++) {
                int threadsAndFailure = pending[3 * BATCH + i];
                series.record(batchStart + pending[4 * BATCH + i], pending[i], (threadsAndFailure & 1) == 0, threadsAndFailure >> 1);
            }
            // after the series: the histograms may sort their part
            elapsed.recordAll(pending, 0, n);
            latency.recordAll(pending, BATCH, BATCH + n);
            connect.recordAll(pending, 2 * BATCH, 2 * BATCH + n);
        }
    }

    /**
     * Adds everything another accumulator holds (exact: sums, extremes, histograms, counts, series), thread counts
     * combined as {@code threads} says.
     */
    void addAll(LabelAccumulator o, IntervalSeries.ThreadsMerge threads) {
        addAll(o, threads, true);
    }

    /**
     * An accumulator of the union of others ({@link #addAllButSeries}) only, for the overall row: its histograms
     * are sums by bucket ({@link BucketSums}).
     */
    static LabelAccumulator union(String label, AggregationOptions options) {
        return new LabelAccumulator(label, options, new AdaptiveHistogram.Budget(0), true);
    }

    /**
     * Adds everything but the over-time series of another accumulator to a {@link #union}: the overall row's
     * series is recorded apart at full resolution ({@link #toStats(IntervalSeries)}), so that building and merging
     * each label's series into it would be thrown away.
     */
    void addAllButSeries(LabelAccumulator o) {
        addAll(o, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR, false);
    }

    private void addAll(LabelAccumulator o, IntervalSeries.ThreadsMerge threads, boolean withSeries) {
        if (o.count == 0) {
            return;
        }
        settle();
        o.settle();
        count += o.count;
        errors += o.errors;
        transactionController |= o.transactionController;
        firstStart = Math.min(firstStart, o.firstStart);
        lastEnd = Math.max(lastEnd, o.lastEnd);
        sumElapsed += o.sumElapsed;
        sumSquares += o.sumSquares;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        bytesReceived += o.bytesReceived;
        bytesSent += o.bytesSent;
        satisfied += o.satisfied;
        tolerating += o.tolerating;
        if (sums != null) {
            o.elapsed.forEachBucket(sums[0]::add);
            o.latency.forEachBucket(sums[1]::add);
            o.connect.forEachBucket(sums[2]::add);
        } else {
            elapsed.add(o.elapsed);
            latency.add(o.latency);
            connect.add(o.connect);
        }
        codes.addAll(o.codes);
        if (o.messages != NO_MESSAGES) {
            failureMessages().addAll(o.messages);
        }
        if (withSeries) {
            series.addAll(o.series.build(), threads);
        }
    }

    /** Lowers the bound on this label's over-time intervals (see {@link IntervalSeries.Builder#limit}). */
    void limitSeries(int maxIntervals) {
        series.limit(maxIntervals);
    }

    /** The over-time series so far. */
    IntervalSeries series() {
        settle();
        return series.build();
    }

    LabelStats toStats() {
        return toStats(series());
    }

    /** The figures frozen, with another over-time series (the same samples' with thread counts combined otherwise). */
    LabelStats toStats(IntervalSeries withSeries) {
        settle();
        return LabelStats.frozen(new LabelStats.Raw(label, transactionController, count, errors,
                count == 0 ? 0 : firstStart, count == 0 ? 0 : lastEnd, sumElapsed, sumSquares,
                count == 0 ? 0 : min, count == 0 ? 0 : max, bytesReceived, bytesSent, options.apdexTMillis(),
                satisfied, tolerating, null, null, null, codes.top(options.topN()), messages.top(options.topN()),
                withSeries), frozen(elapsed, 0), frozen(latency, 1), frozen(connect, 2));
    }

    private FrozenCounts frozen(AdaptiveHistogram h, int union) {
        return sums == null ? h.frozen() : sums[union].frozen();
    }
}
