package io.jenkins.plugins.perfgate.engine.summary;

import io.jenkins.plugins.perfgate.engine.results.FileReadResult;
import io.jenkins.plugins.perfgate.engine.results.PhaseTrace;
import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.results.ReadProblem;
import io.jenkins.plugins.perfgate.engine.results.ReadProgress;
import io.jenkins.plugins.perfgate.engine.results.ResultFileReader;
import io.jenkins.plugins.perfgate.engine.results.ResultsReadException;
import io.jenkins.plugins.perfgate.engine.results.SourceFile;
import io.jenkins.plugins.perfgate.engine.results.ToolAggregates;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.IntervalSeries;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator.Aggregate;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns result files into one {@link RunSummary}: each file is read (large CSV files by several threads, each
 * into its own aggregator) and the aggregators are merged exactly, so the summary equals that of the concatenated input.
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
    /** Where the readers report what they read; null when nobody watches. */
    private final ReadProgress progress;

    public Summarizer(AggregationOptions aggregation, ReadOptions reading) {
        this(aggregation, reading, Runtime.getRuntime().availableProcessors(), null);
    }

    private Summarizer(AggregationOptions aggregation, ReadOptions reading, int threads, ReadProgress progress) {
        this.aggregation = Objects.requireNonNull(aggregation);
        this.reading = Objects.requireNonNull(reading);
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be between 1 and 64, was " + threads);
        }
        this.threads = threads;
        this.progress = progress;
    }

    /** The same summarizer reporting the bytes and samples it reads to {@code p} (for a progress line). */
    public Summarizer withProgress(ReadProgress p) {
        return new Summarizer(aggregation, reading, threads, p);
    }

    /** Takes each file's parts in source order. */
    @FunctionalInterface
    private interface FileConsumer {
        void accept(FileRead read) throws ResultsReadException;
    }

    /**
     * Reads every file and hands the results over in source order: files of at least
     * {@link ResultFileReader#PARALLEL_THRESHOLD} bytes one after another, each split over all threads; smaller
     * files several at once, one thread each, with at most two per thread read ahead (so that the heap holds a few
     * files' aggregates at a time, however many files there are).
     */
    private void readAll(List<Source> sources, FileConsumer consumer) throws ResultsReadException {
        // the aggregation never looks at thread names
        ResultFileReader plain = new ResultFileReader(reading).withoutThreadNames();
        ResultFileReader reader = progress == null ? plain : plain.withProgress(progress);
        ExecutorService pool = null;
        Deque<Future<FileRead>> ahead = new ArrayDeque<>();
        try {
            for (Source source : sources) {
                long size;
                try {
                    size = Files.size(source.path());
                } catch (IOException | RuntimeException e) {
                    size = 0; // the read reports why
                }
                if (size >= ResultFileReader.PARALLEL_THRESHOLD || threads == 1) {
                    while (!ahead.isEmpty()) {
                        consumer.accept(result(ahead.poll()));
                    }
                    FileRead done = read(reader, source, threads);
                    PhaseTrace.mark("file read: " + source.path()); // bin/bench files times each file by it
                    consumer.accept(done);
                    continue;
                }
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(threads, r -> {
                        Thread t = new Thread(r, "perfgate-file");
                        t.setDaemon(true);
                        return t;
                    });
                }
                ahead.add(pool.submit(() -> read(reader, source, 1)));
                if (ahead.size() >= 2 * threads) {
                    consumer.accept(result(ahead.poll()));
                }
            }
            while (!ahead.isEmpty()) {
                consumer.accept(result(ahead.poll()));
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static FileRead result(Future<FileRead> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading result files", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re
                    : new IllegalStateException("reading result files failed", e.getCause());
        }
    }

    private FileRead read(ResultFileReader reader, Source source, int n) {
        try {
            return new FileRead(source, reader.readParallel(source.path(), n, () -> new RunAggregator(aggregation),
                    (first, part) -> first.addAll(part, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR)), null);
        } catch (ResultsReadException e) {
            return new FileRead(source, null, e);
        }
    }

    /** The same summarizer reading each large file with at most {@code n} threads. */
    public Summarizer withThreads(int n) {
        return new Summarizer(aggregation, reading, n, progress);
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

    /**
     * Takes the files' results in source order and merges each into its generator's aggregate as it comes; the
     * generators are added together at the end ({@link #run}), their thread counts summed.
     */
    private final class Gathering implements FileConsumer {
        private final boolean strict;
        /** By generator id ("" for files of no named generator, taken as one generator's), in source order. */
        private final Map<String, RunAggregator> byGenerator = new LinkedHashMap<>();
        private final List<SourceFile> files = new ArrayList<>();
        private final List<ReadProblem> problems = new ArrayList<>();
        private final List<ToolAggregates> given = new ArrayList<>();
        private int unreadable;

        Gathering(boolean strict) {
            this.strict = strict;
        }

        @Override
        public void accept(FileRead fr) throws ResultsReadException {
            Source source = fr.source();
            if (fr.error() != null) {
                if (strict) {
                    throw fr.error();
                }
                unreadable++;
                files.add(new SourceFile(source.path().toString(), "unreadable", source.generator(), 0, 0, false));
                problems.add(new ReadProblem(source.path().toString(), 0, "", fr.error().getMessage()));
                return;
            }
            RunAggregator file = fr.read().sink();
            FileReadResult result = fr.read().result();
            files.add(result.toSourceFile(source.generator()));
            problems.addAll(result.problems());
            if (result.aggregates() != null) {
                given.add(result.aggregates());
            }
            // a generator's first file's aggregator takes its others in: one copy less on the heap
            byGenerator.merge(source.generator(), file, (mine, next) -> {
                mine.addAll(next, IntervalSeries.ThreadsMerge.MAX_SAME_GENERATOR);
                return mine;
            });
        }

        /** The overall figures of each named generator, labelled with its id. */
        Map<String, LabelStats> generators() {
            Map<String, LabelStats> out = new TreeMap<>();
            byGenerator.forEach((id, agg) -> {
                if (!id.isEmpty()) {
                    out.put(id, agg.aggregate().overall().withLabel(id));
                }
            });
            return out;
        }

        /** All generators added together: each one's threads are its own, so their counts add up. */
        RunAggregator run() {
            RunAggregator all = null;
            for (RunAggregator g : byGenerator.values()) {
                if (all == null) {
                    all = g;
                } else {
                    all.addAll(g, IntervalSeries.ThreadsMerge.SUM_ACROSS_GENERATORS);
                }
            }
            return all == null ? new RunAggregator(aggregation) : all;
        }
    }

    /** What to do when a run has more labels than {@link RunAggregator#MAX_LABELS}. */
    public static final String GROUPING_ADVICE = "group labels that differ only by ids or query strings "
            + "(perfgate report --group-path-ids --group-query-strings; groupPathIds: true, groupQueryStrings: true "
            + "in the Jenkins steps) or leave labels out (--include/--exclude)";

    private RunSummary summarize(List<Source> sources, boolean strict) throws ResultsReadException {
        Gathering g = new Gathering(strict);
        readAll(sources, g);
        PhaseTrace.mark("all files read");
        List<SourceFile> files = g.files;
        List<ReadProblem> problems = g.problems;
        Map<String, LabelStats> generators = g.generators();
        int unreadable = g.unreadable;
        Aggregate total = g.run().aggregate();
        String overLimit = "";
        if (total.droppedOverLabelLimit() > 0) {
            overLimit = total.droppedOverLabelLimit() + " samples of labels beyond the first "
                    + RunAggregator.MAX_LABELS + " distinct labels were left out: " + GROUPING_ADVICE;
            problems.add(new ReadProblem("", 0, "label", overLimit));
        }
        RunSummary summary = RunSummary.of(total, aggregation, files, problems, generators, g.given);
        if (!overLimit.isEmpty()) {
            // a summary without some of the samples must never read as a complete run
            summary = summary.withStatus(summary.status().worst(RunStatus.INCOMPLETE), overLimit);
        }
        if (summary.status() == RunStatus.NO_RESULTS && total.droppedByFilter() > 0) {
            summary = summary.withStatus(RunStatus.NO_RESULTS, "all " + total.droppedByFilter()
                    + " samples were left out by the label filters");
        }
        if (unreadable > 0) {
            RunStatus status = total.overall().count() == 0 && total.labels().isEmpty() && g.given.isEmpty()
                    ? RunStatus.NO_RESULTS
                    : RunStatus.INCOMPLETE;
            summary = summary.withStatus(summary.status().worst(status), unreadable + " of " + sources.size()
                    + " result file(s) could not be read");
        }
        return summary;
    }
}
