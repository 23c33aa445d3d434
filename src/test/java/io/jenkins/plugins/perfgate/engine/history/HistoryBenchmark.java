package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.results.Sample;
import io.jenkins.plugins.perfgate.engine.results.SourceFile;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures reading a build history: the key-figures index ({@link DirectoryHistoryStore#load()}) against the
 * baseline of decoding every build's full summary, plus the history report with change points over the same builds.
 * Prints figures; never asserts times. Run: {@code java -cp perfgate-cli.jar
 * io.jenkins.plugins.perfgate.engine.history.HistoryBenchmark [builds] [labels] [rounds]}.
 */
public final class HistoryBenchmark {

    /** Figures of one benchmark run, all times in milliseconds (best of the rounds). */
    public record Figures(int builds, int labels, long indexBytes, long summaryBytes, double indexLoadMillis,
            double summaryDecodeMillis, double reportMillis, int changePoints) {

        public String format() {
            return String.format(Locale.ROOT, "history of %d builds x %d labels%n"
                    + "  key-figures index: %,d bytes in all, load %.0f ms (%.2f ms/build)%n"
                    + "  full summaries:    %,d bytes in all, decode %.0f ms (%.2f ms/build)  <- baseline%n"
                    + "  index is %.1fx faster; history report with change points: %.0f ms (%d change points)%n",
                    builds, labels, indexBytes, indexLoadMillis, indexLoadMillis / builds, summaryBytes,
                    summaryDecodeMillis, summaryDecodeMillis / builds, summaryDecodeMillis / indexLoadMillis,
                    reportMillis, changePoints);
        }
    }

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("scale")) {
            Path dir = Files.createTempDirectory("perfgate-history-scale");
            try {
                HistoryScaleBenchmark.run(dir, args.length > 1 ? Integer.parseInt(args[1]) : 1000,
                        args.length > 2 ? Integer.parseInt(args[2]) : 10_000,
                        args.length > 3 ? Integer.parseInt(args[3]) : 20, System.out);
            } finally {
                deleteTree(dir);
            }
            return;
        }
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int labels = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("perfgate-history-bench");
        try {
            run(dir, builds, labels, rounds, System.out);
        } finally {
            deleteTree(dir);
        }
    }

    public static Figures run(Path dir, int builds, int labels, int rounds, PrintStream log) throws IOException {
        DirectoryHistoryStore store = new DirectoryHistoryStore(dir);
        // a few dozen distinct runs (2 % run-to-run noise), recorded in random order under many build numbers, with
        // a 15 % slowdown from half way on
        int kinds = 32;
        Random noise = new Random(7);
        List<RunSummary> variants = new ArrayList<>();
        for (int v = 0; v < 2 * kinds; v++) {
            variants.add(synthetic(v, labels, (1 + 0.02 * noise.nextGaussian()) * (v >= kinds ? 1.15 : 1)));
        }
        for (int b = 1; b <= builds; b++) {
            RunSummary s = variants.get(noise.nextInt(kinds) + (b > builds / 2 ? kinds : 0));
            store.record(new BuildRef(b, "", 1_700_000_000_000L + b * 60_000L, BuildResult.SUCCESS,
                    b % 50 == 0 ? "v" + b / 50 : "", ""), s);
        }
        long indexBytes = sizes(dir, DirectoryHistoryStore.FIGURES);
        long summaryBytes = sizes(dir, DirectoryHistoryStore.SUMMARY);
        double index = Double.MAX_VALUE;
        double decode = Double.MAX_VALUE;
        double report = Double.MAX_VALUE;
        int changes = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            History h = store.load();
            long t1 = System.nanoTime();
            for (HistoryEntry e : h.entries()) {
                store.summary(e.number()).orElseThrow();
            }
            long t2 = System.nanoTime();
            HistoryReport rep = HistoryReport.of(h, HistoryReport.Options.defaults());
            long t3 = System.nanoTime();
            if (h.entries().size() != builds) {
                throw new IllegalStateException("read " + h.entries().size() + " of " + builds + " builds");
            }
            index = Math.min(index, (t1 - t0) / 1e6);
            decode = Math.min(decode, (t2 - t1) / 1e6);
            report = Math.min(report, (t3 - t2) / 1e6);
            changes = rep.changePoints().size();
        }
        Figures f = new Figures(builds, labels, indexBytes, summaryBytes, index, decode, report, changes);
        log.print(f.format());
        return f;
    }

    static RunSummary synthetic(long seed, int labels, double factor) {
        Random random = new Random(seed);
        AggregationOptions options = AggregationOptions.defaults();
        RunAggregator aggregator = new RunAggregator(options);
        long start = 1_700_000_000_000L;
        int perLabel = 2000;
        for (int l = 0; l < labels; l++) {
            String label = "GET /api/resource-" + l;
            for (int i = 0; i < perLabel; i++) {
                long elapsed = Math.max(1, Math.round((50 + 10 * l) * factor * Math.exp(0.4
                        * random.nextGaussian())));
                boolean ok = random.nextInt(500) != 0;
                aggregator.accept(new Sample(start + random.nextInt(300_000), elapsed, label, ok ? "200" : "503",
                        ok ? "OK" : "Unavailable", "tg 1-" + (i % 20), ok, "", 2048, 300, 20, elapsed / 2, 1));
            }
        }
        return RunSummary.of(aggregator.aggregate(), options, List.of(new SourceFile("bench.jtl", "csv", "",
                (long) labels * perLabel, 0, false)), List.of(), Map.of());
    }

    private static long sizes(Path dir, String name) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals(name)).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Deletes depth first while walking: no list of every path (that list ran out of heap after a failed run). */
    static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
