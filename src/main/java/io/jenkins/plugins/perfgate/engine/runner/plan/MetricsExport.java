package io.jenkins.plugins.perfgate.engine.runner.plan;

import java.net.URI;
import java.util.Optional;

/**
 * Where the run's figures go besides the summary.
 *
 * @param influxdb    InfluxDB 1.x: live through JMeter's Backend Listener and/or key figures after the run
 * @param pushgateway Prometheus Pushgateway: the figures so far every progress interval, and after the run
 * @param job         the {@code job} label (default: the plan's name)
 * @param build       the {@code build} label (default: {@code $BUILD_NUMBER}, else {@code local})
 * @param result      the {@code result} label: which of a build's results the figures are (the Jenkins steps'
 *                    {@code id}, when one build publishes several); empty: no such label
 */
public record MetricsExport(Optional<Influx> influxdb, Optional<Pushgateway> pushgateway, String job, String build,
        String result) {

    public MetricsExport {
        result = result == null ? "" : result;
    }

    /** Without a {@code result} label. */
    public MetricsExport(Optional<Influx> influxdb, Optional<Pushgateway> pushgateway, String job, String build) {
        this(influxdb, pushgateway, job, build, "");
    }

    /**
     * @param url         base URL, e.g. {@code http://127.0.0.1:8086}
     * @param database    database name
     * @param live        whether a Backend Listener streams JMeter's metrics while the test runs
     * @param afterRun    whether perfgate writes the summary's key figures after the run
     * @param measurement measurement of the after-run points
     */
    public record Influx(URI url, String database, boolean live, boolean afterRun, String measurement) {
        /** Database and measurement when the plan names none. */
        public static final String DEFAULT_DATABASE = "perfgate";
        public static final String DEFAULT_MEASUREMENT = "perfgate";

        /** Key figures after the run only, into the default database and measurement. */
        public static Influx afterRunOnly(URI url) {
            return new Influx(url, DEFAULT_DATABASE, false, true, DEFAULT_MEASUREMENT);
        }
    }

    /**
     * @param url  base URL, e.g. {@code http://127.0.0.1:9091}
     * @param live whether the figures of the run so far are pushed every progress interval (at most 5 s) while the
     *             test runs, under the grouping key the after-run push then overwrites
     */
    public record Pushgateway(URI url, boolean live) {
        /** Live and after the run (the default). */
        public Pushgateway(URI url) {
            this(url, true);
        }
    }
}
