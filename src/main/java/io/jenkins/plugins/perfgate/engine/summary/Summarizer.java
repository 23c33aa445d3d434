package io.jenkins.plugins.perfgate.engine.summary;

import io.jenkins.plugins.perfgate.engine.results.FileReadResult;
import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.results.ResultFileReader;
import io.jenkins.plugins.perfgate.engine.results.ResultsReadException;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator.Aggregate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns result files into one {@link RunSummary}: each file is read (large CSV files by several threads, each part
 * into its own aggregator) and the parts are merged exactly, so the summary equals that of the concatenated input.
 * Memory stays constant in the file sizes; it grows only with the number of distinct labels.
 */
public final class Summarizer {

    /** A result file and the load generator that wrote it (empty when unknown). */
    public record Source(Path path, String generator) {
        public Source {
            Objects.requireNonNull(path);
            generator = generator == null ? "" : generator;
        }

        public static Source of(Path path) {
            return new Source(path, "");
        }
    }

    private final AggregationOptions aggregation;
    private final ReadOptions reading;
    private final int threads;

    public Summarizer(AggregationOptions aggregation, ReadOptions reading) {
        this(aggregation, reading, Runtime.getRuntime().availableProcessors());
    }

    private Summarizer(AggregationOptions aggregation, ReadOptions reading, int threads) {
        this.aggregation = Objects.requireNonNull(aggregation);
        this.reading = Objects.requireNonNull(reading);
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be between 1 and 64, was " + threads);
        }
        this.threads = threads;
    }

    /** The same summarizer reading each large file with at most {@code n} threads. */
    public Summarizer withThreads(int n) {
        return new Summarizer(aggregation, reading, n);
    }

    /**
     * Summarises every file; all of them must be readable.
     *
     * @throws ResultsReadException naming the first file that is missing, unreadable, empty or not a result file
     */
    public RunSummary summarize(List<Source> sources) throws ResultsReadException {
        return summarize(sources, true);
    }

    /**
     * Summarises the files that can be read; those that cannot are reported as problems and make the summary
     * {@link RunStatus#INCOMPLETE} ({@link RunStatus#NO_RESULTS} when none could be read). For runs whose files
     * may be partly missing, e.g. after a generator died.
     */
    public RunSummary summarizeAvailable(List<Source> sources) {
        try {
            return summarize(sources, false);
        } catch (ResultsReadException e) {
            throw new IllegalStateException("unreachable: lenient summary threw", e);
        }
    }

    private RunSummary summarize(List<Source> sources, boolean strict) throws ResultsReadException {
        ResultFileReader reader = new ResultFileReader(reading);
        Aggregate total = new RunAggregator(aggregation).aggregate();
        List<SourceFile> files = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        Map<String, LabelStats> generators = new TreeMap<>();
        int unreadable = 0;
        for (Source source : sources) {
            ResultFileReader.ParallelRead<RunAggregator> read;
            try {
                read = reader.readParallel(source.path(), threads, () -> new RunAggregator(aggregation));
            } catch (ResultsReadException e) {
                if (strict) {
                    throw e;
                }
                unreadable++;
                files.add(new SourceFile(source.path().toString(), "unreadable", source.generator(), 0, 0, false));
                problems.add(new ReadProblem(source.path().toString(), 0, "", e.getMessage()));
                continue;
            }
            Aggregate file = null;
            for (RunAggregator part : read.sinks()) {
                file = file == null ? part.aggregate() : file.merge(part.aggregate(), aggregation);
            }
            FileReadResult result = read.result();
            files.add(result.toSourceFile(source.generator()));
            problems.addAll(result.problems());
            total = total.merge(file, aggregation);
            if (!source.generator().isEmpty()) {
                LabelStats overall = file.overall();
                generators.merge(source.generator(), overall.withLabel(source.generator()),
                        (a, b) -> a.merge(b, aggregation.topN(), aggregation.maxIntervals()));
            }
        }
        if (total.droppedOverLabelLimit() > 0) {
            problems.add(new ReadProblem("", 0, "label", total.droppedOverLabelLimit() + " samples of labels beyond "
                    + "the first " + RunAggregator.MAX_LABELS + " distinct labels were left out"));
        }
        RunSummary summary = RunSummary.of(total, aggregation, files, problems, generators);
        if (summary.status() == RunStatus.NO_RESULTS && total.droppedByFilter() > 0) {
            summary = summary.withStatus(RunStatus.NO_RESULTS, "all " + total.droppedByFilter()
                    + " samples were left out by the label filters");
        }
        if (unreadable > 0) {
            RunStatus status = total.overall().count() == 0 && total.labels().isEmpty() ? RunStatus.NO_RESULTS
                    : RunStatus.INCOMPLETE;
            summary = summary.withStatus(summary.status().worst(status), unreadable + " of " + sources.size()
                    + " result file(s) could not be read");
        }
        return summary;
    }
}
