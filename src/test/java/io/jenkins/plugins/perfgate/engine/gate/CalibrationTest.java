package io.jenkins.plugins.perfgate.engine.gate;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** "stable" scatters 1 % from run to run, "flaky" 8 %. */
    private static List<RunFigures> aa(long seed, int k) {
        SyntheticRuns runs = SyntheticRuns.of(label("stable", 100, 2000, 0), label("flaky", 100, 2000, 0));
        Random r = new Random(seed);
        List<RunFigures> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(RunFigures.of(runs.run(seed * 100 + i, 1 + 0.01 * r.nextGaussian(),
                    Map.of("flaky", 1 + 0.08 * r.nextGaussian()))));
        }
        return out;
    }

    @Test
    void measuresNoisePerLabelAndSuggestsTolerances() {
        Calibration c = Calibration.of(aa(1, 12), Calibration.DEFAULT_METRICS);
        assertEquals(List.of("TOTAL", "flaky", "stable"), c.labels().stream().map(Calibration.LabelNoise::label)
                .toList());
        Calibration.MetricNoise stable = c.labels().get(2).metric(Metric.MEAN).orElseThrow();
        Calibration.MetricNoise flaky = c.labels().get(1).metric(Metric.MEAN).orElseThrow();
        assertTrue(stable.cv() < 0.025, "stable CV " + stable.cv());
        assertTrue(flaky.cv() > 0.04 && flaky.cv() < 0.16, "flaky CV " + flaky.cv());
        assertTrue(flaky.suggestedTolerancePercent() > stable.suggestedTolerancePercent());
        assertTrue(stable.suggestedTolerancePercent() >= Calibration.MIN_TOLERANCE_PERCENT);
        assertTrue(c.suggestedCriteria().contains("mean[label=\"flaky\"] vs baseline < +"
                + flaky.suggestedTolerancePercent() + "%"), c.suggestedCriteria().toString());
        assertTrue(c.format().contains("A/A calibration over 12 runs"), c.format());
        // every suggestion parses
        c.suggestedCriteria().forEach(CriteriaParser::parse);
    }

    @Test
    void suggestedTolerancesDoNotFlapOnFurtherAaRuns() {
        Calibration c = Calibration.of(aa(2, 12), List.of(Metric.MEAN));
        String criteria = String.join("\n", c.suggestedCriteria());
        // the suggested tolerances, on fresh A/A builds judged against a history of the same build, alarm rarely
        int alarms = 0;
        int trials = 40;
        for (int t = 0; t < trials; t++) {
            List<RunFigures> runs = aa(1000 + t, 11);
            List<HistoryEntry> entries = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                entries.add(new HistoryEntry(BuildRef.of(i + 1, i, BuildResult.SUCCESS), runs.get(i)));
            }
            Verdict v = new Gate(GateOptions.defaults()).judge(CriteriaParser.parseAll(criteria),
                    new HistoryEntry(BuildRef.of(11, 11, BuildResult.SUCCESS), runs.get(10)),
                    new History(entries, List.of()));
            alarms += v.result() == GateResult.PASS ? 0 : 1;
        }
        assertTrue(alarms <= 1, alarms + " alarms in " + trials);
    }

    @Test
    void needsAtLeastThreeRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(aa(3, 2), Calibration.DEFAULT_METRICS));
        assertTrue(e.getMessage().contains("at least 3 runs"));
    }
}
