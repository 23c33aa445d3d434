package io.jenkins.plugins.perfgate.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.perfgate.engine.results.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The readers' label numbers ({@link io.jenkins.plugins.perfgate.engine.results.FieldSink}) only make the
 * aggregator find a label's state faster: with numbers from several readers that give the same number to other
 * labels, with equal labels as other String instances, with grouping and filters, the figures are those of the
 * same samples given without numbers.
 */
class LabelNumbersTest {

    private static final String[] LABELS = {"GET /items/1", "GET /items/2", "GET /home", "POST /cart", "skip me",
        "Checkout"};

    @Test
    void numberedSamplesAggregateAsUnnumberedOnes() {
        for (AggregationOptions options : List.of(AggregationOptions.defaults(),
                AggregationOptions.defaults().withGrouping(List.of(AggregationOptions.LabelRewrite.pathIds())))) {
            RunAggregator plain = new RunAggregator(options);
            RunAggregator numbered = new RunAggregator(options);
            SplittableRandom random = new SplittableRandom(7);
            // three "readers", each numbering the labels in its own order, read one after another and interleaved
            List<List<String>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                List<String> order = new ArrayList<>();
                for (String l : LABELS) {
                    order.add(random.nextInt(order.size() + 1), new String(l.toCharArray()));
                }
                readers.add(order);
            }
            long t = 1_765_000_000_000L;
            for (int i = 0; i < 30_000; i++) {
                int reader = i < 10_000 ? 0 : i < 20_000 ? 1 : random.nextInt(3);
                List<String> order = readers.get(reader);
                int number = random.nextInt(order.size());
                // now and then a label the reader did not keep (no number), or an equal String of another instance
                boolean unkept = random.nextInt(50) == 0;
                String label = unkept ? new String(order.get(number).toCharArray()) : order.get(number);
                boolean parent = label.equals("Checkout") && random.nextBoolean();
                boolean ok = random.nextInt(20) != 0;
                Sample s = new Sample(t += random.nextInt(40), random.nextInt(2000), label, ok ? "200" : "500",
                        parent ? Sample.TRANSACTION_MESSAGE_PREFIX + " 3, number of failing samples 0" : "",
                        "", ok, ok ? "" : "failed " + random.nextInt(3), random.nextInt(9000), 300,
                        random.nextInt(1, 50), random.nextInt(1500), random.nextInt(3));
                plain.accept(s);
                numbered.accept(s.timeStamp(), s.elapsed(), s.label(), unkept ? -1 : number, s.responseCode(),
                        s.responseMessage(), s.success(), s.failureMessage(), s.bytes(), s.sentBytes(),
                        s.allThreads(), s.latency(), s.connect());
            }
            assertSameFigures(plain.aggregate(), numbered.aggregate());
        }
    }

    private static void assertSameFigures(RunAggregator.Aggregate expected, RunAggregator.Aggregate actual) {
        assertEquals(expected.labels().size(), actual.labels().size());
        assertSameFigures(expected.overall(), actual.overall());
        for (int i = 0; i < expected.labels().size(); i++) {
            assertSameFigures(expected.labels().get(i), actual.labels().get(i));
        }
        assertEquals(expected.droppedByFilter(), actual.droppedByFilter());
    }

    private static void assertSameFigures(LabelStats expected, LabelStats actual) {
        LabelStats.Raw e = expected.raw();
        LabelStats.Raw a = actual.raw();
        String label = e.label();
        assertEquals(e.label(), a.label());
        assertEquals(List.of(e.transactionController(), e.count(), e.errors(), e.firstStart(), e.lastEnd(),
                e.sumElapsed(), e.sumSquaresElapsed(), e.minElapsed(), e.maxElapsed(), e.bytesReceived(),
                e.bytesSent(), e.apdexSatisfied(), e.apdexTolerating()), List.of(a.transactionController(),
                a.count(), a.errors(), a.firstStart(), a.lastEnd(), a.sumElapsed(), a.sumSquaresElapsed(),
                a.minElapsed(), a.maxElapsed(), a.bytesReceived(), a.bytesSent(), a.apdexSatisfied(),
                a.apdexTolerating()), label);
        assertEquals(e.elapsed(), a.elapsed(), label);
        assertEquals(e.latency(), a.latency(), label);
        assertEquals(e.connect(), a.connect(), label);
        assertEquals(e.responseCodes(), a.responseCodes(), label);
        assertEquals(e.failureMessages(), a.failureMessages(), label);
        assertEquals(intervals(e.series()), intervals(a.series()), label);
    }

    private static List<String> intervals(IntervalSeries series) {
        List<String> out = new ArrayList<>();
        for (IntervalSeries.Interval i : series.intervals()) {
            out.add(i.startMillis() + " " + i.count() + " " + i.errors() + " " + i.maxThreads() + " "
                    + i.sketch().encode());
        }
        out.add("width " + series.bucketMillis());
        return out;
    }
}
