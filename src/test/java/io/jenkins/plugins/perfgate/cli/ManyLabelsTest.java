package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of labels in a 64 MiB heap: {@code perfgate report} runs as its own JVM with {@code -Xmx64m} on
 * generated files: 2M samples over 2,000 labels are summarised completely, with counts and percentiles of a few
 * labels equal to an independent computation over the values written; 100,000 labels end as an INCOMPLETE summary
 * with advice to group labels (never an out-of-memory error), and the advice works.
 */
class ManyLabelsTest {

    private static final String HEADER = "timeStamp,elapsed,label,responseCode,success,allThreads,Latency,Connect\n";

    @TempDir
    Path dir;

    /** The values written for one label, to compare with perfgate's figures. */
    private record Tracked(String label, long[] elapsed, long[] latency, long errors) {
    }

    /**
     * Writes {@code samples} rows over {@code labels} labels named like REST paths with ids ({@code GET /items/N}),
     * spread over about 35 minutes; elapsed times below 2048 ms, where HdrHistogram at 3 digits is exact. Returns
     * what was written for the labels in {@code track}.
     */
    private static List<Tracked> write(Path file, int samples, int labels, int... track) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<List<long[]>> values = new ArrayList<>();
        long[] errors = new long[track.length];
        for (int i = 0; i < track.length; i++) {
            values.add(new ArrayList<>());
        }
        long t = 1_760_000_000_000L;
        byte[] row = new byte[128];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
            for (int n = 0; n < samples; n++) {
                int l = random.nextInt(labels);
                long elapsed = 1 + random.nextInt(200) + (l % 7) * random.nextInt(250);
                long latency = elapsed - random.nextInt((int) Math.min(elapsed, 20));
                boolean ok = random.nextInt(50) != 0;
                t += random.nextInt(3);
                int len = ascii(row, 0, t + "," + elapsed + ",GET /items/" + l + "," + (ok ? "200" : "500") + ","
                        + ok + "," + (1 + n / 20_000) + "," + latency + "," + (n % 10 == 0 ? 3 : 0) + "\n");
                out.write(row, 0, len);
                for (int i = 0; i < track.length; i++) {
                    if (track[i] == l) {
                        values.get(i).add(new long[] {elapsed, latency});
                        errors[i] += ok ? 0 : 1;
                    }
                }
            }
        }
        List<Tracked> out = new ArrayList<>();
        for (int i = 0; i < track.length; i++) {
            List<long[]> v = values.get(i);
            out.add(new Tracked("GET /items/" + track[i], v.stream().mapToLong(x -> x[0]).sorted().toArray(),
                    v.stream().mapToLong(x -> x[1]).sorted().toArray(), errors[i]));
        }
        return out;
    }

    private static int ascii(byte[] into, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            into[at + i] = (byte) s.charAt(i);
        }
        return s.length();
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** perfgate report in a JVM of its own with a 64 MiB heap: exit code and everything it printed. */
    private record Report(int exit, String output) {
    }

    private Report report(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-cp", TestCliClassPath.get(), PerfgateCli.class.getName(),
                "report", "--progress-every", "0", "--threads", "2"));
        command.addAll(Arrays.asList(args));
        Path log = Files.createTempFile(dir, "report", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a bound against a hang, not a timing: about 10 s on an idle 2-core machine, minutes on a crowded one
        if (!p.waitFor(400, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("perfgate report did not end in 400 s: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertFalse(output.contains("OutOfMemoryError") || output.contains("heap space"), output);
        return new Report(p.exitValue(), output);
    }

    @Test
    void twoThousandLabelsAreSummarisedExactlyIn64MiB() throws Exception {
        Path file = dir.resolve("many.csv");
        List<Tracked> tracked = write(file, 2_000_000, 2_000, 0, 999, 1_997);
        Path json = dir.resolve("summary.json");
        Report r = report("--out", json.toString(), file.toString());
        assertEquals(0, r.exit(), r.output());
        RunSummary s = SummaryJson.read(json);
        assertEquals(RunStatus.COMPLETE, s.status());
        assertEquals(2_000_000, s.overall().count());
        assertEquals(2_000, s.labels().size());
        for (Tracked t : tracked) {
            LabelStats l = s.labels().stream().filter(x -> x.label().equals(t.label())).findFirst().orElseThrow();
            assertEquals(t.elapsed().length, l.count(), t.label());
            assertEquals(t.errors(), l.errors(), t.label());
            assertEquals(t.elapsed()[0], l.min(), t.label());
            assertEquals(t.elapsed()[t.elapsed().length - 1], l.max(), t.label());
            for (double p : new double[] {50, 90, 95, 99, 99.9}) {
                assertEquals(percentile(t.elapsed(), p), l.percentile(p), t.label() + " p" + p);
                assertEquals(percentile(t.latency(), p), l.latencyPercentile(p), t.label() + " latency p" + p);
            }
        }
        // the overall row keeps its over-time series at full resolution, each label a shorter one
        assertTrue(s.overall().series().intervals().size() > 100, "overall intervals");
        assertTrue(s.labels().get(0).series().intervals().size() <= RunAggregator.labelSeriesIntervals(
                s.maxIntervals(), 2_000), "label intervals");
        long size = Files.size(json);
        // about 3 KB a label (histograms, a short series, the figures): 27.7 MB before
        assertTrue(size < 6_500_000, "summary of 2,000 labels: " + size + " bytes");
    }

    @Test
    void aHundredThousandLabelsEndIncompleteWithAdviceThatWorks() throws Exception {
        Path file = dir.resolve("huge.csv");
        write(file, 300_000, 100_000);
        Path json = dir.resolve("summary.json");
        Report r = report("--out", json.toString(), file.toString());
        assertEquals(PerfgateCli.EXIT_INVALID_INPUT, r.exit(), r.output());
        assertTrue(r.output().contains("--group-path-ids"), r.output());
        RunSummary s = SummaryJson.read(json);
        assertEquals(RunStatus.INCOMPLETE, s.status());
        assertTrue(s.statusReason().contains("beyond the first " + RunAggregator.MAX_LABELS), s.statusReason());
        assertEquals(RunAggregator.MAX_LABELS, s.labels().size());

        Report grouped = report("--out", json.toString(), "--group-path-ids", file.toString());
        assertEquals(0, grouped.exit(), grouped.output());
        RunSummary g = SummaryJson.read(json);
        assertEquals(RunStatus.COMPLETE, g.status());
        assertEquals(List.of("GET /items/{id}"), g.labels().stream().map(LabelStats::label).toList());
        assertEquals(300_000, g.overall().count());
    }
}
