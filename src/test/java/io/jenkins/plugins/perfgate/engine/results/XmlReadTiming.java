package io.jenkins.plugins.perfgate.engine.results;

import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * A warm timing of the XML reader alone (a sink that only counts) and with the aggregation, on one thread: thread
 * CPU per pass after warm-up passes. Run by hand: {@code java -cp target/classes:target/test-classes:DEPS
 * io.jenkins.plugins.perfgate.engine.results.XmlReadTiming FILE [passes]}. Not a test.
 */
public final class XmlReadTiming {

    private XmlReadTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String mode = args.length > 2 ? args[2] : "both";
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int p = 0; p < passes; p++) {
            if (!mode.equals("agg")) {
                long c0 = mx.getCurrentThreadCpuTime();
                long n = pass(file, new Counting());
                System.out.printf(Locale.ROOT, "pass %d reader only: %.3f s CPU, %d samples%n", p,
                        (mx.getCurrentThreadCpuTime() - c0) / 1e9, n);
            }
            if (!mode.equals("reader")) {
                long c0 = mx.getCurrentThreadCpuTime();
                long n = pass(file, new RunAggregator(AggregationOptions.defaults()));
                System.out.printf(Locale.ROOT, "pass %d with aggregation: %.3f s CPU, %d samples%n", p,
                        (mx.getCurrentThreadCpuTime() - c0) / 1e9, n);
            }
        }
    }

    private static long pass(Path file, SampleSink sink) throws Exception {
        ProblemLog log = new ProblemLog(file.toString(), 100);
        XmlJtlReader reader = new XmlJtlReader(ReadOptions.defaults(), log, sink, false, null);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                InputStream in = new RegionInputStream(ch, 0, ch.size())) {
            reader.read(in);
        }
        return reader.samples();
    }

    /** Counts and touches what it gets, so that nothing is optimised away. */
    private static final class Counting implements FieldSink {
        long n;
        long sum;

        @Override
        public void accept(Sample sample) {
            n++;
        }

        @Override
        public void accept(long timeStamp, long elapsed, String label, String responseCode, String responseMessage,
                boolean success, String failureMessage, long bytes, long sentBytes, int allThreads, long latency,
                long connect) {
            n++;
            sum += timeStamp + elapsed + bytes + sentBytes + allThreads + latency + connect + label.length()
                    + (success ? 1 : 0) + responseCode.length() + responseMessage.length() + failureMessage.length();
        }
    }
}
