package io.jenkins.plugins.perfgate.engine.gate;

import static io.jenkins.plugins.perfgate.engine.SyntheticRuns.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.SyntheticRuns;
import io.jenkins.plugins.perfgate.engine.compare.LabelComparison;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GateTest {

    private static final SyntheticRuns RUNS = SyntheticRuns.of(label("home", 120, 400, 0.002),
            label("checkout-pay", 300, 400, 0.002), label("checkout-cart", 200, 400, 0.002));

    private static HistoryEntry entry(long n, RunSummary s) {
        return new HistoryEntry(BuildRef.of(n, n, BuildResult.SUCCESS), RunFigures.of(s));
    }

    /** builds 1..n with run-to-run noise: each run's times scaled by 1 + N(0, cv). */
    private static History history(long seed, int n, double cv) {
        Random r = new Random(seed);
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            entries.add(entry(i, RUNS.run(seed * 1000 + i, 1 + cv * r.nextGaussian())));
        }
        return new History(entries, List.of());
    }

    private static Verdict judge(String criteria, RunSummary run, History history) {
        return judge(criteria, run, history, GateOptions.defaults());
    }

    private static Verdict judge(String criteria, RunSummary run, History history, GateOptions options) {
        return new Gate(options).judge(CriteriaParser.parseAll(criteria),
                entry(history.lastNumber() + 1, run), history);
    }

    @Test
    void absoluteCriteriaPassAndFailWithTheirSeverity() {
        RunSummary run = RUNS.run(7, 1);
        double p95 = run.overall().percentile(95);
        Verdict pass = judge("p95 < " + (p95 + 1) + "ms; error% < 5; rps > 1", run, History.empty());
        assertEquals(GateResult.PASS, pass.result(), pass.format());
        assertEquals(3, pass.lines().size());
        assertEquals(0, pass.exitCode());

        Verdict unstable = judge("p95 < " + p95 + "ms => unstable; rps > 1", run, History.empty());
        assertEquals(GateResult.UNSTABLE, unstable.result(), unstable.format());
        assertEquals(4, unstable.exitCode());
        VerdictLine line = unstable.lines().get(0);
        assertEquals(LineStatus.VIOLATED, line.status());
        assertEquals(p95, line.value());
        assertTrue(line.message().contains("violated"), line.message());

        Verdict fail = judge("p95 < " + p95 + "ms => warn; rps > 100000", run, History.empty());
        assertEquals(GateResult.FAIL, fail.result(), fail.format());
        assertEquals(Outcome.WARN, fail.lines().get(0).outcome());
        assertEquals(1, fail.exitCode());
    }

    @Test
    void labelScopesMakeOneLinePerMatchingLabel() {
        RunSummary run = RUNS.run(8, 1);
        Verdict v = judge("p95[label~\"checkout-*\"] < 1h; mean[label=\"home\"] < 1h; max[label=~\".*\"] < 1h",
                run, History.empty());
        assertEquals(List.of("checkout-cart", "checkout-pay", "home", "checkout-cart", "checkout-pay", "home"),
                v.lines().stream().map(VerdictLine::label).toList());
        assertEquals(GateResult.PASS, v.result());
    }

    @Test
    void aCriterionOnAnAbsentLabelNeverPasses() {
        RunSummary run = RUNS.run(9, 1);
        Verdict v = judge("p95[label=\"logout\"] < 1h; p95[label~\"admin*\"] < 1h => unstable", run,
                History.empty());
        assertEquals(GateResult.FAIL, v.result(), v.format());
        assertEquals(LineStatus.NO_DATA, v.lines().get(0).status());
        assertTrue(v.lines().get(0).message().contains("'logout' is absent"), v.lines().get(0).message());
        assertEquals(Outcome.UNSTABLE, v.lines().get(1).outcome());
        assertTrue(v.lines().get(1).message().contains("no label with samples matches"));
    }

    @Test
    void anIncompleteOrEmptyRunNeverPasses() {
        RunSummary run = RUNS.run(10, 1).withStatus(RunStatus.TIMED_OUT, "time limit 60 s");
        Verdict v = judge("p95 < 1h", run, History.empty());
        assertEquals(GateResult.FAIL, v.result());
        assertEquals(LineStatus.RUN_NOT_COMPLETE, v.lines().get(0).status());
        assertTrue(v.lines().get(0).message().contains("TIMED_OUT (time limit 60 s)"));
        Verdict soft = judge("p95 < 1h", run, History.empty(), GateOptions.defaults()
                .withIncompleteRun(Outcome.UNSTABLE));
        assertEquals(GateResult.UNSTABLE, soft.result());

        RunSummary empty = SyntheticRuns.of().run(1, 1);
        assertEquals(RunStatus.NO_RESULTS, empty.status());
        Verdict none = judge("", empty, History.empty());
        assertEquals(GateResult.FAIL, none.result(), none.format());
        Verdict noData = judge("error% < 1", empty, History.empty(), GateOptions.defaults()
                .withIncompleteRun(Outcome.UNSTABLE));
        assertEquals(GateResult.FAIL, noData.result(), "a criterion on an empty run has no data: " + noData.format());
    }

    @Test
    void withoutABaselineBaselineCriteriaWarnAndTheComparisonIsAbsent() {
        Verdict v = judge("p95 vs baseline < +10%", RUNS.run(11, 1), History.empty());
        assertEquals(GateResult.PASS, v.result());
        assertEquals(LineStatus.NO_BASELINE, v.lines().get(0).status());
        assertEquals(Outcome.WARN, v.lines().get(0).outcome());
        assertTrue(v.comparison().isEmpty());
        assertTrue(v.baselineDescription().startsWith("none"));
        Verdict strict = judge("p95 vs baseline < +10%", RUNS.run(11, 1), History.empty(), GateOptions.defaults()
                .withMissingBaseline(Outcome.FAIL));
        assertEquals(GateResult.FAIL, strict.result());
    }

    @Test
    void aTenPercentShiftWellAboveNoiseIsDetected() {
        // 3000 samples per label: the per-build p95 scatters about 1 % around the 1 % run-to-run noise
        SyntheticRuns big = SyntheticRuns.of(label("home", 120, 3000, 0.002), label("checkout", 300, 3000, 0.002));
        int detected = 0;
        int trials = 20;
        for (int t = 0; t < trials; t++) {
            Random r = new Random(100 + t);
            List<HistoryEntry> entries = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                entries.add(entry(i, big.run(100_000L * t + i, 1 + 0.01 * r.nextGaussian())));
            }
            History h = new History(entries, List.of());
            Verdict v = judge("p95 vs baseline < +5%", big.run(t, 1.10), h);
            if (v.result() == GateResult.FAIL) {
                detected++;
            }
            if (t == 0) {
                VerdictLine l = v.lines().get(0);
                assertEquals(LineStatus.VIOLATED, l.status(), v.format());
                assertEquals(Significance.Method.PREDICTION_INTERVAL, l.significance().orElseThrow().method());
                assertTrue(l.significance().get().effectSigmas() > 3, l.message());
                assertTrue(l.significance().get().pValue() <= 0.001, l.message());
                assertTrue(l.relativeDelta() > 0.05 && l.relativeDelta() < 0.2, l.message());
                assertTrue(l.message().contains("t prediction interval"), l.message());
                assertTrue(v.comparison().isPresent());
            }
        }
        System.out.printf("shift of 10 %% over 1 %% noise: detected in %d of %d trials%n", detected, trials);
        assertEquals(trials, detected, "every 10 % shift detected");
    }

    @Test
    void aaRunsWithRealisticNoiseRaiseNoFalseAlarms() {
        // run-to-run noise of 4 % (CV) between builds; threshold 5 %: crossed often, but within noise. One job's
        // builds, as perfgate sees them: each build judged against the 10 before it (not 11 fresh runs per trial:
        // a tenth of the runs to make, and every judgement is still of a fresh build against its own history)
        int trials = 300;
        List<HistoryEntry> job = builds(RUNS, 5000, trials + 10, 0.04);
        int alarms = 0;
        int crossed = 0;
        for (int t = 0; t < trials; t++) {
            Verdict v = new Gate(GateOptions.defaults()).judge(CriteriaParser.parseAll(
                    "p95 vs baseline < +5%; mean[label~\"*\"] vs baseline < +5% => unstable"), job.get(t + 10),
                    new History(job.subList(t, t + 10), List.of()));
            if (v.result() != GateResult.PASS) {
                alarms++;
            }
            crossed += (int) v.lines().stream().filter(l -> l.status() == LineStatus.WITHIN_NOISE).count();
        }
        System.out.printf("A/A: %d false alarms in %d trials; threshold crossed %d times%n", alarms, trials, crossed);
        assertTrue(alarms <= trials / 100, alarms + " false alarms in " + trials + " A/A trials");
        assertTrue(crossed > trials / 10, "the threshold alone would have alarmed " + crossed + " times");
    }

    /** Builds 1..n of one job, each run's times scaled by 1 + N(0, cv). */
    private static List<HistoryEntry> builds(SyntheticRuns runs, long seed, int n, double cv) {
        Random r = new Random(seed);
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            entries.add(new HistoryEntry(BuildRef.of(i, i, BuildResult.SUCCESS),
                    RunFigures.of(runs.run(seed * 1000 + i, 1 + cv * r.nextGaussian()))));
        }
        return entries;
    }

    @Test
    void aaWithRepetitionsRaisesNoFalseAlarmsEither() {
        // 9 repetitions of the same build (U-test path) against builds with the same 4 % run-to-run noise; the
        // repetitions are fresh in every trial, the history is the job's 10 builds before (as above)
        SyntheticRuns small = SyntheticRuns.of(label("home", 120, 300, 0), label("checkout", 300, 300, 0));
        int trials = 100;
        List<HistoryEntry> job = builds(small, 70_000, trials + 9, 0.04);
        int alarms = 0;
        int uTests = 0;
        for (int t = 0; t < trials; t++) {
            Random r = new Random(70_000 + t);
            List<RunFigures> reps = new ArrayList<>();
            RunSummary merged = null;
            for (int k = 0; k < 9; k++) {
                RunSummary rep = small.run(1_000_000L * t + 100 + k, 1 + 0.04 * r.nextGaussian());
                reps.add(RunFigures.of(rep));
                merged = merged == null ? rep : merged.merge(rep);
            }
            HistoryEntry candidate = new HistoryEntry(BuildRef.of(t + 11, t + 11, BuildResult.SUCCESS),
                    RunFigures.of(merged), reps);
            Verdict v = new Gate(GateOptions.defaults()).judge(CriteriaParser.parseAll(
                    "mean[label~\"*\"] vs baseline < +2%; p95 vs baseline < +2%"), candidate,
                    new History(job.subList(t, t + 10), List.of()));
            alarms += v.result() == GateResult.PASS ? 0 : 1;
            uTests += (int) v.lines().stream().filter(l -> l.significance().map(s -> s.method()
                    == Significance.Method.MANN_WHITNEY_U).orElse(false)).count();
        }
        System.out.printf("A/A with 9 repetitions: %d false alarms in %d trials%n", alarms, trials);
        assertEquals(3 * trials, uTests, "every line judged by the U-test");
        assertTrue(alarms <= trials / 100, alarms + " false alarms in " + trials + " A/A trials");
    }

    @Test
    void belowTheThresholdNothingFiresEvenIfSignificant() {
        History h = history(7, 10, 0.002);
        Verdict v = judge("p95 vs baseline < +20%", RUNS.run(77, 1.10), h);
        assertEquals(GateResult.PASS, v.result(), v.format());
        assertEquals(LineStatus.PASSED, v.lines().get(0).status());
    }

    @Test
    void repeatedRunsAreJudgedWithAUTest() {
        History h = history(33, 12, 0.02);
        List<RunSummary> slower = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slower.add(RUNS.run(700 + i, 1.15 + 0.01 * i));
        }
        RunSummary merged = slower.stream().reduce(RunSummary::merge).orElseThrow();
        HistoryEntry candidate = new HistoryEntry(BuildRef.of(13, 13, BuildResult.SUCCESS), RunFigures.of(merged),
                slower.stream().map(RunFigures::of).toList());
        Verdict v = new Gate(GateOptions.defaults()).judge(CriteriaParser.parseAll("mean vs baseline < +5%"),
                candidate, h);
        VerdictLine l = v.lines().get(0);
        assertEquals(LineStatus.VIOLATED, l.status(), v.format());
        Significance s = l.significance().orElseThrow();
        assertEquals(Significance.Method.MANN_WHITNEY_U, s.method());
        assertEquals(MannWhitneyU.minimumPValue(10, 5), s.pValue(), 1e-12, "all 5 above all 10");
        assertEquals(5, s.candidateRuns());
        assertEquals(12 - 2, s.baselineRuns(), "noise window is 10 builds");

        // same build repeated, no change: within noise
        List<RunSummary> same = new ArrayList<>();
        Random r = new Random(5);
        for (int i = 0; i < 5; i++) {
            same.add(RUNS.run(800 + i, 1 + 0.02 * r.nextGaussian()));
        }
        HistoryEntry aa = new HistoryEntry(BuildRef.of(13, 13, BuildResult.SUCCESS),
                RunFigures.of(same.stream().reduce(RunSummary::merge).orElseThrow()),
                same.stream().map(RunFigures::of).toList());
        Verdict ok = new Gate(GateOptions.defaults()).judge(CriteriaParser.parseAll("mean vs baseline < +1%"), aa, h);
        assertTrue(ok.lines().get(0).status() == LineStatus.PASSED
                || ok.lines().get(0).status() == LineStatus.WITHIN_NOISE, ok.format());
    }

    @Test
    void tooLittleHistoryLetsTheThresholdDecideAndSaysSo() {
        History h = history(3, 3, 0.01);
        Verdict v = judge("p95 vs baseline < +5%", RUNS.run(3, 1.3), h);
        VerdictLine l = v.lines().get(0);
        assertEquals(LineStatus.VIOLATED, l.status());
        assertEquals(Significance.Method.NOT_ASSESSED, l.significance().get().method());
        assertTrue(l.message().contains("threshold alone decides"), l.message());
    }

    @Test
    void throughputDropsAreRegressionsOfALowerBound() {
        History h = history(21, 10, 0.01);
        // rps depends on sample count and duration: fewer samples in the same minute = lower throughput
        RunSummary fewer = SyntheticRuns.of(label("home", 120, 300, 0.002), label("checkout-pay", 300, 300, 0.002),
                label("checkout-cart", 200, 300, 0.002)).run(5, 1);
        Verdict v = judge("rps vs baseline > -10%", fewer, h);
        assertEquals(GateResult.FAIL, v.result(), v.format());
        assertTrue(v.lines().get(0).relativeDelta() < -0.2);
    }

    @Test
    void newAndRemovedLabelsAreShownNotFailed() {
        History h = history(44, 6, 0.01);
        RunSummary run = SyntheticRuns.of(label("home", 120, 400, 0), label("search", 80, 400, 0)).run(1, 1);
        Verdict v = judge("p95[label~\"*\"] vs baseline < +50%", run, h, GateOptions.defaults()
                .withBaseline(new BaselinePolicy.Previous()));
        assertEquals(GateResult.PASS, v.result(), v.format());
        VerdictLine search = v.lines().stream().filter(l -> l.label().equals("search")).findFirst().orElseThrow();
        assertEquals(LineStatus.NO_BASELINE, search.status());
        assertTrue(search.message().contains("label is new"));
        var cmp = v.comparison().orElseThrow();
        assertEquals(List.of("search"), cmp.added().stream().map(LabelComparison::label).toList());
        assertEquals(List.of("checkout-cart", "checkout-pay"), cmp.removed().stream().map(LabelComparison::label)
                .toList());
        var home = cmp.label("home").orElseThrow();
        assertEquals(Metric.values().length, home.deltas().size());
        assertEquals(home.current().get().get(Metric.P95) - home.baseline().get().get(Metric.P95),
                home.delta(Metric.P95).get().absolute());
        assertTrue(v.baselineDescription().contains("previous build #6"));
    }

    @Test
    void errorsFromZeroAreAnInfiniteRelativeChange() {
        SyntheticRuns clean = SyntheticRuns.of(label("home", 100, 300, 0));
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            entries.add(entry(i, clean.run(i, 1)));
        }
        RunSummary broken = SyntheticRuns.of(label("home", 100, 300, 0.05)).run(99, 1);
        Verdict v = judge("error% vs baseline < +50%", broken, new History(entries, List.of()));
        assertEquals(GateResult.FAIL, v.result(), v.format());
        assertTrue(v.lines().get(0).message().contains("+∞ %"), v.lines().get(0).message());
    }

    @Test
    void historyWarningsBecomeNotes() {
        History h = new History(history(1, 2, 0.01).entries(), List.of("skipped 3/figures.json: not JSON"));
        Verdict v = judge("p95 < 1h", RUNS.run(1, 1), h);
        assertTrue(v.notes().contains("skipped 3/figures.json: not JSON"));
        assertTrue(v.format().contains("note: skipped 3/figures.json"), v.format());
        Map<String, Object> unused = Map.of();
        assertFalse(v.format().isEmpty() || !unused.isEmpty());
    }
}
