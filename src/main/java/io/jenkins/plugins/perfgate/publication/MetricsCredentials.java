package io.jenkins.plugins.perfgate.publication;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.perfgate.agent.AgentCli;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.engine.runner.metrics.BasicAuth;

/**
 * Hands the metric endpoints' credentials (username/password credentials of the Credentials plugin, by id) to the
 * metrics exporter as environment variables ({@link BasicAuth}'s names), so secrets never land in plan files or
 * logs; the exporter sends them as HTTP basic authentication, only to the URL the administrator configured (bound
 * through {@code _URL}), and the runner keeps them from JMeter.
 *
 * <p>The credentials are looked up in the build's context ({@link CredentialsProvider#findCredentialById}): with the
 * build's authentication, among the credentials its job may use (its folders' and the global ones), and the use is
 * tracked on the credentials. Credentials with the System scope, meant for Jenkins itself, are not available there.
 */
public final class MetricsCredentials {

    private MetricsCredentials() {
    }

    public static void addTo(Run<?, ?> run, EnvVars env, TaskListener listener) {
        PerfgateConfiguration c = PerfgateConfiguration.get();
        put(env, run, listener, c.getInfluxCredentialsId(), c.getInfluxUrl(), BasicAuth.INFLUXDB);
        put(env, run, listener, c.getPushgatewayCredentialsId(), c.getPushgatewayUrl(), BasicAuth.PUSHGATEWAY);
    }

    private static void put(EnvVars env, Run<?, ?> run, TaskListener listener, String id, String url,
            String prefix) {
        // credentials without the administrator's URL would go wherever a plan points: never
        if (id == null || id.isEmpty() || url == null || url.isBlank()) {
            return;
        }
        StandardUsernamePasswordCredentials creds = CredentialsProvider.findCredentialById(id,
                StandardUsernamePasswordCredentials.class, run);
        if (creds == null) {
            AgentCli.log(listener, "warning: the metrics credentials '" + id + "' are not available to this job "
                    + "(missing, not username/password, or System scope): metrics are sent without them");
            return;
        }
        env.put(BasicAuth.usernameVariable(prefix), creds.getUsername());
        env.put(BasicAuth.passwordVariable(prefix), creds.getPassword().getPlainText());
        env.put(BasicAuth.urlVariable(prefix), url.strip());
    }
}
