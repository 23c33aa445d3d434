package io.jenkins.plugins.perfgate.engine.compare;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import org.junit.jupiter.api.Test;

class RunFiguresTest {

    @Test
    void findsEveryLabelByNameAndNothingElse() {
        RunFigures f = RunFigures.of(SyntheticRuns.of(label("m", 100, 50, 0), label("a", 120, 50, 0),
                label("z", 80, 50, 0), label("c", 90, 50, 0)).run(1, 1));
        for (String name : f.labelNames()) {
            assertEquals(name, f.label(name).orElseThrow().label());
        }
        assertEquals(4, f.labelNames().size());
        assertTrue(f.label("b").isEmpty());
        assertTrue(f.label("").isEmpty());
        assertTrue(f.label("zz").isEmpty());
        assertEquals(f.overall(), f.row(OverallRow.LABEL).orElseThrow());
    }
}
