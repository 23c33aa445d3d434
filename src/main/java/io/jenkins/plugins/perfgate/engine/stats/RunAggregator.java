package io.jenkins.plugins.perfgate.engine.stats;

import io.jenkins.plugins.perfgate.engine.results.Sample;
import io.jenkins.plugins.perfgate.engine.results.FieldSink;
import java.util.ArrayList;
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

    private final AggregationOptions options;
    /** No grouping and no filters: labels need no rewriting (the common case, kept off the per-sample path). */
    private final boolean labelsAsTheyAre;
    private final Map<String, Row> labels = new HashMap<>();
    private long droppedByFilter;
    private long droppedOverLabelLimit;
    /**
     * The overall series once samples of several generators were added together (thread counts summed over the
     * generators, each generator's counts being the maximum over its labels); null while the overall series is
     * simply the union of the labels' series.
     */
    private IntervalSeries generatorsOverall;

    /**
     * One label's samples, kept apart by kind: the overall row is the union of every label's {@code counted} part,
     * computed when asked for, so each sample is aggregated once rather than twice (label and overall).
     */
    private static final class Row {
        final LabelAccumulator counted;
        LabelAccumulator transactionParents;

        Row(String label, AggregationOptions options) {
            counted = new LabelAccumulator(label, options);
        }
    }

    public RunAggregator(AggregationOptions options) {
        this.options = options;
        this.labelsAsTheyAre = options.grouping().isEmpty() && options.include().isEmpty()
                && options.exclude().isEmpty();
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
        String label = labelsAsTheyAre ? sampleLabel : options.effectiveLabel(sampleLabel);
        if (label == null) {
            droppedByFilter++;
            return;
        }
        Row row = labels.get(label);
        if (row == null) {
            if (labels.size() >= MAX_LABELS) {
                droppedOverLabelLimit++;
                return;
            }
            row = new Row(label, options);
            labels.put(label, row);
        }
        if (responseMessage != null && responseMessage.startsWith(Sample.TRANSACTION_MESSAGE_PREFIX)) {
            if (row.transactionParents == null) {
                row.transactionParents = new LabelAccumulator(label, options);
            }
            row.transactionParents.add(timeStamp, elapsed, responseCode, responseMessage, success, failureMessage,
                    bytes, sentBytes, allThreads, latency, connect, true);
        } else {
            row.counted.add(timeStamp, elapsed, responseCode, responseMessage, success, failureMessage, bytes,
                    sentBytes, allThreads, latency, connect, false);
        }
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
        if (threads == IntervalSeries.ThreadsMerge.SUM_ACROSS_GENERATORS || generatorsOverall != null
                || other.generatorsOverall != null) {
            generatorsOverall = overallSeries().merge(other.overallSeries(), options.maxIntervals(), threads);
        }
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
                row = new Row(e.getKey(), options);
                labels.put(e.getKey(), row);
            }
            row.counted.addAll(theirs.counted, threads);
            if (theirs.transactionParents != null) {
                if (row.transactionParents == null) {
                    row.transactionParents = new LabelAccumulator(e.getKey(), options);
                }
                row.transactionParents.addAll(theirs.transactionParents, threads);
            }
        }
    }

    /** The overall row's series: the union of the labels' (Transaction Controller parents left out). */
    private IntervalSeries overallSeries() {
        if (generatorsOverall != null) {
            return generatorsOverall;
        }
        IntervalSeries.Builder union = new IntervalSeries.Builder(options.intervalMillis(), options.maxIntervals());
        for (Row row : labels.values()) {
            union.addAll(row.counted.series());
        }
        return union.build();
    }

    /** The figures so far, frozen. */
    public Aggregate aggregate() {
        List<String> names = new ArrayList<>(labels.keySet());
        names.sort(Comparator.naturalOrder());
        List<LabelStats> rows = new ArrayList<>(labels.size());
        LabelAccumulator overall = new LabelAccumulator(OverallRow.LABEL, options);
        for (String name : names) {
            Row row = labels.get(name);
            overall.addAll(row.counted, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
            if (row.transactionParents == null) {
                rows.add(row.counted.toStats());
            } else {
                // a label's parents and other samples ran on the same generators at the same times
                LabelAccumulator both = new LabelAccumulator(name, options);
                both.addAll(row.counted, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
                both.addAll(row.transactionParents, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
                rows.add(both.toStats());
            }
        }
        LabelStats overallStats = generatorsOverall == null ? overall.toStats() : overall.toStats(generatorsOverall);
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
