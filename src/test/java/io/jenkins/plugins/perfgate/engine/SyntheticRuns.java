package io.jenkins.plugins.perfgate.engine;

import io.jenkins.plugins.perfgate.engine.results.Sample;
import io.jenkins.plugins.perfgate.engine.results.SourceFile;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test fixture: real run summaries made by feeding seeded synthetic samples through {@link RunAggregator}. Response
 * times are log-normal around a label's median; a whole run can be scaled by a factor (run-to-run noise or a shift).
 */
public final class SyntheticRuns {

    /** One label: median response time, samples, error probability. */
    public record LabelSpec(String label, double medianMillis, int samples, double errorRate) {
    }

    private final Map<String, LabelSpec> labels = new LinkedHashMap<>();
    private double spread = 0.35;
    private long durationMillis = 60_000;

    public static SyntheticRuns of(LabelSpec... specs) {
        SyntheticRuns r = new SyntheticRuns();
        for (LabelSpec s : specs) {
            r.labels.put(s.label(), s);
        }
        return r;
    }

    public static LabelSpec label(String name, double medianMillis, int samples, double errorRate) {
        return new LabelSpec(name, medianMillis, samples, errorRate);
    }

    public SyntheticRuns withSpread(double sigma) {
        this.spread = sigma;
        return this;
    }

    /** A run whose response times are all scaled by {@code factor} (1 = nominal). */
    public RunSummary run(long seed, double factor) {
        return run(seed, factor, Map.of());
    }

    /** A run with per-label extra factors (labels not named use 1). */
    public RunSummary run(long seed, double factor, Map<String, Double> perLabel) {
        Random random = new Random(seed);
        AggregationOptions options = AggregationOptions.defaults();
        RunAggregator aggregator = new RunAggregator(options);
        long start = 1_700_000_000_000L;
        long samples = 0;
        for (LabelSpec spec : labels.values()) {
            double f = factor * perLabel.getOrDefault(spec.label(), 1.0);
            for (int i = 0; i < spec.samples(); i++) {
                long t = start + (long) (random.nextDouble() * durationMillis);
                long elapsed = Math.max(1, Math.round(spec.medianMillis() * f
                        * Math.exp(spread * random.nextGaussian())));
                boolean ok = random.nextDouble() >= spec.errorRate();
                aggregator.accept(new Sample(t, elapsed, spec.label(), ok ? "200" : "500", ok ? "OK" : "Server Error",
                        "tg 1-1", ok, ok ? "" : "status 500", 1000 + random.nextInt(200), 200, 10,
                        Math.max(0, elapsed - 2), 1));
                samples++;
            }
        }
        List<SourceFile> sources = List.of(new SourceFile("synthetic-" + seed + ".jtl", "csv", "", samples, 0,
                false));
        return RunSummary.of(aggregator.aggregate(), options, sources, new ArrayList<>(), Map.<String, LabelStats>of());
    }
}
