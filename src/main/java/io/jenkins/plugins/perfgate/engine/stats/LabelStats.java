package io.jenkins.plugins.perfgate.engine.stats;

import java.util.Objects;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;

/**
 * Everything perfgate knows about one label of a run (or the whole run), in a form that merges exactly: raw sums,
 * counts and histograms are kept, figures are derived from them on demand. Immutable: the histograms are frozen counts
 * ({@link FrozenCounts}), shared by the statistics derived from these (callers get histograms of their own).
 */
public final class LabelStats {

    /** Significant digits of every histogram (HdrHistogram precision: 0.1 %). */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final String label;
    private final boolean transactionController;
    private final long count;
    private final long errors;
    private final long firstStart;
    private final long lastEnd;
    private final long sumElapsed;
    private final double sumSquaresElapsed;
    private final long minElapsed;
    private final long maxElapsed;
    private final long bytesReceived;
    private final long bytesSent;
    private final long apdexTMillis;
    private final long apdexSatisfied;
    private final long apdexTolerating;
    /** The histograms' counts, frozen ({@link FrozenCounts}: compact, and built, read and encoded by one scan). */
    private final FrozenCounts elapsed;
    private final FrozenCounts latency;
    private final FrozenCounts connect;
    private final CountTable responseCodes;
    private final CountTable failureMessages;
    private final IntervalSeries series;

    /** Raw figures of a label; see the getters for their meaning. */
    public record Raw(String label, boolean transactionController, long count, long errors, long firstStart,
            long lastEnd, long sumElapsed, double sumSquaresElapsed, long minElapsed, long maxElapsed,
            long bytesReceived, long bytesSent, long apdexTMillis, long apdexSatisfied, long apdexTolerating,
            Histogram elapsed, Histogram latency, Histogram connect, CountTable responseCodes,
            CountTable failureMessages, IntervalSeries series) {
    }

    public LabelStats(Raw raw) {
        this(raw, FrozenCounts.copyOf(raw.elapsed()), FrozenCounts.copyOf(raw.latency()),
                FrozenCounts.copyOf(raw.connect()));
    }

    /**
     * Statistics of the figures of {@code raw} (its histograms left aside: null will do) and these frozen counts.
     */
    static LabelStats frozen(Raw raw, FrozenCounts elapsed, FrozenCounts latency, FrozenCounts connect) {
        return new LabelStats(raw, elapsed, latency, connect);
    }

    private LabelStats(Raw raw, FrozenCounts elapsed, FrozenCounts latency, FrozenCounts connect) {
        this.label = Objects.requireNonNull(raw.label());
        this.transactionController = raw.transactionController();
        this.count = raw.count();
        this.errors = raw.errors();
        this.firstStart = raw.firstStart();
        this.lastEnd = raw.lastEnd();
        this.sumElapsed = raw.sumElapsed();
        this.sumSquaresElapsed = raw.sumSquaresElapsed();
        this.minElapsed = raw.minElapsed();
        this.maxElapsed = raw.maxElapsed();
        this.bytesReceived = raw.bytesReceived();
        this.bytesSent = raw.bytesSent();
        this.apdexTMillis = raw.apdexTMillis();
        this.apdexSatisfied = raw.apdexSatisfied();
        this.apdexTolerating = raw.apdexTolerating();
        this.elapsed = elapsed;
        this.latency = latency;
        this.connect = connect;
        this.responseCodes = raw.responseCodes();
        this.failureMessages = raw.failureMessages();
        this.series = raw.series();
    }

    /**
     * An empty histogram of perfgate's precision whose memory follows the values recorded: HdrHistogram's packed
     * form stores the occupied counts only (a label with a thousand samples costs a few hundred bytes, not the
     * tens of KB of a flat count array over its whole range), and it grows to any value.
     */
    public static Histogram newHistogram() {
        return new PackedHistogram(SIGNIFICANT_DIGITS);
    }

    /** A compact copy of any histogram of perfgate's precision (same counts). */
    public static Histogram compactCopy(AbstractHistogram source) {
        Histogram h = newHistogram();
        h.add(source);
        return h;
    }

