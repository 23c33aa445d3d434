package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.results.Sample;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-label figures of a run so far, for live metrics: the rows followed live go through the same aggregation
 * as the summary (same options, HdrHistogram per label), so the last live figures agree with the after-run ones
 * up to the rows JMeter had not yet written. Memory is bounded by the number of labels. Not thread-safe; the run
 * loop owns it.
 */
final class LiveFigures {

    private final AggregationOptions options;
    private final RunAggregator aggregator;
    private final Map<String, Long> samplesByGenerator = new LinkedHashMap<>();

    LiveFigures(AggregationOptions options) {
        this.options = options;
        this.aggregator = new RunAggregator(options);
    }

    /** Registers a generator so it shows with 0 samples before its first one. */
    void generator(String id) {
        samplesByGenerator.putIfAbsent(id, 0L);
    }

    void add(String generator, JtlTail.Row row) {
        aggregator.accept(row.timeStamp(), row.elapsed(), row.label(), "", row.responseMessage(), row.success(), "",
                0, 0, row.allThreads(), 0, 0);
        // Transaction Controller parents stay out of the generator's count, as in the summary's overall figures
        if (!row.responseMessage().startsWith(Sample.TRANSACTION_MESSAGE_PREFIX)) {
            samplesByGenerator.merge(generator, 1L, Long::sum);
        }
    }

    /** The figures so far as a summary (no sources: it is never written, only exported). */
    RunSummary summary() {
        return RunSummary.of(aggregator.aggregate(), options, List.of(), List.of(), Map.of());
    }

    /** Samples so far per generator id. */
    Map<String, Long> samplesByGenerator() {
        return Map.copyOf(samplesByGenerator);
    }
}
