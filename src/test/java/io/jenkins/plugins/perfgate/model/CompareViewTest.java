package io.jenkins.plugins.perfgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.perfgate.engine.gate.Significance;
import org.junit.jupiter.api.Test;

/** The compare page's significance column. */
class CompareViewTest {

    private static Significance notAssessed(int baselineRuns) {
        return new Significance(Significance.Method.NOT_ASSESSED, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                baselineRuns, 1, false, "too little history");
    }

    @Test
    void notAssessedSaysHowManyBaselineRunsInWords() {
        // the compare page of two single runs read "not assessed (1 baseline runs)"
        assertEquals("not assessed (1 baseline run)", CompareView.significance(notAssessed(1)));
        assertEquals("not assessed (2 baseline runs)", CompareView.significance(notAssessed(2)));
        assertEquals("not assessed (0 baseline runs)", CompareView.significance(notAssessed(0)));
    }

    @Test
    void anAssessedChangeNamesItsMethodAndP() {
        Significance u = new Significance(Significance.Method.MANN_WHITNEY_U, 0.0021, Double.NaN, Double.NaN, 4.2,
                10, 3, true, "");
        assertEquals("significant, Mann-Whitney U p=0.00210", CompareView.significance(u));
    }
}
