package io.jenkins.plugins.perfgate.engine.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's label table: label order for a few labels, the busiest first for many. */
class LabelTableTest {

    @TempDir
    Path dir;

    /** A report of {@code labels} labels "L000", "L001"..., label i with i + 1 samples. */
    private String table(int labels) {
        RunAggregator agg = new RunAggregator(AggregationOptions.defaults());
        for (int i = 0; i < labels; i++) {
            for (int n = 0; n <= i; n++) {
                agg.accept(1_760_000_000_000L + n, 10 + n, String.format("L%03d", i), "200", "OK", true, "", 100,
                        10, 1, 5, 0);
            }
        }
        RunSummary s = RunSummary.of(agg.aggregate(), agg.options(), List.of(), List.of(), Map.of());
        String page = read(HtmlReport.write(ReportInput.of(s), dir.resolve("r" + labels)));
        int table = page.indexOf("id=\"label-table\"");
        return page.substring(page.lastIndexOf("<section", table), page.indexOf("</table>", table));
    }

    private static String read(Path index) {
        try {
            return Files.readString(index);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void fewLabelsInLabelOrderManyBusiestFirst() {
        String few = table(5);
        assertTrue(few.indexOf(">L000<") < few.indexOf(">L001<"), "label order");
        String many = table(LabelTable.BY_LABEL_UP_TO + 10);
        int last = LabelTable.BY_LABEL_UP_TO + 9;
        assertTrue(many.indexOf(String.format(">L%03d<", last)) < many.indexOf(">L000<"), "busiest first");
        assertTrue(many.contains((last + 1) + " labels, the busiest first"), "said so");
    }
}
