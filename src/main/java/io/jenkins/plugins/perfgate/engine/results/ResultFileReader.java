package io.jenkins.plugins.perfgate.engine.results;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads a JMeter result file of any supported kind into samples: CSV (any dialect, see {@link CsvLayout}) or XML,
 * plain or gzip-compressed, recognised by content rather than by file name. Large plain CSV files can be read by
 * several threads at once ({@link #readParallel}).
 */
public final class ResultFileReader {

    /**
     * Bytes a CSV reader reads at a time. Small enough that the buffer, and the JDK's copy it is filled from, stay
     * in a core's L2 cache while the rows are parsed (1 MB buffers were ~10 % slower); the benchmark's raw line
     * scan reads with the same size.
     */
    public static final int READ_BUFFER_BYTES = 128 * 1024;
    /** Files below this are read by one thread: splitting would cost more than it saves. */
    public static final long PARALLEL_THRESHOLD = 8L << 20;
    /** The same for a gzip file: JMeter's CSV compresses about 8:1. */
    static final long GZIP_PARALLEL_THRESHOLD = PARALLEL_THRESHOLD / 8;
    /**
     * Threads from which a gzip CSV file is parsed in parts: with two, the decompression and the parsing on one
     * thread each keep both cores as busy, and measured no faster (docs/performance.md, gzip); the system property
     * {@code perfgate.gzipPartsMinThreads} lowers it for measurements.
     */
    static final int GZIP_PARTS_MIN_THREADS = Integer.getInteger("perfgate.gzipPartsMinThreads", 3);

    private final ReadOptions options;
    private final boolean threadNames;
    /** Where the readers report what they read; null when nobody watches. */
    private final ReadProgress progress;

    public ResultFileReader(ReadOptions options) {
        this(options, true, null);
    }

    private ResultFileReader(ReadOptions options, boolean threadNames, ReadProgress progress) {
        this.options = options;
        this.threadNames = threadNames;
        this.progress = progress;
    }

    /** A reader that reports the bytes and samples it reads to {@code progress} as it goes. */
    public ResultFileReader withProgress(ReadProgress progress) {
        return new ResultFileReader(options, threadNames, progress);
    }

    /**
     * A reader that leaves {@link Sample#threadName()} empty in CSV files: for sinks that never look at it (the
     * aggregation), it saves decoding a text that differs from row to row (about 8 % of the reading time).
     */
    public ResultFileReader withoutThreadNames() {
        return new ResultFileReader(options, false, progress);
    }

    /** What was read of one file, and the sink holding all its samples. */
    public record ParallelRead<S extends SampleSink>(FileReadResult result, S sink) {
    }

    /**
     * Reads one file into the sink.
     *
     * @throws ResultsReadException when the file is missing, unreadable, empty or not a JMeter result file; rows
     *                              that cannot be read are reported in the result instead
     */
    public FileReadResult read(Path file, SampleSink sink) throws ResultsReadException {
        return wrapped(file.toString(), () -> read(file, sink, isGzip(file), false));
    }

    /** @param inflateAhead decompress a gzip file on a thread of its own, ahead of the reading */
    private FileReadResult read(Path file, SampleSink sink, boolean gzip, boolean inflateAhead) throws IOException {
        try (InputStream raw = counted(open(file), Long.MAX_VALUE)) {
            return read(file.toString(), raw, gzip, inflateAhead, sink);
        }
    }

    /**
     * Reads the content of the result file {@code name} from {@code raw}, which the caller closes. Package-private
     * for the fuzz tests, which feed bytes without the cost of a file per input.
     */
    FileReadResult read(String name, InputStream raw, boolean gzip, SampleSink sink) throws ResultsReadException {
        return wrapped(name, () -> read(name, raw, gzip, false, sink));
    }

    private FileReadResult read(String name, InputStream raw, boolean gzip, boolean inflateAhead, SampleSink sink)
            throws IOException {
        if (gzip && inflateAhead) {
            try (GunzipAhead in = new GunzipAhead(raw)) {
                return readContent(name, in, gzip, sink);
            }
        }
        return readContent(name, gzip ? new GZIPInputStream(raw, 1 << 16) : raw, gzip, sink);
    }

    /** A read that may fail. */
    private interface Read<T> {
        T run() throws IOException;
    }

    /**
     * The outcome of a read of the file {@code name}, its I/O failures turned into a {@link ResultsReadException}
     * that names the file (the readers' own exceptions pass as they are): the one place they are turned.
     */
    private static <T> T wrapped(String name, Read<T> read) throws ResultsReadException {
        try {
            return read.run();
        } catch (ResultsReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ResultsReadException(name + ": cannot read: " + describe(e), e);
        }
    }

    /** Reads the (decompressed) content of a result file. */
    private FileReadResult readContent(String name, InputStream in, boolean gzip, SampleSink sink)
            throws IOException {
        ProblemLog log = new ProblemLog(name, options.maxProblems());
        Sniffed s = Sniffed.of(name, in, gzip);
        InputStream rest = new SequenceInputStream(
                new ByteArrayInputStream(s.prefix(), s.contentStart(), s.prefixLength() - s.contentStart()), in);
        long samples;
        if (s.format().aggregatesOnly()) {
            ToolAggregates given = ToolFormats.readAggregates(s.format(), name, rest, log);
            return new FileReadResult(name, s.format(), gzip, 0, log.malformed(), log.truncated(),
                    log.problems(), given);
        } else if (s.format().otherTool()) {
            samples = ToolFormats.read(s.format(), rest, options, log, sink, progress);
        } else if (s.format() == JtlFormat.XML) {
            XmlJtlReader xml = new XmlJtlReader(options, log, sink, threadNames, progress);
            xml.read(rest);
            samples = xml.samples();
        } else {
            String firstLine = s.firstLine(name);
            CsvLayout layout = CsvLayout.detect(name, firstLine, options);
            if (layout.hasHeader()) {
                rest.skipNBytes(s.headerBytes());
            }
            CsvJtlReader csv = new CsvJtlReader(layout, options, log, sink, threadNames, progress);
            csv.parse(rest, Long.MAX_VALUE, (layout.hasHeader() ? 2 : 1) + s.skippedLines());
            samples = csv.samples();
        }
        return new FileReadResult(name, s.format(), gzip, samples, log.malformed(), log.truncated(),
                log.problems());
    }

    /**
     * Reads one file with up to {@code threads} threads. A plain CSV file of at least
     * {@link #PARALLEL_THRESHOLD} bytes is cut at row starts into parts, several per thread; each thread reads
     * the next part not yet taken into its own sink, so that on a busy machine a thread that gets less CPU reads
     * fewer parts instead of holding up the file, and the heap holds one sink per thread however many parts there
     * are. The threads' sinks are then merged into one with {@code merge} (the aggregation is exact and does not
     * depend on the order of samples). A gzip CSV file of at least {@link #GZIP_PARALLEL_THRESHOLD} bytes read with
     * {@link #GZIP_PARTS_MIN_THREADS} threads or more is read in whole-row parts as it is decompressed
     * ({@link GzipCsvParts}). Anything else is read by one thread into one
     * sink (a gzip file decompressed ahead on a second thread).
     *
     * <p>A quoted field may hold line breaks, so a cut could fall inside one: cuts are placed before lines that
     * look like whole rows (the layout's field count, no quote), and every part must end exactly where the next
     * one starts. If one does not, the cut was inside a field after all and the file is read again by one thread.
     *
     * @param merge adds the second sink's samples to the first
     */
    public <S extends SampleSink> ParallelRead<S> readParallel(Path file, int threads, Supplier<S> sinks,
            BiConsumer<S, S> merge) throws ResultsReadException {
        return wrapped(file.toString(), () -> readInParts(file, threads, sinks, merge));
    }

    private <S extends SampleSink> ParallelRead<S> readInParts(Path file, int threads, Supplier<S> sinks,
            BiConsumer<S, S> merge) throws IOException {
        String name = file.toString();
        long size = Files.size(file);
        boolean gzip = isGzip(file);
        if (gzip && threads >= Math.max(2, GZIP_PARTS_MIN_THREADS) && size >= GZIP_PARALLEL_THRESHOLD) {
            ParallelRead<S> parts = readGzipParts(file, threads, sinks, merge);
            if (parts != null) {
                return parts;
            }
        }
        if (threads <= 1 || gzip || size < PARALLEL_THRESHOLD) {
            S sink = sinks.get();
            // a gzip file: decompressed on a second thread when there is one
            return new ParallelRead<>(read(file, sink, gzip, gzip && threads > 1), sink);
        }
        Sniffed s;
        try (InputStream in = open(file)) {
            s = Sniffed.of(name, in, false);
        }
        PhaseTrace.mark("sniffed " + name);
        ParallelRead<S> parts = null;
        if (s.format() == JtlFormat.XML) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                parts = XmlParts.read(name, channel, s.contentStart(), size, threads, options.maxProblems(), sinks,
                        merge, (log, sink, state) -> new XmlJtlReader(options, log, sink, threadNames, progress, state),
                        in -> counted(in, Long.MAX_VALUE));
            }
        } else if (s.format() == JtlFormat.CSV) {
            CsvLayout layout = CsvLayout.detect(name, s.firstLine(name), options);
            long dataStart = s.contentStart() + (layout.hasHeader() ? s.headerBytes() : 0);
            long headerLines = (layout.hasHeader() ? 1 : 0) + s.skippedLines();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                parts = readParts(name, channel, size, dataStart, headerLines, layout, threads, sinks, merge);
            }
        }
        if (parts != null) {
            return parts;
        }
        // another tool's format, or parts that did not fit: one thread
        S sink = sinks.get();
        return new ParallelRead<>(read(file, sink, false, false), sink);
    }

    /**
     * A gzip CSV file read in parts as it is decompressed ({@link GzipCsvParts}); null for another format, a file
     * whose first bytes do not read cleanly, or parts that did not end at row boundaries: one thread reads it then.
     */
    private <S extends SampleSink> ParallelRead<S> readGzipParts(Path file, int threads, Supplier<S> sinks,
            BiConsumer<S, S> merge) throws IOException {
        String name = file.toString();
        Sniffed s;
        CsvLayout layout;
        try (InputStream in = open(file)) {
            s = Sniffed.of(name, new GZIPInputStream(in, 1 << 16), true);
            if (s.format() != JtlFormat.CSV || s.prefixLength() < Sniffed.PREFIX) {
                return null;
            }
            layout = CsvLayout.detect(name, s.firstLine(name), options);
        } catch (IOException e) {
            return null; // the one-thread read gives the message
        }
        int dataStart = s.contentStart() + (layout.hasHeader() ? (int) s.headerBytes() : 0);
        long headerLines = (layout.hasHeader() ? 1 : 0) + s.skippedLines();
        try (InputStream raw = counted(open(file), Long.MAX_VALUE)) {
            return GzipCsvParts.read(name, raw, dataStart, headerLines, layout, threads, GunzipParts.PART_BYTES,
                    options.maxProblems(), sinks, merge,
                    (log, sink) -> new CsvJtlReader(layout, options, log, sink, threadNames, progress),
                    cause -> new ResultsReadException(name + ": cannot read: " + describe(cause), cause));
        }
    }

    /**
     * The parts of a file read by a pool of threads, each into its own sink; null when a part did not end where
     * the next one starts (a cut inside a quoted field).
     */
    private <S extends SampleSink> ParallelRead<S> readParts(String name, FileChannel channel, long size,
            long dataStart, long headerLines, CsvLayout layout, int threads, Supplier<S> sinks,
            BiConsumer<S, S> merge) throws IOException {
        long span = size - dataStart;
        long[] aims = RowCuts.aims(span, PartsRunner.partCount(span, threads), threads, PartsRunner.MIN_PART);
        int n = aims.length + 1;
        long[] starts = new long[n + 1];
        starts[0] = dataStart;
        for (int k = 1; k < n; k++) {
            long cut = RowCuts.rowStartAtOrAfter(channel, dataStart + aims[k - 1], size, layout);
            starts[k] = Math.max(starts[k - 1], cut);
        }
        starts[n] = Long.MAX_VALUE;
        PhaseTrace.mark("csv split into " + n + " parts");
        CsvJtlReader.ParseEnd[] outcomes = new CsvJtlReader.ParseEnd[n];
        ProblemLog[] logs = new ProblemLog[n];
        long[] samples = new long[n];
        // each thread's parts share their text caches (by thread, not by sink: a sink might be shared)
        Map<Thread, CsvJtlReader.TextCaches> caches = new ConcurrentHashMap<>();
        List<S> filled = PartsRunner.run(name, "perfgate-csv-part", threads, n, sinks, (k, sink) -> {
            ProblemLog log = new ProblemLog(name, options.maxProblems());
            CsvJtlReader reader = new CsvJtlReader(layout, options, log, sink, threadNames, progress,
                    caches.computeIfAbsent(Thread.currentThread(), t -> new CsvJtlReader.TextCaches()));
            // a part reads on past its end to finish its last row
            long stopAt = k == n - 1 ? Long.MAX_VALUE : starts[k + 1] - starts[k];
            long length = (k == n - 1 ? size : starts[k + 1]) - starts[k];
            double began = PhaseTrace.nowMillis();
            outcomes[k] = reader.parse(counted(new RegionInputStream(channel, starts[k]), length), stopAt, 1);
            logs[k] = log;
            samples[k] = reader.samples();
            if (PhaseTrace.ON) {
                PhaseTrace.mark(String.format(Locale.ROOT, "part %d of %d read: %.1f MB in %.1f ms",
                        k, n, length / 1e6, PhaseTrace.nowMillis() - began));
            }
        }, cause -> new ResultsReadException(name + ": cannot read: " + describe(cause), cause));
        PhaseTrace.mark("all parts read");
        for (int k = 0; k + 1 < n; k++) {
            if (starts[k] + outcomes[k].endOffset() != starts[k + 1]) {
                return null;
            }
        }
        ProblemLog all = new ProblemLog(name, options.maxProblems());
        long lineOffset = headerLines;
        long total = 0;
        for (int k = 0; k < n; k++) {
            all.addShifted(logs[k], lineOffset);
            lineOffset += outcomes[k].lines();
            total += samples[k];
        }
        S first = PartsRunner.merged(filled, merge);
        PhaseTrace.mark("threads' aggregates merged");
        return new ParallelRead<>(new FileReadResult(name, JtlFormat.CSV, false, total, all.malformed(),
                all.truncated(), all.problems()), first);
    }

    /** The stream, its first {@code length} bytes reported to the progress when there is one. */
    private InputStream counted(InputStream in, long length) {
        return progress == null ? in : new CountingInputStream(in, progress, length);
    }

    private static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ResultsReadException(file + ": is a directory, not a result file");
        }
        return Files.newInputStream(file);
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
