package io.jenkins.plugins.perfgate.engine.runner.plan;

import java.time.Duration;
import java.util.Map;

/**
 * How results are recorded and watched.
 *
 * @param progressInterval how often live progress is printed (at most 5 s)
 * @param flushEachSample  whether JMeter flushes the result file after every sample, so live progress and abort
 *                         criteria see every sample within a second even at low rates. Default off: it costs a
 *                         third of the throughput of a saturated generator (see docs/runner.md); without it JMeter
 *                         writes about every 100 rows, which lags only at low request rates.
 * @param jmeterProperties further JMeter properties for every generator (e.g. {@code jmeter.save.saveservice.*})
 */
public record SamplingOptions(Duration progressInterval, boolean flushEachSample, Map<String, String> jmeterProperties) {

    public SamplingOptions {
        jmeterProperties = Map.copyOf(jmeterProperties);
    }

    public static SamplingOptions defaults() {
        return new SamplingOptions(Duration.ofSeconds(5), false, Map.of());
    }
}
