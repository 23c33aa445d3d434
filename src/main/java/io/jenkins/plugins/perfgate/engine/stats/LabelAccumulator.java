package io.jenkins.plugins.perfgate.engine.stats;

import io.jenkins.plugins.perfgate.engine.results.Sample;

/**
 * Mutable running totals of one label while a result file is read; {@link #toStats()} freezes them. Memory is
 * constant in the number of samples: histograms, a bounded series and bounded text tables.
 */
final class LabelAccumulator {

    /** Distinct texts tracked per table before further new texts are only counted as "others". */
    static final int MAX_DISTINCT_TEXTS = 1000;

    /** Samples whose times are held back before they are recorded into the histograms together. */
    static final int BATCH = 16;

    /** Ints a held-back sample takes in {@link #pending}. */
    private static final int STRIDE = 5;

    /** Where {@link #flush} lays out a batch's elapsed, latency and connect times by kind, in {@link #pending}. */
    private static final int SPLIT = STRIDE * BATCH;

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
     * Samples not yet in the histograms, the series and the totals of their times, {@value #BATCH} at most, each in
     * {@value #STRIDE} ints one after the other: elapsed, latency and connect times, active threads shifted left by
     * one with the failure bit, time after {@link #batchStart} (ints: 1.6 MB less with 2,000 labels in two threads
     * than a long array). With thousands of labels a sample's label is rarely the previous one's, and recording into
     * its histograms and series one sample at a time missed the processor's cache several times a sample (over half
     * the CPU with 2,000 labels); a batch is recorded while they are in the cache. A sample writes one slice of
     * {@value #STRIDE} ints and few fields (its sums, extremes and Apdex counts are taken at {@link #flush}): a
     * cache line or two, where a layout by kind (all elapsed times, then all latencies...) wrote five. From
     * {@link #SPLIT} on, {@link #flush} lays the batch's three times out by kind for the histograms. Also once the
     * histograms are flat: a label that switched to recording directly changed the path of {@link #add} a few
     * hundred thousand rows into a file, after the JIT had compiled it (and the reading loop) for the batched path
     * only, which threw that code away and compiled it again (docs/performance.md, "The JIT's work").
     */
    private final int[] pending = new int[SPLIT + 3 * BATCH];
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
        bytesReceived += Math.max(0, bytes);
        bytesSent += Math.max(0, sentBytes);
        long l = Math.max(0, latencyMillis);
        long c = Math.max(0, connectMillis);
        int n = pendingCount;
        long sinceBatchStart = n == 0 ? 0 : timeStamp - batchStart;
        if ((e | l | c) <= Integer.MAX_VALUE && (allThreads << 1) >> 1 == allThreads
                && sinceBatchStart == (int) sinceBatchStart) {
            if (n == 0) {
                batchStart = timeStamp;
            }
            int[] p = pending;
            int at = STRIDE * n;
            p[at] = (int) e;
            p[at + 1] = (int) l;
            p[at + 2] = (int) c;
            p[at + 3] = allThreads << 1 | (success ? 0 : 1);
            p[at + 4] = (int) sinceBatchStart;
            pendingCount = n + 1;
            if (n + 1 == BATCH) {
                flush();
            }
        } else {
            flush(); // first: the sums (of doubles too) are taken in the order of the samples
            addTotals(timeStamp, e, success);
            elapsed.record(e);
            latency.record(l);
            connect.record(c);
            series.record(timeStamp, e, success, allThreads);
        }
        if (!success) {
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

    /** The totals of one sample's times: sums, extremes, first start and last end, Apdex counts. */
    private void addTotals(long timeStamp, long e, boolean success) {
        firstStart = Math.min(firstStart, timeStamp);
        lastEnd = Math.max(lastEnd, timeStamp + e);
        sumElapsed += e;
        sumSquares += (double) e * e;
        min = Math.min(min, e);
        max = Math.max(max, e);
        if (success) {
            long t = options.apdexTMillis();
            long above = (t - e) >>> 63;
            satisfied += 1 - above;
            tolerating += above & (1 - ((4 * t - e) >>> 63));
        }
    }

    /** Records the held-back samples into the totals, the series and the histograms. */
    private void flush() {
        int n = pendingCount;
        if (n > 0) {
            pendingCount = 0;
            int[] p = pending;
            long start = batchStart;
            // Apdex counts by sign bits, not tests: a response slower than T is rare in the first rows, and a test
            // the JIT saw always true there was compiled as a trap that threw this method away at the first slow
            // one (T is 1 ms to 1 h and e >= 0: no overflow)
            long t = options.apdexTMillis();
            long first = firstStart;
            long last = lastEnd;
            long sum = sumElapsed;
            double squares = sumSquares;
            long lowest = min;
            long highest = max;
            long fast = satisfied;
            long slow = tolerating;
            for (int i = 0; i < n; i++) {
                int at = STRIDE * i;
                int e = p[at];
                int threadsAndFailure = p[at + 3];
                long timeStamp = start + p[at + 4];
                series.record(timeStamp, e, (threadsAndFailure & 1) == 0, threadsAndFailure >> 1);
                first = Math.min(first, timeStamp);
                last = Math.max(last, timeStamp + e);
                sum += e;
                squares += (double) e * e;
                lowest = Math.min(lowest, e);
                highest = Math.max(highest, e);
                long ok = 1 - (threadsAndFailure & 1);
                long above = (t - e) >>> 63;
                fast += ok & (1 - above);
                slow += ok & above & (1 - ((4 * t - e) >>> 63));
                p[SPLIT + i] = e;
                p[SPLIT + BATCH + i] = p[at + 1];
                p[SPLIT + 2 * BATCH + i] = p[at + 2];
            }
            firstStart = first;
            lastEnd = last;
            sumElapsed = sum;
            sumSquares = squares;
            min = lowest;
            max = highest;
            satisfied = fast;
            tolerating = slow;
            // after the series: the histograms may sort their part
            elapsed.recordAll(p, SPLIT, SPLIT + n);
            latency.recordAll(p, SPLIT + BATCH, SPLIT + BATCH + n);
            connect.recordAll(p, SPLIT + 2 * BATCH, SPLIT + 2 * BATCH + n);
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
