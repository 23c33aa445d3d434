package io.jenkins.plugins.perfgate.engine.results;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads a JMeter result file of any supported kind into samples: CSV (any dialect, see {@link CsvLayout}) or XML,
 * plain or gzip-compressed, recognised by content rather than by file name. Large plain CSV files can be read by
 * several threads at once ({@link #readParallel}).
 */
public final class ResultFileReader {

    /** Bytes looked at to recognise the format and the CSV header. */
    private static final int PREFIX = 64 * 1024;
    /**
     * Bytes a CSV reader reads at a time. Small enough that the buffer, and the JDK's copy it is filled from, stay
     * in a core's L2 cache while the rows are parsed (1 MB buffers were ~10 % slower); the benchmark's raw line
     * scan reads with the same size.
     */
    public static final int READ_BUFFER_BYTES = 128 * 1024;
    /** Files below this are read by one thread: splitting would cost more than it saves. */
    public static final long PARALLEL_THRESHOLD = 8L << 20;

    private final ReadOptions options;
    private final boolean threadNames;

    public ResultFileReader(ReadOptions options) {
        this(options, true);
    }

    private ResultFileReader(ReadOptions options, boolean threadNames) {
        this.options = options;
        this.threadNames = threadNames;
    }

    /**
     * A reader that leaves {@link Sample#threadName()} empty in CSV files: for sinks that never look at it (the
     * aggregation), it saves decoding a text that differs from row to row (about 8 % of the reading time).
     */
    public ResultFileReader withoutThreadNames() {
        return new ResultFileReader(options, false);
    }

    /** Samples read by several sinks, one per part of the file; merge them for the whole file. */
    public record ParallelRead<S extends SampleSink>(FileReadResult result, List<S> sinks) {
        public ParallelRead {
            sinks = List.copyOf(sinks);
        }
    }

    /** What the first bytes of a file say about it. */
    private record Sniffed(JtlFormat format, boolean gzip, byte[] prefix, int prefixLength, int contentStart,
            int skippedLines) {
    }

    /**
     * Reads one file into the sink.
     *
     * @throws ResultsReadException when the file is missing, unreadable, empty or not a JMeter result file; rows
     *                              that cannot be read are reported in the result instead
     */
    public FileReadResult read(Path file, SampleSink sink) throws ResultsReadException {
        try {
            return read(file, sink, isGzip(file));
        } catch (ResultsReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ResultsReadException(file + ": cannot read: " + describe(e), e);
        }
    }

    private FileReadResult read(Path file, SampleSink sink, boolean gzip) throws ResultsReadException {
        String name = file.toString();
        ProblemLog log = new ProblemLog(name, options.maxProblems());
        try (InputStream raw = open(file)) {
            InputStream in = raw;
            if (gzip) {
                in = new GZIPInputStream(raw, 1 << 16);
            }
            Sniffed s = sniff(name, in, gzip);
            InputStream rest = new SequenceInputStream(
                    new ByteArrayInputStream(s.prefix(), s.contentStart(), s.prefixLength() - s.contentStart()), in);
            long samples;
            if (s.format() == JtlFormat.XML) {
                XmlJtlReader xml = new XmlJtlReader(options, log, sink);
                xml.read(rest);
                samples = xml.samples();
            } else {
                String firstLine = firstLine(name, s);
                CsvLayout layout = CsvLayout.detect(name, firstLine, options);
                if (layout.hasHeader()) {
                    rest.skipNBytes(headerBytes(s));
                }
                CsvJtlReader csv = new CsvJtlReader(layout, options, log, sink, threadNames);
                csv.parse(rest, Long.MAX_VALUE, (layout.hasHeader() ? 2 : 1) + s.skippedLines());
                samples = csv.samples();
            }
            return new FileReadResult(name, s.format(), gzip, samples, log.malformed(), log.truncated(),
                    log.problems());
        } catch (ResultsReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ResultsReadException(name + ": cannot read: " + describe(e), e);
        }
    }

    /**
     * Reads one file with up to {@code threads} threads, each part into its own sink from {@code sinks}. Plain CSV
     * files of at least a few MB are split at line breaks; a split that falls inside a quoted field (which may hold
     * line breaks) is detected, as the part before it does not end there, and the rest of the file is then read
     * again from the true row boundary by one thread. Anything else is read by one thread into one sink.
     */
    public <S extends SampleSink> ParallelRead<S> readParallel(Path file, int threads, Supplier<S> sinks)
            throws ResultsReadException {
        return readParallel(file, threads, sinks, null);
    }

    /**
     * Reads one file as {@link #readParallel(Path, int, Supplier)} does, but in more parts than threads, each
     * thread taking the next part when it is done: on a machine shared with other work a thread that gets less
     * CPU reads fewer parts, instead of the whole file waiting for its one half. Each part is merged into the
     * first one with {@code merge} (in file order) as soon as the parts before it are read, so that only a few
     * parts are held at a time; the result then holds one sink.
     *
     * @param merge adds the second sink's samples to the first
     */
    public <S extends SampleSink> ParallelRead<S> readParallel(Path file, int threads, Supplier<S> sinks,
            java.util.function.BiConsumer<S, S> merge) throws ResultsReadException {
        String name = file.toString();
        long size;
        Sniffed s;
        try {
            size = Files.size(file);
            boolean gzip = isGzip(file);
            if (threads <= 1 || gzip || size < PARALLEL_THRESHOLD) {
                S sink = sinks.get();
                return new ParallelRead<>(read(file, sink, gzip), List.of(sink));
            }
            try (InputStream in = open(file)) {
                s = sniff(name, in, false);
            }
        } catch (ResultsReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ResultsReadException(name + ": cannot read: " + describe(e), e);
        }
        if (s.format() != JtlFormat.CSV) {
            S sink = sinks.get();
            return new ParallelRead<>(read(file, sink, false), List.of(sink));
        }
        CsvLayout layout = CsvLayout.detect(name, firstLine(name, s), options);
        long dataStart = s.contentStart() + (layout.hasHeader() ? headerBytes(s) : 0);
        long headerLines = (layout.hasHeader() ? 1 : 0) + s.skippedLines();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return readChunks(name, channel, size, dataStart, headerLines, layout, threads, sinks, merge);
        } catch (IOException e) {
            throw new ResultsReadException(name + ": cannot read: " + describe(e), e);
        }
    }

    /** Parts per thread when parts are merged as they come (see the four-argument readParallel). */
    private static final int PARTS_PER_THREAD = 4;
    /** Smallest part worth its own reader and aggregate. */
    private static final long MIN_PART = 1L << 20;
    /**
     * Heap below which a file is read in one part per thread even when parts are merged as they come: up to
     * threads + 3 parts' aggregates are held at a time, and with hundreds of labels (tens of MB per aggregate)
     * only two fit in a 64 MiB heap.
     */
    static final long HEAP_FOR_MORE_PARTS = 200L << 20;

    /** One part of a file: where it starts, where its last row may start, and once submitted its reader. */
    private static final class Chunk<S> {
        final long start;
        final long nominalEnd;
        S sink;
        ProblemLog log;
        CsvJtlReader reader;

        Chunk(long start, long nominalEnd) {
            this.start = start;
            this.nominalEnd = nominalEnd;
        }
    }

    private <S extends SampleSink> ParallelRead<S> readChunks(String name, FileChannel channel, long size,
            long dataStart, long headerLines, CsvLayout layout, int threads, Supplier<S> sinks,
            java.util.function.BiConsumer<S, S> merge) throws IOException {
        long span = size - dataStart;
        boolean moreParts = merge != null && Runtime.getRuntime().maxMemory() >= HEAP_FOR_MORE_PARTS;
        int n = !moreParts ? threads
                : (int) Math.max(threads, Math.min((long) threads * PARTS_PER_THREAD, span / MIN_PART));
        List<Chunk<S>> chunks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long nominalStart = dataStart + span * k / n;
            long nominalEnd = dataStart + span * (k + 1) / n;
            long start = k == 0 ? dataStart : lineStartAtOrAfter(channel, nominalStart, size);
            chunks.add(new Chunk<>(start, k == n - 1 ? Long.MAX_VALUE : nominalEnd));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "perfgate-csv-chunk");
            t.setDaemon(true);
            return t;
        });
        ProblemLog all = new ProblemLog(name, options.maxProblems());
        List<S> used = new ArrayList<>();
        long samples = 0;
        long lineOffset = headerLines;
        // parts are submitted a few ahead of the one merged next, so that few are held at a time
        int ahead = merge == null ? n : threads + 2;
        List<Future<CsvJtlReader.Outcome>> futures = new ArrayList<>();
        try {
            while (futures.size() < Math.min(n, ahead)) {
                futures.add(submit(pool, chunks.get(futures.size()), channel, layout, name, sinks));
            }
            for (int k = 0; k < n; k++) {
                CsvJtlReader.Outcome outcome = futures.get(k).get();
                if (futures.size() < n) {
                    futures.add(submit(pool, chunks.get(futures.size()), channel, layout, name, sinks));
                }
                Chunk<S> c = chunks.get(k);
                long end = c.start + outcome.endOffset();
                boolean lastValid = k + 1 == n || chunks.get(k + 1).start == end;
                all.addShifted(c.log, lineOffset);
                samples += c.reader.samples();
                lineOffset += outcome.lines();
                if (merge != null && !used.isEmpty()) {
                    merge.accept(used.get(0), c.sink);
                } else {
                    used.add(c.sink);
                }
                chunks.set(k, null); // its reader and sink are no longer needed
                if (!lastValid) {
                    // the next split fell inside a quoted field: the parts after it are void; once those already
                    // started are done (never interrupted: that would close the shared channel), read the rest
                    // again from the true row boundary
                    for (Future<CsvJtlReader.Outcome> f : futures.subList(k + 1, futures.size())) {
                        f.get();
                    }
                    S sink = sinks.get();
                    ProblemLog log = new ProblemLog(name, options.maxProblems());
                    CsvJtlReader rest = new CsvJtlReader(layout, options, log, sink, threadNames);
                    rest.parse(new RegionInputStream(channel, end), Long.MAX_VALUE, 1);
                    all.addShifted(log, lineOffset);
                    if (merge != null) {
                        merge.accept(used.get(0), sink);
                    } else {
                        used.add(sink);
                    }
                    samples += rest.samples();
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResultsReadException(name + ": reading was interrupted", e);
        } catch (ExecutionException e) {
            throw new ResultsReadException(name + ": cannot read: " + describe(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new ParallelRead<>(new FileReadResult(name, JtlFormat.CSV, false, samples, all.malformed(),
                all.truncated(), all.problems()), used);
    }

    private <S extends SampleSink> Future<CsvJtlReader.Outcome> submit(ExecutorService pool, Chunk<S> c,
            FileChannel channel, CsvLayout layout, String name, Supplier<S> sinks) {
        c.sink = sinks.get();
        c.log = new ProblemLog(name, options.maxProblems());
        c.reader = new CsvJtlReader(layout, options, c.log, c.sink, threadNames);
        return pool.submit(() -> c.reader.parse(new RegionInputStream(channel, c.start),
                c.nominalEnd == Long.MAX_VALUE ? Long.MAX_VALUE : c.nominalEnd - c.start, 1));
    }

    /** The first position at or after {@code from} that starts a line (size when none). */
    private static long lineStartAtOrAfter(FileChannel channel, long from, long size) throws IOException {
        if (from == 0) {
            return 0;
        }
        long pos = from - 1;
        byte[] window = new byte[64 * 1024];
        InputStream in = new RegionInputStream(channel, pos);
        while (pos < size) {
            int n = in.read(window, 0, window.length);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (window[i] == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
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

    private static Sniffed sniff(String name, InputStream in, boolean gzip) throws IOException {
        byte[] prefix = new byte[PREFIX];
        int len = 0;
        try {
            while (len < PREFIX) {
                int n = in.read(prefix, len, PREFIX - len);
                if (n < 0) {
                    break;
                }
                len += n;
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            if (len == 0) {
                throw new ResultsReadException(name + ": gzip data is damaged or cut off at its start: "
                        + e.getMessage(), e);
            }
            // a small compressed file cut off: what was decompressed is read, its last row reported as truncated
        }
        int p = 0;
        if (len >= 3 && (prefix[0] & 0xff) == 0xEF && (prefix[1] & 0xff) == 0xBB && (prefix[2] & 0xff) == 0xBF) {
            p = 3;
        }
        int contentStart = p;
        while (p < len && (prefix[p] == ' ' || prefix[p] == '\t' || prefix[p] == '\r' || prefix[p] == '\n')) {
            p++;
        }
        if (p >= len) {
            throw new ResultsReadException(name + ": is empty (no results were written)");
        }
        if (prefix[p] == '<') {
            return new Sniffed(JtlFormat.XML, gzip, prefix, len, p, 0);
        }
        for (int i = p; i < Math.min(len, p + 512); i++) {
            if (prefix[i] == 0) {
                throw new ResultsReadException(name + ": not a JMeter result file (binary content)");
            }
        }
        // CSV: leading blank lines are skipped but counted, so that line numbers stay those of the file
        int skipped = 0;
        for (int i = contentStart; i < p; i++) {
            if (prefix[i] == '\n') {
                skipped++;
                contentStart = i + 1;
            }
        }
        return new Sniffed(JtlFormat.CSV, gzip, prefix, len, contentStart, skipped);
    }

    /** Length of the first non-blank line including its line break (skipped blank lines included). */
    private static long headerBytes(Sniffed s) {
        int nl = indexOf(s.prefix(), s.contentStart(), s.prefixLength(), (byte) '\n');
        return nl < 0 ? s.prefixLength() - s.contentStart() : nl + 1 - s.contentStart();
    }

    private static String firstLine(String name, Sniffed s) throws ResultsReadException {
        int start = s.contentStart();
        int nl = indexOf(s.prefix(), start, s.prefixLength(), (byte) '\n');
        if (nl < 0 && s.prefixLength() == PREFIX) {
            throw new ResultsReadException(name + ": not a JMeter result file: its first line is longer than "
                    + PREFIX + " bytes");
        }
        int end = nl < 0 ? s.prefixLength() : nl;
        if (end > start && s.prefix()[end - 1] == '\r') {
            end--;
        }
        String line = new String(Arrays.copyOfRange(s.prefix(), start, end), StandardCharsets.UTF_8);
        if (line.isBlank()) {
            throw new ResultsReadException(name + ": starts with a blank line; not a JMeter result file");
        }
        return line;
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
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
