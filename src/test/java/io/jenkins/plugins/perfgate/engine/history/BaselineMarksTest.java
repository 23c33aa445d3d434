package io.jenkins.plugins.perfgate.engine.history;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BaselineMarksTest {

    private static final SyntheticRuns RUNS = SyntheticRuns.of(label("home", 100, 200, 0));

    /** Builds 1..8, all passing except #6 (failed: the regression that is later accepted). */
    private static History history() {
        List<HistoryEntry> entries = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            BuildResult r = n == 6 ? BuildResult.FAILURE : BuildResult.SUCCESS;
            entries.add(new HistoryEntry(new BuildRef(n, "", 1000L * n, r, "", ""), RunFigures.of(RUNS.run(n, n))));
        }
        return new History(entries, List.of());
    }

    private static BaselineMark mark(BaselineMark.Kind kind, long build) {
        return new BaselineMark(kind, build, "alice", 1L, kind == BaselineMark.Kind.UNPIN ? "" : "because");
    }

    private static List<Long> resolved(BaselineMarks marks, BaselinePolicy policy, long current) {
        return Baseline.resolve(marks.policy(policy), marks.applyTo(history(), current), current).orElseThrow()
                .buildNumbers();
    }

    @Test
    void aPinIsTheBaselineOfEveryPolicyUntilUnpinned() {
        BaselineMarks pinned = BaselineMarks.NONE.with(mark(BaselineMark.Kind.PIN, 3));
        for (String policy : List.of("previous", "last-passing", "median:5", "tag", "build:7")) {
            assertEquals(List.of(3L), resolved(pinned, BaselinePolicy.parse(policy), 9), policy);
        }
        BaselineMarks unpinned = pinned.with(mark(BaselineMark.Kind.UNPIN, 3));
        assertEquals(OptionalLong.empty(), unpinned.pinned());
        assertEquals(List.of(8L), resolved(unpinned, new BaselinePolicy.Previous(), 9));
        // unpinning another build leaves the pin in force; a newer pin replaces the older
        assertEquals(OptionalLong.of(3), pinned.with(mark(BaselineMark.Kind.UNPIN, 4)).pinned());
        assertEquals(OptionalLong.of(5), pinned.with(mark(BaselineMark.Kind.PIN, 5)).pinned());
    }

    @Test
    void anAcceptLeavesEarlierBuildsOutAndCountsTheAcceptedBuildAsPassing() {
        BaselineMarks accepted = BaselineMarks.NONE.with(mark(BaselineMark.Kind.ACCEPT, 6));
        // #6 failed its gate, yet after the accept it is the last passing build and the median's oldest member
        assertEquals(List.of(6L), resolved(accepted, new BaselinePolicy.LastPassing(), 7));
        assertEquals(List.of(6L, 7L, 8L), resolved(accepted, new BaselinePolicy.Median(5), 9));
        assertEquals(List.of(6L), resolved(accepted, new BaselinePolicy.Previous(), 7));
        // without the accept, the median reaches back over the regression
        assertEquals(List.of(3L, 4L, 5L, 7L, 8L), resolved(BaselineMarks.NONE, new BaselinePolicy.Median(5), 9));
        // an accept does not change the history of the accepted build itself or of builds before it
        assertEquals(history(), accepted.applyTo(history(), 6));
        // the noise window sees the accepted level only
        assertEquals(List.of(6L, 7L, 8L), accepted.applyTo(history(), 9).lastPassing(9, 10).stream()
                .map(HistoryEntry::number).toList());
    }

    @Test
    void aPinBeforeTheAcceptedBuildStaysTheBaseline() {
        BaselineMarks both = BaselineMarks.NONE.with(mark(BaselineMark.Kind.PIN, 2))
                .with(mark(BaselineMark.Kind.ACCEPT, 6));
        assertEquals(List.of(2L), resolved(both, new BaselinePolicy.Median(5), 9));
        assertTrue(both.inForce(2).isPresent() && both.inForce(6).isPresent() && both.inForce(3).isEmpty());
    }

    @Test
    void pinsAndAcceptsNeedAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BaselineMark(BaselineMark.Kind.ACCEPT, 6, "bob", 1L, "  "));
        assertEquals("a reason is required to accept build #6", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new BaselineMark(BaselineMark.Kind.PIN, 6, "bob", 1L, "x".repeat(501)));
        assertEquals(BaselineMark.Kind.UNPIN, BaselineMark.Kind.parse("Unpin"));
    }
}
