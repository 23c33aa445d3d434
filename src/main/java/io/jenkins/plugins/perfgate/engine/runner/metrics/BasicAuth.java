package io.jenkins.plugins.perfgate.engine.runner.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP basic authentication for a metrics endpoint. Credentials reach the exporter as environment variables (so they
 * never land in plan files, command lines or logs): {@code PERFGATE_INFLUXDB_USERNAME}/{@code _PASSWORD} and
 * {@code PERFGATE_PUSHGATEWAY_USERNAME}/{@code _PASSWORD}.
 */
public record BasicAuth(String username, String password) {

    public static final String INFLUXDB = "PERFGATE_INFLUXDB";
    public static final String PUSHGATEWAY = "PERFGATE_PUSHGATEWAY";

    public BasicAuth {
        if (username == null || username.isEmpty()) {
            throw new IllegalArgumentException("a basic-auth username is not empty");
        }
        password = password == null ? "" : password;
    }

    /** {@code PREFIX_USERNAME} (and {@code PREFIX_PASSWORD}) from the environment; empty when no username is set. */
    public static Optional<BasicAuth> fromEnvironment(Map<String, String> env, String prefix) {
        String user = env.get(usernameVariable(prefix));
        return user == null || user.isEmpty() ? Optional.empty()
                : Optional.of(new BasicAuth(user, env.get(passwordVariable(prefix))));
    }

    public static String usernameVariable(String prefix) {
        return prefix + "_USERNAME";
    }

    public static String passwordVariable(String prefix) {
        return prefix + "_PASSWORD";
    }

    /** The {@code Authorization} header's value. */
    public String header() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuth[" + username + ", password hidden]";
    }
}
