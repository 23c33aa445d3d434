package io.jenkins.plugins.perfgate.publication;

import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.perfgate.agent.AgentCli;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.engine.runner.metrics.MetricsExporter;
import io.jenkins.plugins.perfgate.engine.runner.plan.MetricsExport;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Metrics export of published result files (Recorder, {@code perfgatePublish}): the engine's
 * {@link MetricsExporter} pushes the summary's key figures to the global configuration's InfluxDB and Pushgateway,
 * from the controller (which holds the small summary; no run plan is involved), with the same job/build labels and
 * credentials as {@code performanceTest}'s export from the runner.
 */
public final class PublishedMetrics {

    private PublishedMetrics() {
    }

    /** Pushes the key figures; returns the problems (also logged: an unreachable endpoint never fails the build). */
    public static List<String> export(Run<?, ?> run, RunSummary summary, EnvVars env, String id,
            TaskListener listener) {
        PerfgateConfiguration c = PerfgateConfiguration.get();
        MetricsExport targets = targets(c.getInfluxUrl(), c.getPushgatewayUrl(), env.get("JOB_NAME", "jenkins"),
                env.get("BUILD_NUMBER", "0"), id);
        if (targets.influxdb().isEmpty() && targets.pushgateway().isEmpty()) {
            AgentCli.log(listener, "metrics: true, but no InfluxDB or Pushgateway URL is configured "
                    + "(Manage Jenkins → System → perfgate)");
            return List.of("no metrics endpoint configured");
        }
        EnvVars credentials = new EnvVars();
        MetricsCredentials.addTo(run, credentials, listener);
        String template = summary.attributes().getOrDefault("template", "published");
        return new MetricsExporter(targets, template, credentials, line -> listener.getLogger().println(line))
                .afterRun(summary);
    }

    static MetricsExport targets(String influxUrl, String pushgatewayUrl, String job, String build, String id) {
        return new MetricsExport(uri(influxUrl).map(MetricsExport.Influx::afterRunOnly),
                uri(pushgatewayUrl).map(MetricsExport.Pushgateway::new), job, build, id);
    }

    private static Optional<URI> uri(String url) {
        String u = url == null ? "" : url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.isEmpty() ? Optional.empty() : Optional.of(URI.create(u));
    }
}
