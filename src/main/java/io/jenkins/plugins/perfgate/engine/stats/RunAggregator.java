package io.jenkins.plugins.perfgate.engine.stats;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import io.jenkins.plugins.perfgate.engine.results.Sample;
import io.jenkins.plugins.perfgate.engine.results.FieldSink;
import io.jenkins.plugins.perfgate.engine.results.PhaseTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises a stream of samples per label and overall, in memory bounded by the number of labels. As JMeter's
 * dashboard does, Transaction Controller parents keep their own label row but stay out of the overall figures.
 * Not thread-safe: use one per reader and merge the results ({@link Aggregate#merge}).
 */
public final class RunAggregator implements FieldSink {

    /** Distinct labels tracked before further new labels are refused (a guard against unbounded label sets). */
    public static final int MAX_LABELS = 5000;

    /**
     * Intervals of over-time series held for all labels together: up to {@value} / maxIntervals labels (50 by
     * default) each keep a series of the full resolution; beyond, every label's series is widened so that the
     * labels together hold about this many intervals (but at least {@link #MIN_LABEL_INTERVALS} each). The overall
     * row's series always has the full resolution. This keeps memory and summary size bounded with thousands of
     * labels: a label's series costs a few hundred bytes per interval (a latency sketch each), in memory and in the
     * summary.
     */
    public static final int LABEL_SERIES_BUDGET = 12_000;

    /** Fewest intervals a label's series is bounded to. */
    public static final int MIN_LABEL_INTERVALS = 4;

    private final AggregationOptions options;
    /** No grouping and no filters: labels need no rewriting (the common case, kept off the per-sample path). */
    private final boolean labelsAsTheyAre;
    private final Map<String, Row> labels = new HashMap<>();
    /**
     * The rows' {@code counted} accumulators, found faster per sample: the accumulator itself, not its row, so that
     * a sample reaches it with one object less on the way (transaction parents, rarer, find their row in
     * {@link #labels}).
     */
    private final LabelRows<LabelAccumulator> countedTable = new LabelRows<>();
    /**
     * The {@code counted} accumulators by the reader's label number ({@link FieldSink}): the reader's label String
     * at {@code 2n}, its accumulator at {@code 2n + 1}. Found by index and checked by identity, the String itself is
     * not read: with thousands of labels, hashing it ({@link #countedTable}) missed the processor's cache once a
     * sample. Another reader's numbers (files read one after another) only make a slot miss and be taken over.
     */
    private Object[] byNumber = new Object[0];
    /** Dense histogram counts all labels of this aggregator may hold (see {@link AdaptiveHistogram}). */
    private final AdaptiveHistogram.Budget denseBudget = AdaptiveHistogram.Budget.forHeap();
    private long droppedByFilter;
    private long droppedOverLabelLimit;
    /**
     * The overall row's over-time series, recorded from every counted sample at full resolution whatever the
     * number of labels; once several generators' samples were added, thread counts are the sum over generators
     * of each generator's maximum.
     */
    private final IntervalSeries.Builder overallSeries;
    /** The bound on each label's intervals now (lowered as labels come: {@link #LABEL_SERIES_BUDGET}). */
    private int labelSeriesIntervals;

    /**
     * One label's samples, kept apart by kind: the overall row is the union of every label's {@code counted} part,
     * computed when asked for, so each sample is aggregated once rather than twice (label and overall).
     */
    private static final class Row {
        final LabelAccumulator counted;
        LabelAccumulator transactionParents;

        private final AggregationOptions options;
        private final AdaptiveHistogram.Budget budget;
        private int seriesIntervals;

        Row(String label, AggregationOptions options, AdaptiveHistogram.Budget budget) {
            this.options = options;
            this.budget = budget;
            this.seriesIntervals = options.maxIntervals();
            counted = new LabelAccumulator(label, options, budget);
        }

        LabelAccumulator parents(String label) {
            if (transactionParents == null) {
                transactionParents = new LabelAccumulator(label, options, budget);
                transactionParents.limitSeries(seriesIntervals);
            }
            return transactionParents;
        }

        void limitSeries(int max) {
            seriesIntervals = Math.min(seriesIntervals, max);
            counted.limitSeries(seriesIntervals);
            if (transactionParents != null) {
                transactionParents.limitSeries(seriesIntervals);
            }
        }
    }

    public RunAggregator(AggregationOptions options) {
        this.options = options;
        this.labelsAsTheyAre = options.grouping().isEmpty() && options.include().isEmpty()
                && options.exclude().isEmpty();
        this.overallSeries = new IntervalSeries.Builder(options.intervalMillis(), options.maxIntervals());
        this.labelSeriesIntervals = options.maxIntervals();
    }

    /** The bound on one label's intervals when there are {@code labelCount} labels. */
    public static int labelSeriesIntervals(int maxIntervals, int labelCount) {
        return Math.min(maxIntervals, Math.max(MIN_LABEL_INTERVALS, LABEL_SERIES_BUDGET / Math.max(1, labelCount)));
    }

    /** A new row, the labels' series bound lowered when the labels' number calls for it. */
    private Row newRow(String label) {
        Row row = new Row(label, options, denseBudget);
        labels.put(label, row);
        countedTable.put(label, row.counted);
        int wanted = labelSeriesIntervals(options.maxIntervals(), labels.size());
        // lowered for all rows once it halved, so that adding labels one by one costs log(labels) passes
        if (wanted <= labelSeriesIntervals / 2 || wanted == MIN_LABEL_INTERVALS && labelSeriesIntervals > wanted) {
            labelSeriesIntervals = wanted;
            for (Row r : labels.values()) {
                r.limitSeries(wanted);
            }
        } else {
            row.limitSeries(labelSeriesIntervals);
        }
        return row;
    }

    @Override
    public void accept(Sample s) {
        accept(s.timeStamp(), s.elapsed(), s.label(), s.responseCode(), s.responseMessage(), s.success(),
                s.failureMessage(), s.bytes(), s.sentBytes(), s.allThreads(), s.latency(), s.connect());
    }

    @Override
    public void accept(long timeStamp, long elapsed, String sampleLabel, String responseCode,
            String responseMessage, boolean success, String failureMessage, long bytes, long sentBytes,
            int allThreads, long latency, long connect) {
        accept(timeStamp, elapsed, sampleLabel, -1, responseCode, responseMessage, success, failureMessage, bytes,
                sentBytes, allThreads, latency, connect);
    }

    @Override
    @SuppressFBWarnings(value = "ES_COMPARING_PARAMETER_STRING_WITH_EQ",
            justification = "identity on purpose: a label number finds its slot only with the very String it was "
                    + "kept with (another reader's number falls back to the label's lookup by equality)")
    public void accept(long timeStamp, long elapsed, String sampleLabel, int labelNumber, String responseCode,
            String responseMessage, boolean success, String failureMessage, long bytes, long sentBytes,
            int allThreads, long latency, long connect) {
        Object[] numbered = byNumber;
        int at = 2 * labelNumber;
        LabelAccumulator counted;
        if (at >= 0 && at < numbered.length && numbered[at] == sampleLabel) {
            counted = (LabelAccumulator) numbered[at + 1];
        } else {
            counted = counted(sampleLabel, labelNumber);
            if (counted == null) {
                return;
            }
        }
        if (responseMessage != null && responseMessage.startsWith(Sample.TRANSACTION_MESSAGE_PREFIX)) {
            String label = counted.label();
            labels.get(label).parents(label).add(timeStamp, elapsed, responseCode, responseMessage, success,
                    failureMessage, bytes, sentBytes, allThreads, latency, connect, true);
        } else {
            counted.add(timeStamp, elapsed, responseCode, responseMessage, success, failureMessage, bytes,
                    sentBytes, allThreads, latency, connect, false);
            overallSeries.record(timeStamp, Math.max(0, elapsed), success, allThreads);
        }
    }

    /**
     * The accumulator of a sample's label found by the label (and kept under its number when it has one), or null
     * when the sample is left out (filters, label limit), which is counted here.
     */
    private LabelAccumulator counted(String sampleLabel, int labelNumber) {
        String label = labelsAsTheyAre ? sampleLabel : options.effectiveLabel(sampleLabel);
        if (label == null) {
            droppedByFilter++;
            return null;
        }
        LabelAccumulator counted = countedTable.get(label);
        if (counted == null) {
            if (labels.size() >= MAX_LABELS) {
                droppedOverLabelLimit++;
                return null;
            }
            counted = newRow(label).counted;
        }
        if (labelNumber >= 0) {
            int at = 2 * labelNumber;
            if (at >= byNumber.length) {
                byNumber = Arrays.copyOf(byNumber, Math.max(at + 2, 2 * byNumber.length));
            }
            byNumber[at] = sampleLabel;
            byNumber[at + 1] = counted;
        }
        return counted;
    }

    public AggregationOptions options() {
        return options;
    }

    /**
     * Adds everything another aggregator (same options) has seen of the same load generator, e.g. another part of
     * the same file. Exact, and unlike merging frozen {@link Aggregate}s it keeps response codes and messages
     * beyond the top N.
     */
    public void addAll(RunAggregator other) {
        addAll(other, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
    }

    /**
     * Adds everything another aggregator (same options) has seen, with the over-time thread counts combined as
     * {@code threads} says: {@link IntervalSeries.ThreadsMerge#SUM_ACROSS_GENERATORS} when {@code other} holds
     * other load generators' samples than this one. The overall row's threads are then the sum of each side's
     * overall maximum (a generator's threads count once however many labels it ran).
     */
    public void addAll(RunAggregator other, IntervalSeries.ThreadsMerge threads) {
        // beyond MAX_LABELS the other side's series may hold samples of labels left out here: the run is then
        // INCOMPLETE anyway (Summarizer), and its over-time chart shows the samples read rather than those kept
        overallSeries.addAll(other.overallSeries.build(), threads);
        droppedByFilter += other.droppedByFilter;
        droppedOverLabelLimit += other.droppedOverLabelLimit;
        for (Map.Entry<String, Row> e : other.labels.entrySet()) {
            Row theirs = e.getValue();
            Row row = labels.get(e.getKey());
            if (row == null) {
                if (labels.size() >= MAX_LABELS) {
                    droppedOverLabelLimit += theirs.counted.count()
                            + (theirs.transactionParents == null ? 0 : theirs.transactionParents.count());
                    continue;
                }
                row = newRow(e.getKey());
            }
            row.counted.addAll(theirs.counted, threads);
            if (theirs.transactionParents != null) {
                row.parents(e.getKey()).addAll(theirs.transactionParents, threads);
            }
        }
    }

    /**
     * The figures so far, frozen. The labels' over-time series are first widened to their share of
     * {@link #LABEL_SERIES_BUDGET} (exact: as if recorded at that width), so a summary does not depend on the order
     * in which labels came.
     */
    public Aggregate aggregate() {
        List<String> names = new ArrayList<>(labels.keySet());
        names.sort(Comparator.naturalOrder());
        List<LabelStats> rows = new ArrayList<>(labels.size());
        LabelAccumulator overall = LabelAccumulator.union(OverallRow.LABEL, options);
        // while reading, a row's bound is lowered only once it halved (at most twice the share); here the share
        int share = labelSeriesIntervals(options.maxIntervals(), labels.size());
        for (String name : names) {
            Row row = labels.get(name);
            row.limitSeries(share);
            overall.addAllButSeries(row.counted);
        }
        PhaseTrace.mark("overall row: labels added");
        for (String name : names) {
            Row row = labels.get(name);
            if (row.transactionParents == null) {
                rows.add(row.counted.toStats());
            } else {
                // a label's parents and other samples ran on the same generators at the same times
                LabelAccumulator both = new LabelAccumulator(name, options, denseBudget);
                both.limitSeries(row.seriesIntervals);
                both.addAll(row.counted, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
                both.addAll(row.transactionParents, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
                rows.add(both.toStats());
            }
        }
        PhaseTrace.mark("labels frozen");
        LabelStats overallStats = overall.toStats(overallSeries.build());
        return new Aggregate(overallStats, rows, droppedByFilter, droppedOverLabelLimit);
    }

    /**
     * Summarised samples: the overall row and one row per label sorted by label.
     *
     * @param droppedByFilter       samples the include/exclude filters left out
     * @param droppedOverLabelLimit samples of labels beyond {@link #MAX_LABELS}
     */
    public record Aggregate(LabelStats overall, List<LabelStats> labels, long droppedByFilter,
            long droppedOverLabelLimit) {

        public Aggregate {
            labels = List.copyOf(labels);
        }

        /** Exact union of two parts of one generator's results: equal to aggregating their concatenated samples. */
        public Aggregate merge(Aggregate other, AggregationOptions options) {
            return merge(other, options, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
        }

        /** Exact union, with the over-time thread counts combined as {@code threads} says. */
        public Aggregate merge(Aggregate other, AggregationOptions options, IntervalSeries.ThreadsMerge threads) {
            Map<String, LabelStats> byLabel = new HashMap<>();
            for (LabelStats s : labels) {
                byLabel.put(s.label(), s);
            }
            for (LabelStats s : other.labels) {
                byLabel.merge(s.label(), s,
                        (a, b) -> a.merge(b, options.topN(), options.maxIntervals(), threads));
            }
            List<LabelStats> rows = new ArrayList<>(byLabel.values());
            rows.sort(Comparator.comparing(LabelStats::label));
            return new Aggregate(overall.merge(other.overall, options.topN(), options.maxIntervals(), threads), rows,
                    droppedByFilter + other.droppedByFilter, droppedOverLabelLimit + other.droppedOverLabelLimit);
        }

        public LabelStats label(String name) {
            return labels.stream().filter(s -> s.label().equals(name)).findFirst().orElse(null);
        }
    }
}
