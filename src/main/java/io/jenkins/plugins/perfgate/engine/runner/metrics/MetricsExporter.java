package io.jenkins.plugins.perfgate.engine.runner.metrics;

import io.jenkins.plugins.perfgate.engine.runner.plan.MetricsExport;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends a run's figures where the plan says: creates the InfluxDB database before a live run, pushes the figures so
 * far to a Prometheus Pushgateway during the run ({@link #livePush}), and after the run pushes the summary's key
 * figures per label to InfluxDB (line protocol) and/or the Pushgateway. A
 * monitoring system that is down never fails the run: the problem is reported and returned. Endpoints that need
 * credentials get HTTP basic authentication ({@link BasicAuth}, from the environment), and only those at the URL
 * the credentials are bound to.
 */
public final class MetricsExporter {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final MetricsExport metrics;
    private final String template;
    private final Optional<BasicAuth> influxAuth;
    private final Optional<BasicAuth> pushgatewayAuth;
    private final Consumer<String> out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The plan's targets, with credentials from this process's environment ({@link BasicAuth}). */
    public MetricsExporter(RunPlan plan, Consumer<String> out) {
        this(plan.metrics(), Objects.requireNonNull(plan.template().getFileName()).toString(), System.getenv(), out);
    }

    /**
     * @param metrics  where the figures go and their job/build labels
     * @param template the {@code template} label of the figures
     * @param env      environment holding the endpoints' credentials ({@link BasicAuth#fromEnvironment})
     */
    public MetricsExporter(MetricsExport metrics, String template, Map<String, String> env, Consumer<String> out) {
        this.metrics = metrics;
        this.template = template;
        this.influxAuth = BasicAuth.fromEnvironment(env, BasicAuth.INFLUXDB);
        this.pushgatewayAuth = BasicAuth.fromEnvironment(env, BasicAuth.PUSHGATEWAY);
        this.out = out;
    }

    /** The write URL JMeter's Backend Listener posts to. */
    public String influxWriteUrl(MetricsExport.Influx influx) {
        return influx.url() + "/write?db=" + URLEncoder.encode(influx.database(), StandardCharsets.UTF_8);
    }

    /** The credentials for this InfluxDB from the environment, if any are given for its URL. */
    public Optional<BasicAuth> influxAuth(MetricsExport.Influx influx) {
        return influxAuth.filter(a -> a.appliesTo(influx.url()));
    }

    /** Creates the database (idempotent in InfluxDB 1.x). */
    public void prepareInflux(MetricsExport.Influx influx) {
        String q = "CREATE DATABASE \"" + influx.database().replace("\"", "\\\"") + "\"";
        try {
            send(HttpRequest.newBuilder(URI.create(influx.url() + "/query?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                    .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()), influxAuth, influx.url(),
                    "InfluxDB " + influx.url());
        } catch (IOException e) {
            out.accept("perfgate: warning: " + e.getMessage());
        }
    }

    /** Pushes the key figures; returns the problems (also printed). */
    public List<String> afterRun(RunSummary summary) {
        List<String> problems = new ArrayList<>();
        MetricsExport m = metrics;
        m.influxdb().filter(MetricsExport.Influx::afterRun).ifPresent(influx -> {
            String body = MetricsText.influxLines(summary, influx.measurement(), m.job(), m.build(), template,
                    m.result());
            try {
                send(HttpRequest.newBuilder(URI.create(influxWriteUrl(influx) + "&precision=ms"))
                        .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body)), influxAuth,
                        influx.url(), "InfluxDB " + influx.url());
                out.accept("perfgate: key figures written to InfluxDB " + influx.url() + " database "
                        + influx.database());
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        });
        m.pushgateway().ifPresent(push -> {
            try {
                pushPrometheus(push, MetricsText.prometheusText(summary));
                out.accept("perfgate: key figures pushed to Pushgateway " + push.url());
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        });
        problems.forEach(p -> out.accept("perfgate: warning: " + p));
        return problems;
    }

    /**
     * The live pusher when the plan's Pushgateway wants the figures during the run; {@link LivePush#close} it before
     * {@link #afterRun}, whose push then replaces the last live figures.
     */
    public Optional<LivePush> livePush() {
        return metrics.pushgateway().filter(MetricsExport.Pushgateway::live)
                .map(push -> new LivePush(body -> pushPrometheus(push, body), "Pushgateway " + push.url(), out));
    }

    /** Replaces the run's group (job/build/template/result) on the Pushgateway with these metrics. */
    void pushPrometheus(MetricsExport.Pushgateway push, String body) throws IOException {
        MetricsExport m = metrics;
        URI uri = URI.create(push.url() + "/metrics/job@base64/" + MetricsText.base64(m.job())
                + "/build@base64/" + MetricsText.base64(m.build())
                + "/template@base64/" + MetricsText.base64(template)
                + (m.result().isEmpty() ? "" : "/result@base64/" + MetricsText.base64(m.result())));
        send(HttpRequest.newBuilder(uri).header("Content-Type", "text/plain; version=0.0.4")
                .timeout(TIMEOUT).PUT(HttpRequest.BodyPublishers.ofString(body)), pushgatewayAuth,
                push.url(), "Pushgateway " + push.url());
    }

    private void send(HttpRequest.Builder request, Optional<BasicAuth> auth, URI base, String target)
            throws IOException {
        // credentials bound to another URL (the administrator's) are never sent to one a plan names
        auth.filter(a -> a.appliesTo(base)).ifPresent(a -> request.header("Authorization", a.header()));
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IOException("metrics export to " + target + " failed: HTTP " + r.statusCode() + " "
                        + r.body().strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("metrics export to " + target + " interrupted", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("metrics export")) {
                throw e;
            }
            throw new IOException("metrics export to " + target + " failed: " + e, e);
        }
    }
}
