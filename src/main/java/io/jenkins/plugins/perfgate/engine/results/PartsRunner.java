package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
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
 * Reads the parts of one file on a pool of threads, for CSV ({@code ResultFileReader.readParallel}) and XML
 * ({@link XmlParts}): each thread takes the next part not yet taken and reads it into a sink of its own, so that on
 * a busy machine a thread that gets less CPU reads fewer parts instead of holding up the file, and the heap holds
 * one sink per thread however many parts there are.
 */
final class PartsRunner {

    /** Parts per thread at least: the last parts to finish decide when the file is read. */
    private static final int PARTS_PER_THREAD = 8;
    /** Size of a part in large files (a few tens of milliseconds of reading). */
    private static final long PART_BYTES = 16L << 20;
    /** Smallest part worth its own reader. */
    static final long MIN_PART = 1L << 20;
    private static final int MAX_PARTS = 4096;

    private PartsRunner() {
    }

    /** Reads one part into the sink of the thread that took it. */
    interface PartRead<S> {
        void read(int part, S sink) throws IOException;
    }

    /**
     * Reads the next part, when there is one, into the sink of the calling thread, which {@code sink} gives (made
     * on its first use); false when no part is left.
     */
    interface NextPart<S> {
        boolean read(Supplier<S> sink) throws IOException;
    }

    /** How many parts of about equal size {@code span} bytes read by {@code threads} threads are cut into. */
    static int partCount(long span, int threads) {
        return (int) Math.min(MAX_PARTS, Math.min(Math.max((long) threads * PARTS_PER_THREAD, span / PART_BYTES),
                Math.max(threads, span / MIN_PART)));
    }

    /**
     * Reads parts {@code 0 .. parts-1} with {@code threads} threads named {@code threadName-1},
     * {@code threadName-2}, ...; returns the sinks of the threads that read a part (at least one when there is a
     * part). Every thread runs to its end: none is interrupted, which would close a channel the parts share.
     *
     * @param failure what the first failure of a part (the cause of its {@link ExecutionException}) is thrown as
     * @throws ResultsReadException when the calling thread is interrupted while it waits
     */
    static <S> List<S> run(String name, String threadName, int threads, int parts, Supplier<S> sinks,
            PartRead<S> read, Function<Throwable, IOException> failure) throws IOException {
        AtomicInteger next = new AtomicInteger();
        return run(name, threadName, threads, sinks, sink -> {
            int k = next.getAndIncrement();
            if (k >= parts) {
                return false;
            }
            read.read(k, sink.get());
            return true;
        }, failure);
    }

    /**
     * Reads parts with {@code threads} threads as {@link #run(String, String, int, int, Supplier, PartRead,
     * Function)} does, each thread until {@code read} finds no part left: for parts that come as a stream is read.
     */
    static <S> List<S> run(String name, String threadName, int threads, Supplier<S> sinks, NextPart<S> read,
            Function<Throwable, IOException> failure) throws IOException {
        List<Callable<S>> readers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            readers.add(() -> {
                List<S> mine = new ArrayList<>(1);
                Supplier<S> sink = () -> {
                    if (mine.isEmpty()) {
                        mine.add(sinks.get());
                    }
                    return mine.get(0);
                };
                while (read.read(sink)) {
                    // the next part
                }
                PhaseTrace.mark("no part left: thread done");
                return mine.isEmpty() ? null : mine.get(0);
            });
        }
        AtomicInteger numbered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName + "-" + numbered.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<S> filled = new ArrayList<>();
        try {
            for (Future<S> f : pool.invokeAll(readers)) {
                S sink = f.get();
                if (sink != null) {
                    filled.add(sink);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResultsReadException(name + ": reading was interrupted", e);
        } catch (ExecutionException e) {
            throw failure.apply(e.getCause());
        } finally {
            pool.shutdown();
        }
        return filled;
    }

    /** The first sink with the others' samples added by {@code merge}. */
    static <S> S merged(List<S> sinks, BiConsumer<S, S> merge) {
        S first = sinks.get(0);
        for (S other : sinks.subList(1, sinks.size())) {
            merge.accept(first, other);
        }
        return first;
    }
}
