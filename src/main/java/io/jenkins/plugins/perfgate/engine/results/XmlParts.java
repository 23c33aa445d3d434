package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        int n = PartsRunner.partCount(span, threads);
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
        Map<Thread, XmlThreadState> states = new ConcurrentHashMap<>();
        List<S> filled = PartsRunner.run(name, "perfgate-xml-part", threads, parts, sinks, (k, sink) -> {
            ProblemLog log = new ProblemLog(name, maxProblems);
            // each thread's parts share their reader's state (by thread, not by sink: a sink might be shared)
            XmlJtlReader reader = readers.reader(log, sink,
                    states.computeIfAbsent(Thread.currentThread(), t -> new XmlThreadState()));
            boolean clean;
            double began = PhaseTrace.nowMillis();
            try {
                clean = reader.readPart(counted.apply(new RegionInputStream(channel, cuts.get(k), cuts.get(k + 1))),
                        k == 0, k == parts - 1);
            } catch (ResultsReadException e) {
                clean = false; // the read with one thread reports it
            }
            if (PhaseTrace.ON) {
                PhaseTrace.mark(String.format(Locale.ROOT, "xml part %d of %d read: %.1f MB in %.1f ms", k, parts,
                        (cuts.get(k + 1) - cuts.get(k)) / 1e6, PhaseTrace.nowMillis() - began));
            }
            outcomes[k] = new Part(clean, log, reader.linesRead(), reader.samples());
        }, cause -> cause instanceof IOException io ? io : new IOException(cause));
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
        return new ResultFileReader.ParallelRead<>(new FileReadResult(name, JtlFormat.XML, false, total,
                all.malformed(), all.truncated(), all.problems()), PartsRunner.merged(filled, merge));
    }

    /** Makes the reader of one part. */
    interface PartReader {
        XmlJtlReader reader(ProblemLog log, SampleSink sink, XmlThreadState state);
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
}
