/**
 * Exporting a run's figures to InfluxDB (line protocol, with a credentials relay) and a Prometheus
 * Pushgateway. May use {@code runner.plan}, {@code engine.summary} and {@code engine.stats}.
 */
package io.jenkins.plugins.perfgate.engine.runner.metrics;
