package io.jenkins.plugins.perfgate.engine.results;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hidden timing trace of a process's phases, for finding the serial parts of a read: with
 * {@code -Dperfgate.trace=true} (in {@code JAVA_OPTS} or {@code PERFGATE_JAVA_OPTS} of {@code bin/perfgate}) each
 * {@link #mark} prints a line on standard error with the wall time since the JVM started and the CPU time of the
 * calling thread. Off by default; when off, a mark costs one static field read and the management classes are
 * never loaded.
 */
public final class PhaseTrace {

    /** Whether the trace is on ({@code -Dperfgate.trace=true}). */
    public static final boolean ON = Boolean.getBoolean("perfgate.trace");

    private PhaseTrace() {
    }

    /** Prints one phase line: wall ms since the JVM started, the thread, its CPU ms so far, and {@code phase}. */
    public static void mark(String phase) {
        if (ON) {
            Holder.print(phase);
        }
    }

    /** Milliseconds since the JVM started, or 0 when the trace is off (to measure a span between marks). */
    public static double nowMillis() {
        return ON ? Holder.sinceStart() : 0;
    }

    /**
     * Prints the CPU time of every live thread of the JVM (the JIT's compiler threads, the garbage collector's),
     * largest first: where a process's CPU went beside its own threads.
     */
    public static void threads() {
        if (ON) {
            Holder.printThreads();
        }
    }

    /** Loaded only when the trace is on. */
    private static final class Holder {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        /** The JVM's start (as the JVM recorded it, in ms) and the nano clock read at the same moment. */
        private static final long NANO_AT = System.nanoTime();
        private static final double MILLIS_AT = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();

        static double sinceStart() {
            return MILLIS_AT + (System.nanoTime() - NANO_AT) / 1e6;
        }

        static void print(String phase) {
            double cpu = THREADS.getCurrentThreadCpuTime() / 1e6;
            System.err.println(String.format(Locale.ROOT, "perfgate trace: %8.1f ms  %-20s cpu %7.1f ms  %s",
                    sinceStart(), Thread.currentThread().getName(), cpu, phase));
        }

        /**
         * From Linux's {@code /proc/self/task}: the JVM hides its compiler and GC threads from
         * {@link ThreadMXBean}, and they are the ones to see. Ticks of 10 ms; by thread name, summed.
         */
        static void printThreads() {
            Map<String, Long> ticks = new TreeMap<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                for (Path task : tasks) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (NoSuchFileException ended) {
                        continue; // a thread that ended since the listing (this lost the whole table before)
                    }
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("[0-9]+$", "#");
                    String[] f = stat.substring(close + 2).split(" ");
                    // fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("perfgate trace: no thread times: " + e);
                return;
            }
            ticks.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> System.err.println(String.format(Locale.ROOT,
                            "perfgate trace: threads %-20s cpu %6d ms", e.getKey(), e.getValue() * 10)));
        }
    }
}
