package io.jenkins.plugins.perfgate.engine.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyLabelRowsTest {

    private static LabelFigures row(String label) {
        return new LabelFigures(label, Map.of(Metric.COUNT, (double) label.length()));
    }

    @Test
    void eachRowIsDecodedOnceWhenFirstAskedFor() {
        AtomicInteger decodes = new AtomicInteger();
        String[] names = {"a", "bb", "ccc"};
        LazyLabelRows rows = new LazyLabelRows(names, i -> {
            decodes.incrementAndGet();
            return row(names[i]);
        });
        RunFigures run = new RunFigures(RunStatus.COMPLETE, "", row("TOTAL"), rows);
        assertEquals(List.of("a", "bb", "ccc"), run.labelNames());
        assertEquals(0, decodes.get());
        assertEquals(2, run.label("bb").orElseThrow().count());
        assertEquals(2, run.label("bb").orElseThrow().count());
        assertTrue(run.label("b").isEmpty());
        assertEquals(1, decodes.get());
        assertEquals(List.of(row("a"), row("bb"), row("ccc")), run.labels());
        assertEquals(3, decodes.get());
        assertEquals(3, rows.decodedRows());
    }

    @Test
    void unsortedLabelsAndWrongRowsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LazyLabelRows(new String[] {"b", "a"}, i -> row("a")));
        LazyLabelRows wrong = new LazyLabelRows(new String[] {"a"}, i -> row("z"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> wrong.get(0));
        assertTrue(e.getMessage().contains("is z, not a"), e.getMessage());
        assertTrue(LazyLabelRows.sorted(new String[] {"a", "a", "b"}, 3));
        assertTrue(!LazyLabelRows.sorted(new String[] {"b", "a"}, 2));
    }
}
