package io.jenkins.plugins.perfgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which labels a build record keeps, and the file that holds every label's figures. */
class RecordedLabelsTest {

    @TempDir
    Path dir;

    private static LabelFigures row(String label, long count, double p95) {
        EnumMap<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.COUNT, (double) count);
        v.put(Metric.P95, p95);
        v.put(Metric.THROUGHPUT, count / 60.0);
        v.put(Metric.P999, 1234.0); // not a key figure: neither kept in records nor in the file
        return new LabelFigures(label, v);
    }

    private static List<LabelFigures> labels(int n) {
        List<LabelFigures> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(row("label " + i, 1000 + i, i));
        }
        return out;
    }

    @Test
    void theBusiestAndTheLabelsCriteriaNameAreKept() {
        List<LabelFigures> all = labels(300);
        GateLine failed = new GateLine("p95 < 10ms", "label 3", "fail", "FAIL", "", "", "", "");
        GateLine named = new GateLine("p95[label=\"label 7\"] < 1s", "label 7", "fail", "PASS", "", "", "", "");
        GateLine passed = new GateLine("p95 < 1s", "label 8", "fail", "PASS", "", "", "", "");
        GateLine unknown = new GateLine("p95 < 10ms", "no such label", "fail", "FAIL", "", "", "", "");
        Set<String> kept = RecordedLabels.kept(all, List.of(failed, named, passed, unknown));
        assertEquals(RecordedLabels.BUSIEST + 2, kept.size(), kept.toString());
        assertTrue(kept.contains("label 299") && kept.contains("label 250"), "the busiest 50");
        assertFalse(kept.contains("label 249"));
        assertTrue(kept.contains("label 3") && kept.contains("label 7"), "failed and named");
        assertFalse(kept.contains("label 8"), "a label a criterion passed on without naming it");
        assertEquals(List.of("label 3", "label 7"), RecordedLabels.only(all.subList(0, 10), kept).stream()
                .map(LabelFigures::label).toList());
        assertTrue(RecordedLabels.allKept(RecordedLabels.BUSIEST));
        assertFalse(RecordedLabels.allKept(RecordedLabels.BUSIEST + 1));
    }

    @Test
    void theFileHoldsEveryLabelsKeyFiguresAndTheBaselines() throws IOException {
        File f = dir.resolve(LabelFiguresFile.NAME).toFile();
        List<LabelFigures> now = labels(3);
        List<LabelFigures> base = List.of(row("label 1", 5, 0.1 + 0.2));
        LabelFiguresFile.write(f, now, base);
        LabelFiguresFile.Stored read = LabelFiguresFile.read(f);
        assertEquals(3, read.labels().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(now.get(i).keyFiguresOnly().values(), read.labels().get(i).values(), "exact figures");
        }
        assertTrue(Double.isNaN(read.labels().get(0).get(Metric.P999)), "key figures only");
        assertEquals(0.1 + 0.2, read.baseline().get("label 1").get(Metric.P95), "doubles read back exactly");
        assertEquals(null, read.baseline().get("label 0"));
        assertFalse(new File(f.getPath() + ".tmp").exists());
    }

    @Test
    void aBrokenFileIsRefusedNamingTheFileAndField() throws IOException {
        File f = dir.resolve(LabelFiguresFile.NAME).toFile();
        Files.writeString(f.toPath(), "{\"perfgateLabelFigures\":1,\"labels\":[{\"label\":\"a\",\"p95\":\"x\"}]}");
        IOException e = assertThrows(IOException.class, () -> LabelFiguresFile.read(f));
        assertTrue(e.getMessage().contains(f.getPath()) && e.getMessage().contains("labels[0].p95"), e.getMessage());
        Files.writeString(f.toPath(), "{\"perfgateLabelFigures\":2}");
        assertTrue(assertThrows(IOException.class, () -> LabelFiguresFile.read(f)).getMessage().contains("version"));
        Files.writeString(f.toPath(), "{nope");
        assertTrue(assertThrows(IOException.class, () -> LabelFiguresFile.read(f)).getMessage().contains("not JSON"));
    }

    @Test
    void labelOptionsMatchEveryWordInAnyCase() {
        List<LabelOption> all = List.of(new LabelOption("GET /a", "GET /a (50.0%)"),
                new LabelOption("POST /a/b", "POST /a/b (30.0%)"), new LabelOption("GET /b", "GET /b (20.0%)"));
        LabelOption.Found found = LabelOption.matching(all, " get  /B ", 10);
        assertEquals(1, found.total());
        assertEquals("GET /b", found.options().get(0).name());
        LabelOption.Found limited = LabelOption.matching(all, "/a", 1);
        assertEquals(2, limited.total());
        assertEquals(List.of(all.get(0)), limited.options());
        assertEquals(3, LabelOption.matching(all, "", 10).total());
        assertEquals("{\"total\":1,\"options\":[{\"name\":\"GET /b\",\"caption\":\"GET /b (20.0%)\"}]}",
                new String(LabelOption.json(found), java.nio.charset.StandardCharsets.UTF_8));
    }
}