    public Raw raw() {
        return new Raw(label, transactionController, count, errors, firstStart, lastEnd, sumElapsed,
                sumSquaresElapsed, minElapsed, maxElapsed, bytesReceived, bytesSent, apdexTMillis, apdexSatisfied,
                apdexTolerating, elapsed.toHistogram(), latency.toHistogram(), connect.toHistogram(), responseCodes,
                failureMessages, series);
    }

    /** Same figures under another label (used for the overall row). */
    public LabelStats withLabel(String newLabel) {
        // the frozen counts are immutable: shared, not copied
        return new LabelStats(figures(newLabel, firstStart, lastEnd, series), elapsed, latency, connect);
    }

    /**
     * The same figures on another clock's time axis: first start and last end moved by {@code millis}, the
     * over-time series by the nearest whole number of intervals ({@link IntervalSeries#shifted}).
     */
    public LabelStats shifted(long millis) {
        if (millis == 0 || count == 0) {
            return this;
        }
        return new LabelStats(figures(label, firstStart + millis, lastEnd + millis, series.shifted(millis)),
                elapsed, latency, connect);
    }

    /**
     * Exact union of two statistics of the same label: equal to summarising the concatenated samples
     * (response-code and message tables are exact while neither side left entries out).
     */
    public LabelStats merge(LabelStats o, int topN, int maxIntervals) {
        return merge(o, topN, maxIntervals, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
    }

    /**
     * Exact union as {@link #merge(LabelStats, int, int)}, with the over-time thread counts combined as
     * {@code threads} says (summed when the two come from different load generators).
     */
    public LabelStats merge(LabelStats o, int topN, int maxIntervals, IntervalSeries.ThreadsMerge threads) {
        if (o.count == 0) {
            return this;
        }
        if (count == 0) {
            return o.withLabel(label);
        }
        if (apdexTMillis != o.apdexTMillis) {
            throw new IllegalArgumentException("cannot merge statistics with different Apdex T: "
                    + apdexTMillis + " ms and " + o.apdexTMillis + " ms");
        }
        return new LabelStats(new Raw(label, transactionController || o.transactionController, count + o.count,
                errors + o.errors, Math.min(firstStart, o.firstStart), Math.max(lastEnd, o.lastEnd),
                sumElapsed + o.sumElapsed, sumSquaresElapsed + o.sumSquaresElapsed,
                Math.min(minElapsed, o.minElapsed), Math.max(maxElapsed, o.maxElapsed),
                bytesReceived + o.bytesReceived, bytesSent + o.bytesSent, apdexTMillis,
                apdexSatisfied + o.apdexSatisfied, apdexTolerating + o.apdexTolerating, null, null, null,
                responseCodes.merge(o.responseCodes, topN), failureMessages.merge(o.failureMessages, topN),
                series.merge(o.series, maxIntervals, threads)), elapsed.plus(o.elapsed), latency.plus(o.latency),
                connect.plus(o.connect));
    }

    /** These figures under another label, times and series, histograms left aside. */
    private Raw figures(String newLabel, long newFirstStart, long newLastEnd, IntervalSeries newSeries) {
        return new Raw(newLabel, transactionController, count, errors, newFirstStart, newLastEnd, sumElapsed,
                sumSquaresElapsed, minElapsed, maxElapsed, bytesReceived, bytesSent, apdexTMillis, apdexSatisfied,
                apdexTolerating, null, null, null, responseCodes, failureMessages, newSeries);
    }

    public String label() {
        return label;
    }

    /** Whether this label is a Transaction Controller parent (left out of the overall figures). */
    public boolean transactionController() {
        return transactionController;
    }

    public long count() {
        return count;
    }

    public long errors() {
        return errors;
    }

    public double errorPercent() {
        return count == 0 ? 0 : 100.0 * errors / count;
    }

    /** Earliest sample start, epoch ms. */
    public long firstStart() {
        return firstStart;
    }

    /** Latest sample end, epoch ms. */
    public long lastEnd() {
        return lastEnd;
    }

    /** Active window: first sample start to last sample end, at least 1 ms. */
    public long activeMillis() {
        return count == 0 ? 0 : Math.max(1, lastEnd - firstStart);
    }

    /** Samples per second over the active window (as JMeter's dashboard computes it). */
    public double throughput() {
        return count == 0 ? 0 : count * 1000.0 / activeMillis();
    }

    public long min() {
        return count == 0 ? 0 : minElapsed;
    }

    public long max() {
        return count == 0 ? 0 : maxElapsed;
    }

    public double mean() {
        return count == 0 ? 0 : (double) sumElapsed / count;
    }

    /** Population standard deviation of elapsed time. */
    public double standardDeviation() {
        if (count == 0) {
            return 0;
        }
        double m = mean();
        return Math.sqrt(Math.max(0, sumSquaresElapsed / count - m * m));
    }

    /** Nearest-rank percentile of elapsed time (within HdrHistogram's 0.1 % precision). */
    public long percentile(double p) {
        // HdrHistogram answers with the highest value equivalent to the rank's bucket; the true value is never
        // outside [min, max], so clamping only brings the answer closer (a lone 2204 ms sample reads 2204, not 2205)
        return count == 0 ? 0 : Math.max(minElapsed, Math.min(maxElapsed, elapsed.valueAtPercentile(p)));
    }

    /**
     * {@link #percentile} of each of {@code ps} (ascending), the same answers, found in one walk of the counts.
     */
    public long[] percentiles(double... ps) {
        long[] values = count == 0 ? new long[ps.length] : elapsed.valuesAtPercentiles(ps);
        if (count != 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.max(minElapsed, Math.min(maxElapsed, values[i]));
            }
        }
        return values;
    }

