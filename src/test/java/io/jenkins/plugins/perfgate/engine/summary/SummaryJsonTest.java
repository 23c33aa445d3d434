package io.jenkins.plugins.perfgate.engine.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's layout on disk: indented for a few labels, compact for many, read back the same either way. */
class SummaryJsonTest {

    @TempDir
    Path tmp;

    private RunSummary summaryOf(int labels) throws IOException {
        Path f = tmp.resolve("labels-" + labels + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("timeStamp,elapsed,label,responseCode,success\n");
            for (int i = 0; i < labels * 3; i++) {
                w.write((1_700_000_000_000L + i * 10) + "," + (5 + i % 97) + ",label " + (i % labels) + ",200,true\n");
            }
        }
        return new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults())
                .summarize(List.of(Summarizer.Source.of(f)));
    }

    @Test
    void manyLabelsAreWrittenWithoutIndentationAndReadBackTheSame() throws IOException {
        RunSummary many = summaryOf(SummaryJson.INDENTED_LABELS + 1);
        String json = SummaryJson.toJson(many);
        assertFalse(json.contains("\n"), "no line breaks");
        assertFalse(json.contains("  "), "no indentation");
        RunSummary back = SummaryJson.fromJson(json);
        assertEquals(SummaryJson.INDENTED_LABELS + 1, back.labels().size());
        assertEquals(json, SummaryJson.toJson(back));

        String few = SummaryJson.toJson(summaryOf(SummaryJson.INDENTED_LABELS));
        assertTrue(few.lines().count() > SummaryJson.INDENTED_LABELS * 10L, "one line per field");
        assertTrue(few.contains("\n  \"labels\" : [ {"), few.substring(0, 400));
    }
}
