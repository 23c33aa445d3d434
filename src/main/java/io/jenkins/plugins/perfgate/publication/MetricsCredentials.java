package io.jenkins.plugins.perfgate.publication;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.EnvVars;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.engine.runner.metrics.BasicAuth;

/**
 * Hands the metric endpoints' credentials (username/password credentials of the Credentials plugin, by id) to the
 * metrics exporter as environment variables ({@link BasicAuth}'s names), so secrets never land in plan files or
 * logs; the exporter sends them as HTTP basic authentication.
 */
public final class MetricsCredentials {

    private MetricsCredentials() {
    }

    public static void addTo(EnvVars env) {
        PerfgateConfiguration c = PerfgateConfiguration.get();
        put(env, PerfgateConfiguration.credentials(c.getInfluxCredentialsId()), BasicAuth.INFLUXDB);
        put(env, PerfgateConfiguration.credentials(c.getPushgatewayCredentialsId()), BasicAuth.PUSHGATEWAY);
    }

    private static void put(EnvVars env, StandardUsernamePasswordCredentials creds, String prefix) {
        if (creds != null) {
            env.put(BasicAuth.usernameVariable(prefix), creds.getUsername());
            env.put(BasicAuth.passwordVariable(prefix), creds.getPassword().getPlainText());
        }
    }
}
