package io.jenkins.plugins.perfgate.engine.runner.metrics;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP basic authentication for a metrics endpoint. Credentials reach the exporter as environment variables (so they
 * never land in plan files, command lines or logs): {@code PERFGATE_INFLUXDB_USERNAME}/{@code _PASSWORD} and
 * {@code PERFGATE_PUSHGATEWAY_USERNAME}/{@code _PASSWORD}; {@code _URL} binds them to the one endpoint they are for
 * (Jenkins sets it to the administrator's URL), so a plan that names another endpoint never receives them. JMeter
 * never sees these variables ({@link io.jenkins.plugins.perfgate.engine.runner.SecretVariables}).
 *
 * @param url the base URL the credentials are for; empty: any endpoint (a command-line user's own environment)
 */
public record BasicAuth(String username, String password, String url) {

    public static final String INFLUXDB = "PERFGATE_INFLUXDB";
    public static final String PUSHGATEWAY = "PERFGATE_PUSHGATEWAY";

    public BasicAuth {
        if (username == null || username.isEmpty()) {
            throw new IllegalArgumentException("a basic-auth username is not empty");
        }
        password = password == null ? "" : password;
        url = url == null ? "" : url.strip();
    }

    /** Credentials for any endpoint. */
    public BasicAuth(String username, String password) {
        this(username, password, "");
    }

    /**
     * {@code PREFIX_USERNAME}, {@code PREFIX_PASSWORD} and {@code PREFIX_URL} from the environment; empty when no
     * username is set.
     */
    public static Optional<BasicAuth> fromEnvironment(Map<String, String> env, String prefix) {
        String user = env.get(usernameVariable(prefix));
        return user == null || user.isEmpty() ? Optional.empty()
                : Optional.of(new BasicAuth(user, env.get(passwordVariable(prefix)), env.get(urlVariable(prefix))));
    }

    public static String usernameVariable(String prefix) {
        return prefix + "_USERNAME";
    }

    public static String passwordVariable(String prefix) {
        return prefix + "_PASSWORD";
    }

    public static String urlVariable(String prefix) {
        return prefix + "_URL";
    }

    /** Whether these credentials may be sent to the endpoint at {@code base}: its scheme, host, port and path. */
    public boolean appliesTo(URI base) {
        return url.isEmpty() || key(URI.create(url)).equals(key(base));
    }

    private static String key(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort() >= 0 ? u.getPort() : "https".equals(scheme) ? 443 : 80;
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port + path;
    }

    /** The {@code Authorization} header's value. */
    public String header() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicAuth[" + username + ", password hidden" + (url.isEmpty() ? "" : ", for " + url) + "]";
    }
}
