package io.jenkins.plugins.perfgate.engine.gate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Label patterns from plans are matched with bounded work: a backtracking pattern fails fast and says why. */
class BoundedMatchTest {

    private static Scope scope(String criteria) throws Exception {
        return CriteriaParser.parseAll(criteria).get(0).scope();
    }

    @Test
    void aCatastrophicallyBacktrackingPatternFailsFastNamingTheScope() throws Exception {
        Scope s = scope("p95[label=~\"(.*a){12}b\"] < 1s");
        String label = "a".repeat(28) + "!"; // about 7 s without the bound (JDK 21), 28^12 ways to split
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IllegalArgumentException.class, () -> s.matches(label)));
        assertTrue(e.getMessage().contains("label=~\"(.*a){12}b\"") && e.getMessage().contains("backtracks"),
                e.getMessage());
    }

    @Test
    void ordinaryPatternsStillMatchHugeLabels() throws Exception {
        String huge = "x".repeat(4 << 20) + "/checkout";
        for (String c : List.of("p95[label=~\".*checkout\"] < 1s", "p95[label~\"*checkout\"] < 1s")) {
            Scope s = scope(c);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertTrue(s.matches(huge), c));
            assertFalse(s.matches("other"), c);
        }
    }
}
