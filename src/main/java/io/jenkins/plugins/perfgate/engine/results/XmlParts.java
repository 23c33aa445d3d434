package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A large plain XML result file read by several threads: cut into parts before lines that start with a sample
 * element ({@code <httpSample } or {@code <sample } at the start of a line, where JMeter writes its top-level
 * samples; nested ones are indented), each part read by {@link XmlJtlReader#readPart} into the sink of the thread
 * that takes it. Every part but the last must end cleanly between top-level samples; if one does not (a cut inside
 * a sample after all, a CDATA section or a comment), or any part meets an error that stops a read, the caller reads
 * the file again with one thread, which gives the authoritative outcome and messages.
 */
final class XmlParts {

    private static final long PART_BYTES = 16L << 20;
    private static final int PARTS_PER_THREAD = 8;
    private static final long MIN_PART = 1L << 20;
    private static final int MAX_PARTS = 4096;
    /** How far a cut looks for a line starting with a sample before giving up on that cut. */
    private static final int SEARCH = 1 << 20;

    private XmlParts() {
    }

    /** The outcome of a part: its reader's log, lines and samples. */
    private record Part(boolean clean, ProblemLog log, long lines, long samples) {
    }

    /**
     * Reads {@code [start, size)} of the file in parts; null when the parts did not fit (read the file with one
     * thread instead).
     *
     * @param readers a reader of one part writing into the given sink and log
     */
    static <S extends SampleSink> ResultFileReader.ParallelRead<S> read(String name, FileChannel channel, long start,
            long size, int threads, int maxProblems, Supplier<S> sinks, BiConsumer<S, S> merge,
            PartReader readers, Function<InputStream, InputStream> counted) throws IOException {
        long span = size - start;
        int n = (int) Math.min(MAX_PARTS, Math.min(Math.max((long) threads * PARTS_PER_THREAD, span / PART_BYTES),
                Math.max(threads, span / MIN_PART)));
        List<Long> cuts = new ArrayList<>();
        cuts.add(start);
        for (int k = 1; k < n; k++) {
            long cut = sampleLineAtOrAfter(channel, start + span * k / n, size);
            if (cut > cuts.get(cuts.size() - 1)) {
                cuts.add(cut);
            }
        }
        int parts = cuts.size();
        if (parts < 2) {
            return null;
        }
        cuts.add(size);
        Part[] outcomes = new Part[parts];
        AtomicInteger next = new AtomicInteger();
        List<Callable<S>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                S mine = null;
                for (int k = next.getAndIncrement(); k < parts; k = next.getAndIncrement()) {
                    if (mine == null) {
                        mine = sinks.get();
                    }
                    ProblemLog log = new ProblemLog(name, maxProblems);
                    long from = cuts.get(k);
                    long to = cuts.get(k + 1);
                    XmlJtlReader reader = readers.reader(log, mine);
                    boolean clean;
                    try {
                        clean = reader.readPart(counted.apply(new Region(channel, from, to)), k == 0, k == parts - 1);
                    } catch (ResultsReadException e) {
                        clean = false; // the read with one thread reports it
                    }
                    outcomes[k] = new Part(clean, log, reader.linesRead(), reader.samples());
                }
                return mine;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "perfgate-xml-part");
            t.setDaemon(true);
            return t;
        });
        List<S> filled = new ArrayList<>();
        try {
            for (Future<S> f : pool.invokeAll(tasks)) {
                S sink = f.get();
                if (sink != null) {
                    filled.add(sink);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResultsReadException(name + ": reading was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
        ProblemLog all = new ProblemLog(name, maxProblems);
        long lineOffset = 0;
        long total = 0;
        for (Part p : outcomes) {
            if (!p.clean()) {
                return null;
            }
            all.addShifted(p.log(), lineOffset);
            lineOffset += p.lines();
            total += p.samples();
        }
        S first = filled.get(0);
        for (S other : filled.subList(1, filled.size())) {
            merge.accept(first, other);
        }
        return new ResultFileReader.ParallelRead<>(new FileReadResult(name, JtlFormat.XML, false, total,
                all.malformed(), all.truncated(), all.problems()), first);
    }

    /** Makes the reader of one part. */
    interface PartReader {
        XmlJtlReader reader(ProblemLog log, SampleSink sink);
    }

    /**
     * The offset of the first line at or after {@code from} that starts with {@code <httpSample} or {@code <sample}
     * followed by white space, '>' or '/'; -1 when there is none in the next {@value #SEARCH} bytes.
     */
    static long sampleLineAtOrAfter(FileChannel channel, long from, long size) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(64 * 1024);
        long at = from;
        while (at < size && at - from < SEARCH) {
            window.clear();
            int n = channel.read(window, at);
            if (n <= 0) {
                return -1;
            }
            byte[] b = window.array();
            for (int i = 0; i + 1 < n; i++) {
                if (b[i] == '\n' && b[i + 1] == '<') {
                    int tag = startsSample(b, i + 1, n);
                    if (tag > 0) {
                        return at + i + 1;
                    }
                    if (tag < 0) {
                        n = i + 1; // too close to the window's end to tell: look again from the line break
                        break;
                    }
                }
            }
            at += Math.max(1, n - 1);
        }
        return -1;
    }

    /** 1 when the bytes at {@code i} start a sample tag, 0 when not, -1 when the window ends too soon to tell. */
    private static int startsSample(byte[] b, int i, int n) {
        for (String name : new String[] {"<httpSample", "<sample"}) {
            int end = i + name.length();
            if (end >= n) {
                return -1;
            }
            boolean same = true;
            for (int k = 0; k < name.length() && same; k++) {
                same = b[i + k] == name.charAt(k);
            }
            byte after = b[end];
            if (same && (after == ' ' || after == '\t' || after == '\r' || after == '\n' || after == '>'
                    || after == '/')) {
                return 1;
            }
        }
        return 0;
    }

    /** Bytes {@code [from, to)} of a file, with positional reads (threads share the channel). */
    private static final class Region extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        Region(FileChannel channel, long from, long to) {
            this.channel = channel;
            this.position = from;
            this.end = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }
}
