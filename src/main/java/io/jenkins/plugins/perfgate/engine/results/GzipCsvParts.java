package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a gzip-compressed CSV file with several threads: one decompresses it into whole-row parts
 * ({@link GunzipParts}), the others each take the next part into a sink and a reader of their own (the reader's
 * text caches stay warm from part to part), through the same {@link PartsRunner} as the parts of a plain file; the
 * sinks are then merged. Problems keep the file's line numbers: each part's are shifted by the lines of the parts
 * before it.
 *
 * <p>As with a plain file, a part must end where the next starts: every part but the last must have ended at a row
 * boundary, with no quote left open (a cut inside a quoted field that spans lines). When one did not, or no cut
 * could be found, the result is null and the caller reads the file again with one thread, which gives the
 * authoritative samples and messages.
 */
final class GzipCsvParts {

    private GzipCsvParts() {
    }

    /** What one part gave: where its reader stopped, its problems and its samples. */
    private record Outcome(int length, CsvJtlReader.ParseEnd end, ProblemLog log, long samples) {
    }

    /** Reads one part with a thread's reader and notes what it gave. */
    private static <S> void readPart(Reader<S> r, GunzipParts.Part p, List<Outcome> outcomes) {
        long before = r.csv().samples();
        double began = PhaseTrace.nowMillis();
        CsvJtlReader.ParseEnd end = r.csv().parse(p.stream(), Long.MAX_VALUE, 1);
        Outcome o = new Outcome(p.length(), end, r.log().drained(), r.csv().samples() - before);
        synchronized (outcomes) {
            while (outcomes.size() <= p.index()) {
                outcomes.add(null);
            }
            outcomes.set(p.index(), o);
        }
        if (PhaseTrace.ON) {
            PhaseTrace.mark(String.format(Locale.ROOT, "gzip part %d read: %.1f MB in %.1f ms",
                    p.index(), p.length() / 1e6, PhaseTrace.nowMillis() - began));
        }
    }

    /** A reading thread's own sink, reader and problem log (emptied after each part). */
    private record Reader<S>(S sink, ProblemLog log, CsvJtlReader csv) {
    }

    /**
     * Reads the data rows of {@code compressed} (from {@code dataStart} of its content on, after
     * {@code headerLines} lines) with {@code threads} threads in parts of {@code partBytes}; null when a part did
     * not end at a row boundary.
     *
     * @param readers makes a reader of the layout's rows into a sink, noting problems in a log
     * @param failure what the first failure of a reading thread is thrown as
     */
    static <S extends SampleSink> ResultFileReader.ParallelRead<S> read(String name, InputStream compressed,
            int dataStart, long headerLines, CsvLayout layout, int threads, int partBytes, int maxProblems,
            Supplier<S> sinks, BiConsumer<S, S> merge, BiFunction<ProblemLog, S, CsvJtlReader> readers,
            Function<Throwable, IOException> failure) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        Supplier<Reader<S>> newReader = () -> {
            ProblemLog log = new ProblemLog(name, maxProblems);
            S sink = sinks.get();
            return new Reader<>(sink, log, readers.apply(log, sink));
        };
        // the decompressing thread's reader, made when it first reads a part
        List<Reader<S>> helper = new ArrayList<>(1);
        List<Reader<S>> filled;
        boolean abandoned;
        Throwable helpFailure;
        try (GunzipParts parts = new GunzipParts(compressed, dataStart, layout.delimiter(), layout.fieldCount(),
                partBytes, p -> {
                    if (helper.isEmpty()) {
                        helper.add(newReader.get());
                    }
                    readPart(helper.get(0), p, outcomes);
                })) {
            filled = PartsRunner.run(name, "perfgate-csv-part", Math.max(1, threads - 1), newReader, mine -> {
                GunzipParts.Part p = parts.next();
                if (p == null) {
                    return false;
                }
                try {
                    readPart(mine.get(), p, outcomes);
                } catch (RuntimeException | Error e) {
                    parts.stop(); // the other readers stop too, rather than read the rest for nothing
                    throw e;
                }
                parts.release(p);
                return true;
            }, failure);
            abandoned = parts.abandoned();
            helpFailure = parts.helpFailure();
        }
        if (helpFailure != null) {
            throw failure.apply(helpFailure);
        }
        PhaseTrace.mark("all gzip parts read");
        int n = outcomes.size();
        if (abandoned || n == 0) {
            return null;
        }
        for (int k = 0; k + 1 < n; k++) {
            Outcome o = outcomes.get(k);
            if (o.end().endOffset() != o.length() || o.log().truncated()) {
                return null;
            }
        }
        ProblemLog all = new ProblemLog(name, maxProblems);
        long lineOffset = headerLines;
        long total = 0;
        for (Outcome o : outcomes) {
            all.addShifted(o.log(), lineOffset);
            lineOffset += o.end().lines();
            total += o.samples();
        }
        List<S> sinksFilled = new ArrayList<>();
        for (Reader<S> r : helper) {
            sinksFilled.add(r.sink());
        }
        for (Reader<S> r : filled) {
            sinksFilled.add(r.sink());
        }
        S first = PartsRunner.merged(sinksFilled, merge);
        PhaseTrace.mark("threads' aggregates merged");
        return new ResultFileReader.ParallelRead<>(new FileReadResult(name, JtlFormat.CSV, true, total,
                all.malformed(), all.truncated(), all.problems()), first);
    }
}
