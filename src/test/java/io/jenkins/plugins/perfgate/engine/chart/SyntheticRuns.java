package io.jenkins.plugins.perfgate.engine.chart;

import io.jenkins.plugins.perfgate.engine.results.Sample;
import io.jenkins.plugins.perfgate.engine.results.SourceFile;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Run summaries made from generated samples through the real aggregator (no hand-made statistics): a 60 s run with
 * a ramp-up, several labels of different weight, errors with response codes and messages, and optionally a hostile
 * label. Shared by chart and report tests.
 */
public final class SyntheticRuns {

    public static final String HOSTILE_LABEL = "<img src=x onerror=alert(1)>";
    public static final long START = 1_780_000_000_000L;

    private SyntheticRuns() {
    }

    public static RunSummary run(long seed, double latencyFactor, boolean hostile) {
        RunAggregator aggregator = new RunAggregator(AggregationOptions.defaults().withInterval(1000, 240));
        SplittableRandom random = new SplittableRandom(seed);
        String[] labels = hostile
                ? new String[] {"GET /home", "GET /search?q=x", "POST /checkout", HOSTILE_LABEL}
                : new String[] {"GET /home", "GET /search?q=x", "POST /checkout", "GET /static/app.js"};
        double[] weights = {0.45, 0.3, 0.15, 0.1};
        long[] base = {40, 120, 300, 15};
        for (int i = 0; i < 6000; i++) {
            long t = START + i * 10L;
            int threads = (int) Math.min(20, 1 + i / 150);
            double pick = random.nextDouble();
            int l = 0;
            for (double acc = weights[0]; pick > acc && l < labels.length - 1; acc += weights[++l]) {
                // walks to the label whose weight band holds pick
            }
            long elapsed = (long) (base[l] * latencyFactor * (0.6 + random.nextDouble() + (i > 4000 ? 0.5 : 0)));
            boolean ok = random.nextDouble() > (l == 2 ? 0.04 : 0.005);
            String code = ok ? "200" : (random.nextBoolean() ? "500" : "Non HTTP response code: java.net.SocketTimeoutException");
            String message = ok ? "" : (code.equals("500") ? "Assertion failed: <b>total</b> missing" : "Read timed out");
            aggregator.accept(new Sample(t, elapsed, labels[l], code, ok ? "OK" : "Error", "tg 1-" + threads, ok,
                    message, 2048, 300, threads, elapsed / 2, 3));
        }
        return RunSummary.of(aggregator.aggregate(), aggregator.options(),
                List.of(new SourceFile("results/run.jtl", "csv", "local", 6000, 0, false)), List.of(), Map.of())
                .withAttributes(Map.of("template", "shop-checkout.jmx", "property.users", "20",
                        "property.rampUp", "60 s", "property.host", "<script>alert('p')</script>"));
    }
}
