package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What {@code perfgate history} costs as the history grows (issue 21): reading the key-figures index of every build,
 * the report with change points on every label and metric, and the text table, for a large history beside a small
 * one (the baseline) in the same run, with the heap the loaded history and report keep. Only the index files are
 * written (the full summaries are not read by {@code perfgate history}), so 10,000 builds are laid out in seconds.
 * Also the large history read whole (every entry held), as the command did before. Prints figures; never
 * asserts times. Run: {@code HistoryBenchmark scale [small] [large] [labels]}.
 */
final class HistoryScaleBenchmark {

    /** Figures of one history size: milliseconds and retained bytes. */
    record Figures(int builds, double loadMillis, double reportMillis, double tableMillis, long retainedBytes,
            int changePoints) {

        double totalMillis() {
            return loadMillis + reportMillis + tableMillis;
        }
    }

    private HistoryScaleBenchmark() {
    }

    static List<Figures> run(Path dir, int small, int large, int labels, PrintStream log) throws IOException {
        List<RunFigures> variants = variants(labels);
        Figures base = measure(layOut(dir.resolve("small"), small, variants), false, 2);
        Path largeDir = layOut(dir.resolve("large"), large, variants);
        Figures big = measure(largeDir, false, 1);
        Figures held = measure(largeDir, true, 1);
        log.printf(Locale.ROOT, "perfgate history (index read + change points on %d labels x 3 metrics + table)%n",
                labels + 1);
        for (Figures f : List.of(base, big)) {
            log.printf(Locale.ROOT, "  %,6d builds: load %6.0f ms, report %6.0f ms, table %4.0f ms, total %6.0f ms"
                    + " (%.2f ms/build), %d change points, %.1f MiB kept (%,d bytes/build)%s%n", f.builds(),
                    f.loadMillis(), f.reportMillis(), f.tableMillis(), f.totalMillis(), f.totalMillis() / f.builds(),
                    f.changePoints(), f.retainedBytes() / 1048576.0, f.retainedBytes() / f.builds(),
                    f == base ? "  <- baseline" : "");
        }
        log.printf(Locale.ROOT, "  %,6d builds with the whole history held (the read before issue 21): total %6.0f ms,"
                + " %.1f MiB kept (%,d bytes/build): streaming keeps %.1fx less%n", held.builds(), held.totalMillis(),
                held.retainedBytes() / 1048576.0, held.retainedBytes() / held.builds(),
                (double) held.retainedBytes() / big.retainedBytes());
        double n = (double) large / small;
        log.printf(Locale.ROOT, "  %.0fx the builds: %.1fx the time (report %.1fx), %.1fx the heap%n", n,
                big.totalMillis() / base.totalMillis(), big.reportMillis() / base.reportMillis(),
                (double) big.retainedBytes() / base.retainedBytes());
        return List.of(base, big, held);
    }

    /** 64 distinct runs' figures (2 % noise, the second half 15 % slower); their summaries are dropped at once. */
    static List<RunFigures> variants(int labels) {
        int kinds = 32;
        Random noise = new Random(7);
        List<RunFigures> variants = new ArrayList<>();
        for (int v = 0; v < 2 * kinds; v++) {
            variants.add(RunFigures.of(HistoryBenchmark.synthetic(v, labels,
                    (1 + 0.02 * noise.nextGaussian()) * (v >= kinds ? 1.15 : 1))));
        }
        return variants;
    }

    /** Writes only the builds' key-figures files, the second half from the slower runs, as the benchmark does. */
    static Path layOut(Path dir, int builds, List<RunFigures> variants) throws IOException {
        int kinds = variants.size() / 2;
        Random pick = new Random(11);
        for (int b = 1; b <= builds; b++) {
            RunFigures f = variants.get(pick.nextInt(kinds) + (b > builds / 2 ? kinds : 0));
            Path d = Files.createDirectories(dir.resolve(Integer.toString(b)));
            Files.writeString(d.resolve(DirectoryHistoryStore.FIGURES), HistoryJson.toJson(new HistoryEntry(
                    new BuildRef(b, "", 1_700_000_000_000L + b * 60_000L, BuildResult.SUCCESS,
                            b % 50 == 0 ? "v" + b / 50 : "", ""), f)), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /**
     * Best of {@code rounds} passes (two for the small history: its first includes the JIT's warm-up) of what
     * {@code perfgate history} does: entries streamed into the report's collector, then the report and its table
     * written line by line; the heap kept is the report's (and, with {@code whole}, the loaded history's: how the command read a history
     * before issue 21, every entry's figures held at once).
     */
    private static Figures measure(Path dir, boolean whole, int rounds) throws IOException {
        DirectoryHistoryStore store = new DirectoryHistoryStore(dir);
        Figures best = null;
        for (int round = 0; round < rounds; round++) {
            long before = usedAfterGc();
            long t0 = System.nanoTime();
            History h = null;
            HistoryReport.Collector collector = new HistoryReport.Collector(HistoryReport.Options.defaults());
            int[] builds = {0};
            if (whole) {
                h = store.load();
                h.entries().forEach(collector::accept);
                builds[0] = h.entries().size();
            } else {
                store.scan(e -> {
                    collector.accept(e);
                    builds[0]++;
                });
            }
            long t1 = System.nanoTime();
            HistoryReport report = collector.report();
            long t2 = System.nanoTime();
            long[] chars = {0};
            HistoryReportFormat.table(report, false, new java.io.Writer() { // counted, not kept, as the CLI prints it
                @Override
                public void write(char[] buf, int off, int len) {
                    chars[0] += len;
                }

                @Override
                public java.io.Writer append(CharSequence cs) {
                    chars[0] += cs.length();
                    return this;
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            long t3 = System.nanoTime();
            long kept = usedAfterGc() - before;
            if (builds[0] == 0 || chars[0] == 0) {
                throw new IllegalStateException("empty history in " + dir);
            }
            Figures f = new Figures(builds[0], (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, kept,
                    report.changePoints().size());
            best = best == null || f.totalMillis() < best.totalMillis() ? f : best;
            java.lang.ref.Reference.reachabilityFence(h);
            java.lang.ref.Reference.reachabilityFence(report);
        }
        return best;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
