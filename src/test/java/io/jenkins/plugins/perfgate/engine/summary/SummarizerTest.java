package io.jenkins.plugins.perfgate.engine.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.results.ResultsReadException;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.IntervalSeries;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.MergeAndPrecisionTest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files → summary: parallel chunks equal one thread, files merge exactly, bad files never look like a pass. */
class SummarizerTest {

    @TempDir
    Path tmp;

    private static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,"
            + "success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";

    /** A CSV file above the parallel threshold, with quoted line breaks in many rows (traps for naive splits). */
    private Path bigFile(String name, int rows, long seed, boolean withBadRows) throws IOException {
        return bigFile(name, rows, seed, withBadRows, 4);
    }

    private Path bigFile(String name, int rows, long seed, boolean withBadRows, int messages) throws IOException {
        Path f = tmp.resolve(name);
        SplittableRandom r = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write(HEADER);
            long t = 1_700_000_000_000L;
            for (int i = 0; i < rows; i++) {
                t += r.nextInt(5);
                boolean ok = r.nextInt(10) != 0;
                String message = ok ? "" : "\"assertion failed:\nexpected \"\"ok\"\",\n" + "x".repeat(r.nextInt(messages))
                        + "\"";
                if (withBadRows && i % 5000 == 17) {
                    w.write("garbage row " + i + "\n");
                }
                w.write(t + "," + (1 + r.nextInt(3000)) + ",label " + r.nextInt(20) + "," + (ok ? 200 : 500)
                        + ",OK,Thread Group 1-" + r.nextInt(50) + ",text," + ok + "," + message + ","
                        + r.nextInt(9000) + ",300,5,5,http://127.0.0.1/a?b=c," + r.nextInt(100) + ",0,"
                        + r.nextInt(5) + "\n");
            }
        }
        return f;
    }

    @Test
    void parallelChunksGiveExactlyWhatOneThreadGives() throws IOException {
        // 300 distinct failure messages: more than the top 10 kept, still merged exactly across parts
        Path f = bigFile("big.csv", 120_000, 7, true, 300);
        assertTrue(Files.size(f) > 9 << 20, "above the parallel threshold: " + Files.size(f));
        Summarizer s = new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults());
        RunSummary one = s.withThreads(1).summarize(List.of(Summarizer.Source.of(f)));
        for (int threads : new int[] {2, 3, 7}) {
            RunSummary many = s.withThreads(threads).summarize(List.of(Summarizer.Source.of(f)));
            assertEquals(one.sampleCount(), many.sampleCount());
            assertEquals(one.malformedLines(), many.malformedLines());
            assertEquals(one.problems().stream().map(p -> p.line()).toList(),
                    many.problems().stream().map(p -> p.line()).toList(), "problem lines are file lines");
            MergeAndPrecisionTest.assertSame(one.overall(), many.overall());
            for (LabelStats l : one.labels()) {
                MergeAndPrecisionTest.assertSame(l, many.label(l.label()).orElseThrow());
            }
        }
        assertEquals(RunStatus.INCOMPLETE, one.status(), "skipped rows never look like a complete run");
        assertEquals(24, one.malformedLines());
        List<String> lines = Files.readAllLines(f);
        long firstBad = one.problems().get(0).line();
        assertTrue(lines.get((int) firstBad - 1).startsWith("garbage row"), "line " + firstBad);
    }

    @Test
    void smallFilesReadConcurrentlyGiveWhatOneThreadGivesInSourceOrder() throws IOException {
        List<Summarizer.Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sources.add(new Summarizer.Source(bigFile("s" + i + ".csv", 2000 + i * 500, 10 + i, true, 50),
                    "g" + (i % 2)));
        }
        Summarizer s = new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults());
        RunSummary one = s.withThreads(1).summarize(sources);
        RunSummary two = s.withThreads(2).summarize(sources);
        assertEquals(one.sources(), two.sources());
        assertEquals(one.problems(), two.problems());
        MergeAndPrecisionTest.assertSame(one.overall(), two.overall());
        for (LabelStats l : one.labels()) {
            MergeAndPrecisionTest.assertSame(l, two.label(l.label()).orElseThrow());
        }
        MergeAndPrecisionTest.assertSame(one.generators().get("g1"), two.generators().get("g1"));
    }

    @Test
    void filesFromSeveralGeneratorsMergeExactlyAndKeepPerGeneratorFigures() throws IOException {
        Path a = bigFile("a.csv", 3000, 1, false);
        Path b = bigFile("b.csv", 5000, 2, false);
        Path both = tmp.resolve("both.csv");
        List<String> la = Files.readAllLines(a);
        List<String> lb = Files.readAllLines(b);
        Files.write(both, la);
        Files.write(both, lb.subList(1, lb.size()), java.nio.file.StandardOpenOption.APPEND);
        Summarizer s = new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults());
        RunSummary merged = s.summarize(List.of(new Summarizer.Source(a, "gen-1"), new Summarizer.Source(b, "gen-2")));
        RunSummary whole = s.summarize(List.of(Summarizer.Source.of(both)));
        // one file is one generator's: its thread counts are maxima; two generators' add up (next test)
        MergeAndPrecisionTest.assertSame(whole.overall(), merged.overall(), false);
        assertEquals(List.of("gen-1", "gen-2"), List.copyOf(merged.generators().keySet()));
        assertEquals(3000, merged.generators().get("gen-1").count());
        assertEquals(5000, merged.generators().get("gen-2").count());
        // RunSummary.merge of the per-file summaries equals the summary of both files
        RunSummary viaMerge = s.summarize(List.of(new Summarizer.Source(a, "gen-1")))
                .merge(s.summarize(List.of(new Summarizer.Source(b, "gen-2"))));
        MergeAndPrecisionTest.assertSame(merged.overall(), viaMerge.overall());
        assertEquals(merged.generators().keySet(), viaMerge.generators().keySet());
        // and the JSON round trip keeps everything needed to merge and compare
        RunSummary back = SummaryJson.fromJson(SummaryJson.toJson(merged));
        MergeAndPrecisionTest.assertSame(merged.overall(), back.overall());
        for (LabelStats l : merged.labels()) {
            MergeAndPrecisionTest.assertSame(l, back.label(l.label()).orElseThrow());
        }
        MergeAndPrecisionTest.assertSame(merged.generators().get("gen-2"), back.generators().get("gen-2"));
        assertEquals(merged.sources(), back.sources());
        assertTrue(SummaryJson.toJson(merged).length() < 400_000, "compact");
    }

    /**
     * One generator's file as JMeter 5.6 writes it: a thread group ramping up to {@code threads} threads, each
     * row's grpThreads/allThreads the JVM's active threads when the sample ended; rows in end-time order.
     */
    private static List<long[]> generatorRows(long seed, int threads, String[] labels, int[] labelOfRow) {
        SplittableRandom r = new SplittableRandom(seed);
        List<long[]> rows = new java.util.ArrayList<>(); // start, elapsed, active threads, label index
        long t = 1_700_000_000_000L + r.nextInt(700);
        for (int i = 0; i < labelOfRow.length; i++) {
            t += r.nextInt(40);
            int active = (int) Math.min(threads, 1 + i / 40);
            rows.add(new long[] {t, 5 + r.nextInt(200), active, labelOfRow[i]});
        }
        return rows;
    }

    private Path writeGenerator(String name, String host, List<long[]> rows, String[] labels) throws IOException {
        Path f = tmp.resolve(name);
        StringBuilder csv = new StringBuilder(HEADER);
        for (long[] row : rows) {
            csv.append(row[0]).append(',').append(row[1]).append(',').append(labels[(int) row[3]])
                    .append(",200,OK,").append(host).append(" Thread Group 1-").append(1 + row[0] % row[2])
                    .append(",text,true,,1234,321,").append(row[2]).append(',').append(row[2])
                    .append(",http://127.0.0.1:8080/x,").append(row[1] / 2).append(",0,").append(row[1] % 3)
                    .append('\n');
        }
        Files.writeString(f, csv);
        return f;
    }

    @Test
    void activeThreadsOfSeveralGeneratorsAddUpWhileOneGeneratorsPartsTakeTheMaximum() throws IOException {
        String[] labels = {"home", "search", "checkout"};
        int[] first = new int[600];
        int[] second = new int[500];
        for (int i = 0; i < first.length; i++) {
            first[i] = i % 2; // home and search only
        }
        for (int i = 0; i < second.length; i++) {
            second[i] = 1 + i % 2; // search and checkout only
        }
        List<long[]> g1 = generatorRows(1, 4, labels, first);
        List<long[]> g2 = generatorRows(2, 3, labels, second);
        Path a = writeGenerator("gen-1.csv", "host-1", g1, labels);
        Path b = writeGenerator("gen-2.csv", "host-2", g2, labels);
        Summarizer s = new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults());
        RunSummary run = s.summarize(List.of(new Summarizer.Source(a, "gen-1"), new Summarizer.Source(b, "gen-2")));
        long width = run.overall().series().bucketMillis();
        assertEquals(1000, width, "a run of seconds keeps 1 s intervals");
        // expected, computed independently: per interval, each generator's highest count, summed
        java.util.Map<Long, Long> overall = new java.util.TreeMap<>();
        java.util.Map<String, java.util.Map<Long, Long>> perLabel = new java.util.HashMap<>();
        for (List<long[]> gen : List.of(g1, g2)) {
            java.util.Map<Long, Long> genMax = new java.util.HashMap<>();
            java.util.Map<String, java.util.Map<Long, Long>> genLabelMax = new java.util.HashMap<>();
            for (long[] row : gen) {
                long interval = Math.floorDiv(row[0], width) * width;
                genMax.merge(interval, row[2], Math::max);
                genLabelMax.computeIfAbsent(labels[(int) row[3]], k -> new java.util.HashMap<>())
                        .merge(interval, row[2], Math::max);
            }
            genMax.forEach((k, v) -> overall.merge(k, v, Long::sum));
            genLabelMax.forEach((label, m) -> m.forEach((k, v) -> perLabel
                    .computeIfAbsent(label, x -> new java.util.HashMap<>()).merge(k, v, Long::sum)));
        }
        assertEquals(overall.size(), run.overall().series().intervals().size());
        for (IntervalSeries.Interval in : run.overall().series().intervals()) {
            assertEquals(overall.get(in.startMillis()), in.maxThreads(), "overall at " + in.startMillis());
        }
        assertTrue(run.overall().series().intervals().stream().anyMatch(in -> in.maxThreads() == 7),
                "4 + 3 threads at full load");
        for (String label : labels) {
            LabelStats stats = run.label(label).orElseThrow();
            for (IntervalSeries.Interval in : stats.series().intervals()) {
                assertEquals(perLabel.get(label).get(in.startMillis()), in.maxThreads(),
                        label + " at " + in.startMillis());
            }
        }
        // each generator's own figures keep its own maxima
        assertEquals(4, run.generators().get("gen-1").series().intervals().stream()
                .mapToInt(IntervalSeries.Interval::maxThreads).max().orElseThrow());
        assertEquals(3, run.generators().get("gen-2").series().intervals().stream()
                .mapToInt(IntervalSeries.Interval::maxThreads).max().orElseThrow());
        // merging the two generators' summaries sums the same way, and the JSON keeps the sums
        RunSummary viaMerge = s.summarize(List.of(new Summarizer.Source(a, "gen-1")))
                .merge(s.summarize(List.of(new Summarizer.Source(b, "gen-2"))));
        MergeAndPrecisionTest.assertSame(run.overall(), viaMerge.overall());
        MergeAndPrecisionTest.assertSame(run.overall(), SummaryJson.fromJson(SummaryJson.toJson(run)).overall());
        // the same files taken as one generator's (no ids): maxima, not sums
        RunSummary oneGenerator = s.summarize(List.of(Summarizer.Source.of(a), Summarizer.Source.of(b)));
        for (IntervalSeries.Interval in : oneGenerator.overall().series().intervals()) {
            assertTrue(in.maxThreads() <= 4, "max of one generator's counts at " + in.startMillis());
        }
        MergeAndPrecisionTest.assertSame(run.overall(), oneGenerator.overall(), false);
    }

    @Test
    void samplesPassedAsFiguresAggregateExactlyAsSampleObjects() throws IOException {
        Path f = bigFile("figures.csv", 20_000, 9, true, 30);
        Files.writeString(f, "1700000099000,900,checkout,200,\"Number of samples in transaction : 2, number of "
                + "failing samples : 0\",t,,true,,10,5,5,5,,0,0,0\n", java.nio.file.StandardOpenOption.APPEND);
        AggregationOptions options = AggregationOptions.defaults().withGrouping(List.of(
                new AggregationOptions.LabelRewrite(java.util.regex.Pattern.compile("(label \\d)\\d*"), "$1")));
        for (AggregationOptions o : List.of(AggregationOptions.defaults(), options)) {
            io.jenkins.plugins.perfgate.engine.stats.RunAggregator figures =
                    new io.jenkins.plugins.perfgate.engine.stats.RunAggregator(o);
            io.jenkins.plugins.perfgate.engine.stats.RunAggregator objects =
                    new io.jenkins.plugins.perfgate.engine.stats.RunAggregator(o);
            io.jenkins.plugins.perfgate.engine.results.ResultFileReader reader =
                    new io.jenkins.plugins.perfgate.engine.results.ResultFileReader(ReadOptions.defaults());
            reader.withoutThreadNames().read(f, figures); // a FieldSink: no Sample per row
            reader.read(f, sample -> objects.accept(sample)); // a plain SampleSink: Sample objects
            var a = figures.aggregate();
            var b = objects.aggregate();
            MergeAndPrecisionTest.assertSame(b.overall(), a.overall());
            assertEquals(b.labels().size(), a.labels().size());
            for (LabelStats l : b.labels()) {
                MergeAndPrecisionTest.assertSame(l, a.label(l.label()));
            }
            assertTrue(a.label("checkout").transactionController());
        }
    }

    @Test
    void unreadableFilesFailStrictlyOrMakeTheRunIncomplete() throws IOException {
        Path good = bigFile("good.csv", 100, 3, false);
        Path missing = tmp.resolve("missing.jtl");
        Summarizer s = new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults());
        ResultsReadException e = assertThrows(ResultsReadException.class,
                () -> s.summarize(List.of(Summarizer.Source.of(good), Summarizer.Source.of(missing))));
        assertTrue(e.getMessage().contains("missing.jtl"));
        RunSummary partial = s.summarizeAvailable(List.of(Summarizer.Source.of(good), Summarizer.Source.of(missing)));
        assertEquals(RunStatus.INCOMPLETE, partial.status());
        assertEquals(100, partial.overall().count());
        assertTrue(partial.problems().stream().anyMatch(p -> p.file().endsWith("missing.jtl")));
        RunSummary none = s.summarizeAvailable(List.of(Summarizer.Source.of(missing)));
        assertEquals(RunStatus.NO_RESULTS, none.status());
        RunSummary filtered = new Summarizer(AggregationOptions.defaults().withInclude("nothing"),
                ReadOptions.defaults()).summarize(List.of(Summarizer.Source.of(good)));
        assertEquals(RunStatus.NO_RESULTS, filtered.status());
        assertTrue(filtered.statusReason().contains("label filters"), filtered.statusReason());
    }
}
