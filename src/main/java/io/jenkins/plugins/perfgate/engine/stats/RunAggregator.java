package io.jenkins.plugins.perfgate.engine.stats;

import io.jenkins.plugins.perfgate.engine.results.Sample;
import io.jenkins.plugins.perfgate.engine.results.SampleSink;
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
public final class RunAggregator implements SampleSink {

    /** The label of the overall row. */
    public static final String OVERALL = "TOTAL";

    /** Distinct labels tracked before further new labels are refused (a guard against unbounded label sets). */
    public static final int MAX_LABELS = 5000;

    private final AggregationOptions options;
    private final LabelAccumulator overall;
    private final Map<String, LabelAccumulator> labels = new HashMap<>();
    private long droppedByFilter;
    private long droppedOverLabelLimit;

    public RunAggregator(AggregationOptions options) {
        this.options = options;
        this.overall = new LabelAccumulator(OVERALL, options);
    }

    @Override
    public void accept(Sample sample) {
        String label = options.effectiveLabel(sample.label());
        if (label == null) {
            droppedByFilter++;
            return;
        }
        LabelAccumulator acc = labels.get(label);
        if (acc == null) {
            if (labels.size() >= MAX_LABELS) {
                droppedOverLabelLimit++;
                return;
            }
            acc = new LabelAccumulator(label, options);
            labels.put(label, acc);
        }
        Sample s = label.equals(sample.label()) ? sample : sample.withLabel(label);
        acc.add(s);
        if (!s.transactionParent()) {
            overall.add(s);
        }
    }

    public AggregationOptions options() {
        return options;
    }

    /** The figures so far, frozen. */
    public Aggregate aggregate() {
        List<LabelStats> rows = new ArrayList<>(labels.size());
        for (LabelAccumulator acc : labels.values()) {
            rows.add(acc.toStats());
        }
        rows.sort(Comparator.comparing(LabelStats::label));
        return new Aggregate(overall.toStats(), rows, droppedByFilter, droppedOverLabelLimit);
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

        /** Exact union: equal to aggregating the concatenated samples of both parts. */
        public Aggregate merge(Aggregate other, AggregationOptions options) {
            Map<String, LabelStats> byLabel = new HashMap<>();
            for (LabelStats s : labels) {
                byLabel.put(s.label(), s);
            }
            for (LabelStats s : other.labels) {
                byLabel.merge(s.label(), s, (a, b) -> a.merge(b, options.topN(), options.maxIntervals()));
            }
            List<LabelStats> rows = new ArrayList<>(byLabel.values());
            rows.sort(Comparator.comparing(LabelStats::label));
            return new Aggregate(overall.merge(other.overall, options.topN(), options.maxIntervals()), rows,
                    droppedByFilter + other.droppedByFilter, droppedOverLabelLimit + other.droppedOverLabelLimit);
        }

        public LabelStats label(String name) {
            return labels.stream().filter(s -> s.label().equals(name)).findFirst().orElse(null);
        }
    }
}
