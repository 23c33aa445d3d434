package io.jenkins.plugins.perfgate.engine.gate;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The request's defaults are the engine's, written once; text settings parse or fall back the same everywhere. */
class GateRequestTest {

    private static final RunSummary RUN = SyntheticRuns.of(label("home", 100, 50, 0)).run(1, 1);

    @Test
    void defaultsAreTheEngines() {
        GateRequest r = GateRequest.builder(RUN).build();
        assertEquals(GateOptions.defaults(), r.options());
        assertTrue(r.criteria().isEmpty());
        assertEquals(RepeatedRuns.NONE, r.runs());
        assertTrue(r.numberAfterNewest());
        assertFalse(r.recording().enabled());
    }

    @Test
    void theDefaultsAsTextMeanTheDefaults() {
        GateOptions d = GateOptions.defaults();
        assertEquals(d.baseline(), BaselinePolicy.parse(GateOptions.DEFAULT_BASELINE_TEXT));
        assertEquals("median:5", GateOptions.DEFAULT_BASELINE_TEXT, "docs/gate.md names this default");
        assertEquals(d.noiseWindow(), Integer.parseInt(GateOptions.DEFAULT_NOISE_WINDOW_TEXT));
        assertEquals(d.alpha(), Double.parseDouble(GateOptions.DEFAULT_ALPHA_TEXT));
        assertEquals("0.001", GateOptions.DEFAULT_ALPHA_TEXT, "shown as the CLI's default");
        assertEquals(d.incompleteRun(), Outcome.valueOf(GateOptions.DEFAULT_INCOMPLETE_RUN_TEXT.toUpperCase(Locale.ROOT)));
        assertEquals(d.missingBaseline(),
                Outcome.valueOf(GateOptions.DEFAULT_MISSING_BASELINE_TEXT.toUpperCase(Locale.ROOT)));
        assertEquals("0 pass, 1 fail, 4 unstable, 3 invalid input", ExitCodes.GATE_HELP);
        for (GateResult g : GateResult.values()) {
            assertEquals(g == GateResult.PASS ? ExitCodes.PASS : g == GateResult.FAIL ? ExitCodes.FAIL
                    : ExitCodes.UNSTABLE, g.exitCode());
        }
    }

    @Test
    void blankSettingsKeepTheDefaultsAndWrittenOnesAreRead() {
        GateRequest blank = GateRequest.builder(RUN).criteria("  ").baseline(" ").alpha("").build();
        assertEquals(GateOptions.defaults(), blank.options());
        assertTrue(blank.criteria().isEmpty());

        GateRequest set = GateRequest.builder(RUN).criteria("p95 < 1s; error% < 1").baseline("previous")
                .alpha(" 0.05 ").noiseWindow(3).build();
        assertEquals(2, set.criteria().size());
        assertEquals("previous", set.options().baseline().text());
        assertEquals(0.05, set.options().alpha());
        assertEquals(3, set.options().noiseWindow());
        assertEquals(3, set.options().minNoiseBuilds(), "a window smaller than the minimum is assessed whole");
    }

    @Test
    void invalidSettingsAreRefusedNamingTheProblem() {
        assertThrows(CriteriaException.class, () -> GateRequest.builder(RUN).criteria("p95 <"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GateRequest.builder(RUN).baseline("yesterday"));
        assertTrue(e.getMessage().contains("unknown baseline policy 'yesterday'"), e.getMessage());
        assertThrows(NumberFormatException.class, () -> GateRequest.builder(RUN).alpha("often"));
    }

    @Test
    void theRecordedResultIsTheWorseOfTheBuildsAndTheVerdictsUnlessTheVerdictIsOnlyReturned() {
        Recording cli = Recording.withVerdict();
        assertEquals(BuildResult.SUCCESS, cli.result(GateResult.PASS));
        assertEquals(BuildResult.UNSTABLE, cli.result(GateResult.UNSTABLE));
        assertEquals(BuildResult.FAILURE, cli.result(GateResult.FAIL));
        assertTrue(cli.repetitions());
        Recording unstableBuild = Recording.ofBuild(BuildResult.UNSTABLE, true);
        assertEquals(BuildResult.UNSTABLE, unstableBuild.result(GateResult.PASS));
        assertEquals(BuildResult.FAILURE, unstableBuild.result(GateResult.FAIL));
        assertFalse(unstableBuild.repetitions(), "the Jenkins job index keeps no repetitions");
        assertEquals(BuildResult.ABORTED, Recording.ofBuild(BuildResult.ABORTED, true).result(GateResult.FAIL));
        assertEquals(BuildResult.SUCCESS, Recording.ofBuild(BuildResult.SUCCESS, false).result(GateResult.FAIL));
    }
}
