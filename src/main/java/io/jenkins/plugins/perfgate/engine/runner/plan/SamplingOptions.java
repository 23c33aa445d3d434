package io.jenkins.plugins.perfgate.engine.runner.plan;

import java.time.Duration;
import java.util.Map;

/**
 * How results are recorded and watched.
 *
 * @param progressInterval how often live progress is printed (at most 5 s)
 * @param flushEachSample  whether JMeter flushes the result file after every sample (default: yes, so live progress
 *                         and abort criteria see samples within a second; costs one write call per sample).
 *                         Off: JMeter writes in large blocks and live figures lag by seconds.
 * @param jmeterProperties further JMeter properties for every generator (e.g. {@code jmeter.save.saveservice.*})
 */
public record SamplingOptions(Duration progressInterval, boolean flushEachSample, Map<String, String> jmeterProperties) {

    public SamplingOptions {
        jmeterProperties = Map.copyOf(jmeterProperties);
    }

    public static SamplingOptions defaults() {
        return new SamplingOptions(Duration.ofSeconds(5), true, Map.of());
    }
}
