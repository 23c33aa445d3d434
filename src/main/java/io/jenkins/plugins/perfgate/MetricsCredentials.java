package io.jenkins.plugins.perfgate;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.EnvVars;

/**
 * Hands the metric endpoints' credentials (username/password credentials of the Credentials plugin, by id) to the
 * command line process as environment variables, so secrets never land in plan files or logs.
 */
final class MetricsCredentials {

    static final String INFLUX_USER = "PERFGATE_INFLUXDB_USERNAME";
    static final String INFLUX_PASSWORD = "PERFGATE_INFLUXDB_PASSWORD";
    static final String PUSHGATEWAY_USER = "PERFGATE_PUSHGATEWAY_USERNAME";
    static final String PUSHGATEWAY_PASSWORD = "PERFGATE_PUSHGATEWAY_PASSWORD";

    private MetricsCredentials() {
    }

    static void addTo(EnvVars env) {
        PerfgateConfiguration c = PerfgateConfiguration.get();
        put(env, PerfgateConfiguration.credentials(c.getInfluxCredentialsId()), INFLUX_USER, INFLUX_PASSWORD);
        put(env, PerfgateConfiguration.credentials(c.getPushgatewayCredentialsId()), PUSHGATEWAY_USER,
                PUSHGATEWAY_PASSWORD);
    }

    private static void put(EnvVars env, StandardUsernamePasswordCredentials creds, String user, String password) {
        if (creds != null) {
            env.put(user, creds.getUsername());
            env.put(password, creds.getPassword().getPlainText());
        }
    }
}
