package io.jenkins.plugins.perfgate.engine.summary;

import io.jenkins.plugins.perfgate.engine.results.FileReadResult;
import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.results.ResultFileReader;
import io.jenkins.plugins.perfgate.engine.results.ResultsReadException;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator.Aggregate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /**
     * Reads every file, in source order of the results: files of at least
     * {@link ResultFileReader#PARALLEL_THRESHOLD} bytes one after another, each split over all threads; smaller
     * files several at once, one thread each.
     */
    private FileRead[] readAll(List<Source> sources) {
        // the aggregation never looks at thread names
        ResultFileReader reader = new ResultFileReader(reading).withoutThreadNames();
        FileRead[] out = new FileRead[sources.size()];
        List<Integer> small = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            long size;
            try {
                size = Files.size(sources.get(i).path());
            } catch (IOException | RuntimeException e) {
                size = 0; // the read reports why
            }
            if (size >= ResultFileReader.PARALLEL_THRESHOLD || threads == 1) {
                out[i] = read(reader, sources.get(i), threads);
            } else {
                small.add(i);
            }
        }
        if (small.size() <= 1) {
            small.forEach(i -> out[i] = read(reader, sources.get(i), 1));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, small.size()), r -> {
                Thread t = new Thread(r, "perfgate-file");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<FileRead>> futures = new ArrayList<>();
                for (int i : small) {
                    futures.add(pool.submit(() -> read(reader, sources.get(i), 1)));
                }
                for (int k = 0; k < small.size(); k++) {
                    out[small.get(k)] = futures.get(k).get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading result files", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re
                        : new IllegalStateException("reading result files failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return out;
    }

    private FileRead read(ResultFileReader reader, Source source, int n) {
        try {
            return new FileRead(source, reader.readParallel(source.path(), n, () -> new RunAggregator(aggregation)),
                    null);
        } catch (ResultsReadException e) {
            return new FileRead(source, null, e);
        }
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

    /** One file's parts, or why it could not be read. */
    private record FileRead(Source source, ResultFileReader.ParallelRead<RunAggregator> read,
            ResultsReadException error) {
    }

    private RunSummary summarize(List<Source> sources, boolean strict) throws ResultsReadException {
        RunAggregator all = null;
        List<SourceFile> files = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        Map<String, LabelStats> generators = new TreeMap<>();
        int unreadable = 0;
        FileRead[] reads = readAll(sources);
        for (int i = 0; i < reads.length; i++) {
            FileRead fr = reads[i];
            reads[i] = null; // parts already merged can be collected: the heap holds one file's parts at a time
            Source source = fr.source();
            if (fr.error() != null) {
                if (strict) {
                    throw fr.error();
                }
                unreadable++;
                files.add(new SourceFile(source.path().toString(), "unreadable", source.generator(), 0, 0, false));
                problems.add(new ReadProblem(source.path().toString(), 0, "", fr.error().getMessage()));
                continue;
            }
            List<RunAggregator> parts = fr.read().sinks();
            RunAggregator file = parts.get(0);
            for (RunAggregator part : parts.subList(1, parts.size())) {
                file.addAll(part);
            }
            FileReadResult result = fr.read().result();
            files.add(result.toSourceFile(source.generator()));
            problems.addAll(result.problems());
            if (!source.generator().isEmpty()) {
                LabelStats overall = file.aggregate().overall();
                generators.merge(source.generator(), overall.withLabel(source.generator()),
                        (a, b) -> a.merge(b, aggregation.topN(), aggregation.maxIntervals()));
            }
            if (all == null) {
                all = file;
            } else {
                all.addAll(file);
            }
        }
        Aggregate total = (all == null ? new RunAggregator(aggregation) : all).aggregate();
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