    public long latencyPercentile(double p) {
        return count == 0 ? 0 : latency.valueAtPercentile(p);
    }

    public long connectPercentile(double p) {
        return count == 0 ? 0 : connect.valueAtPercentile(p);
    }

    /** {@link #latencyPercentile} of each of {@code ps} (ascending), found in one walk of the counts. */
    public long[] latencyPercentiles(double... ps) {
        return count == 0 ? new long[ps.length] : latency.valuesAtPercentiles(ps);
    }

    /** {@link #connectPercentile} of each of {@code ps} (ascending), found in one walk of the counts. */
    public long[] connectPercentiles(double... ps) {
        return count == 0 ? new long[ps.length] : connect.valuesAtPercentiles(ps);
    }

    public long sumElapsed() {
        return sumElapsed;
    }

    public double sumSquaresElapsed() {
        return sumSquaresElapsed;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public double receivedBytesPerSecond() {
        return count == 0 ? 0 : bytesReceived * 1000.0 / activeMillis();
    }

    public double sentBytesPerSecond() {
        return count == 0 ? 0 : bytesSent * 1000.0 / activeMillis();
    }

    public long apdexTMillis() {
        return apdexTMillis;
    }

    public long apdexSatisfied() {
        return apdexSatisfied;
    }

    public long apdexTolerating() {
        return apdexTolerating;
    }

    /** Apdex score: (satisfied + tolerating / 2) / count; failed samples count as frustrated. */
    public double apdex() {
        return count == 0 ? 0 : (apdexSatisfied + apdexTolerating / 2.0) / count;
    }

    /** A copy of the elapsed-time histogram. */
    public Histogram elapsedHistogram() {
        return elapsed.toHistogram();
    }

    public Histogram latencyHistogram() {
        return latency.toHistogram();
    }

    public Histogram connectHistogram() {
        return connect.toHistogram();
    }

    /**
     * HdrHistogram's compressed encoding of the elapsed-time histogram, made without a copy (what
     * {@link #elapsedHistogram()}{@code .encodeIntoCompressedByteBuffer} gives, byte for byte).
     */
    public byte[] elapsedEncoded() {
        return HistogramEncoding.compressed(elapsed);
    }

    /** As {@link #elapsedEncoded()}, of the latency histogram. */
    public byte[] latencyEncoded() {
        return HistogramEncoding.compressed(latency);
    }

    /** As {@link #elapsedEncoded()}, of the connect-time histogram. */
    public byte[] connectEncoded() {
        return HistogramEncoding.compressed(connect);
    }

    public CountTable responseCodes() {
        return responseCodes;
    }

    public CountTable failureMessages() {
        return failureMessages;
    }

    public IntervalSeries series() {
        return series;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: n=%d err=%d p95=%d", label, count, errors, percentile(95));
    }
}
