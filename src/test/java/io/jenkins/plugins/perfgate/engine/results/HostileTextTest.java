package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.Summarizer;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Result files made to blow up what is kept: a small .xml.gz whose labels are MiBs long, CSV rows with huge labels
 * and messages, more distinct labels than perfgate keeps. Every reader caps them and says where.
 */
class HostileTextTest {

    @TempDir
    Path tmp;

    private static RunSummary summarize(Path f) throws Exception {
        return new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults())
                .summarize(List.of(Summarizer.Source.of(f)));
    }

    @Test
    void aSmallXmlGzWithHugeLabelsMakesASmallSummary() throws Exception {
        Path f = tmp.resolve("bomb.xml.gz");
        String huge = "A".repeat(12 << 20); // 12 MiB of label, a few KB compressed
        try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(f)),
                StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\"?>\n<testResults version=\"1.2\">\n");
            for (int i = 0; i < 3; i++) {
                w.write("<sample t=\"5\" ts=\"1000\" s=\"false\" lb=\"" + huge + i + "\" rc=\"500\" rm=\"" + huge
                        + "\" tn=\"t\"/>\n");
            }
            w.write("</testResults>\n");
        }
        assertTrue(Files.size(f) < 200_000, "a small file: " + Files.size(f));
        RunSummary s = summarize(f);
        assertEquals(3, s.overall().count(), "every sample counted");
        for (LabelStats l : s.labels()) {
            assertEquals(TextCaps.MAX_LABEL_CHARS, l.label().length(), "label capped");
        }
        String json = SummaryJson.toJson(s);
        assertTrue(json.length() < 200_000, "summary of " + json.length() + " characters");
        ReadProblem first = s.problems().get(0);
        assertTrue(first.file().endsWith("bomb.xml.gz") && first.line() == 3 && first.field().equals("lb")
                && first.reason().contains("cut"), first.toString());
    }

    @Test
    void csvLabelsAndMessagesAreCappedNamingLineAndField() throws Exception {
        Path f = tmp.resolve("r.csv");
        String label = "L".repeat(2 << 20); // with the message: under the 4 MiB cap on a row
        String failure = "F".repeat(1 << 20);
        Files.writeString(f, "timeStamp,elapsed,label,responseCode,success,failureMessage\n"
                + "1000,5,ok,200,true,\n"
                + "1001,6," + label + ",500,false," + failure + "\n");
        RunSummary s = summarize(f);
        assertEquals(2, s.overall().count());
        assertTrue(s.labels().stream().allMatch(l -> l.label().length() <= TextCaps.MAX_LABEL_CHARS));
        assertTrue(SummaryJson.toJson(s).length() < 100_000);
        List<String> where = s.problems().stream().map(p -> p.line() + ":" + p.field()).toList();
        assertEquals(List.of("3:label", "3:failureMessage"), where);
    }

    @Test
    void csvTextsAreCutByCharactersNotBytesAtTheCapsEdge() throws Exception {
        // the reader tests a field's bytes before it looks at its characters: a field of more bytes than the cap
        // but no more characters (two-byte letters) must be kept whole, one character more must be cut
        int max = TextCaps.MAX_TEXT_CHARS;
        String wide = "\u00e9".repeat(max); // 2 * max bytes, max characters
        Path f = tmp.resolve("edge.csv");
        Files.writeString(f, "timeStamp,elapsed,label,responseCode,responseMessage,success,failureMessage\n"
                + "1000,5,a," + "C".repeat(max) + "," + wide + ",false," + wide + "\n"
                + "1001,5,a," + "C".repeat(max + 1) + "," + wide + "x,false," + "F".repeat(max + 1) + "\n"
                + "1002,5,a,200,\"" + "\"\"".repeat(max) + "\",false,\"" + "\"\"".repeat(max) + "x\"\n");
        RunSummary s = summarize(f);
        assertEquals(3, s.overall().count());
        List<String> where = s.problems().stream().map(p -> p.line() + ":" + p.field()).toList();
        assertEquals(List.of("3:responseCode", "3:responseMessage", "3:failureMessage", "4:failureMessage"), where);
    }

    @Test
    void moreDistinctLabelsThanKeptAreCountedAndReported() throws Exception {
        Path f = tmp.resolve("many.xml");
        try (OutputStream out = Files.newOutputStream(f)) {
            StringBuilder sb = new StringBuilder("<testResults version=\"1.2\">\n");
            for (int i = 0; i < RunAggregator.MAX_LABELS + 100; i++) {
                sb.append("<sample t=\"5\" ts=\"1000\" s=\"true\" lb=\"l").append(i).append("\"/>\n");
            }
            out.write(sb.append("</testResults>\n").toString().getBytes(StandardCharsets.UTF_8));
        }
        RunSummary s = summarize(f);
        assertEquals(RunAggregator.MAX_LABELS, s.labels().size());
        assertTrue(s.problems().stream().anyMatch(p -> p.reason().contains(Integer.toString(RunAggregator.MAX_LABELS))),
                s.problems().toString());
    }
}
