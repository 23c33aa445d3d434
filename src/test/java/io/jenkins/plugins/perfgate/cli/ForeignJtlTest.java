package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.results.FileReadResult;
import io.jenkins.plugins.perfgate.engine.results.JtlFormat;
import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.results.ResultFileReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark's files of other shapes are what they claim: every row read, the labels and failures intended. */
class ForeignJtlTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"default, CSV, 20, 15", "long-urls, CSV, 20, 15", "labels-2000, CSV, 2000, 15", "failing, CSV, 20, 300",
        "xml, XML, 20, 15", "gzip, CSV, 20, 15"})
    void everyRowIsReadWithTheIntendedLabelsAndFailures(String shape, JtlFormat format, int labels,
            int failuresPerMille) throws Exception {
        int samples = 20_000;
        Path file = dir.resolve(shape);
        ForeignJtl.write(shape, samples, file);
        Set<String> seen = new HashSet<>();
        long[] failed = new long[1];
        FileReadResult r = new ResultFileReader(ReadOptions.defaults()).read(file, s -> {
            seen.add(s.label());
            if (!s.success()) {
                failed[0]++;
                assertFalse(s.failureMessage().isEmpty(), "a failure has its message");
            }
        });
        assertEquals(samples, r.samples());
        assertEquals(0, r.malformedLines(), () -> r.problems().toString());
        assertEquals(format, r.format());
        assertEquals(shape.equals("gzip"), r.compressed());
        assertEquals(Math.min(labels, samples), seen.size(), 0.02 * labels);
        double perMille = 1000.0 * failed[0] / samples;
        assertTrue(Math.abs(perMille - failuresPerMille) < 0.2 * failuresPerMille + 3, "failures per mille "
                + perMille);
    }
}
