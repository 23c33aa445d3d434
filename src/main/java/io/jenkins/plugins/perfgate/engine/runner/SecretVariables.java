package io.jenkins.plugins.perfgate.engine.runner;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The environment variables that carry secrets to perfgate itself: the metrics endpoints' credentials
 * ({@code PERFGATE_INFLUXDB_*}, {@code PERFGATE_PUSHGATEWAY_*}) and secret template properties
 * ({@code PERFGATE_SECRET_*}). perfgate hands them to its exporter, relay and a private properties file; JMeter
 * never inherits them, since any template could read its environment ({@code System.getenv} in a JSR223 sampler).
 */
public final class SecretVariables {

    private static final Pattern SECRET = Pattern.compile("PERFGATE_(INFLUXDB|PUSHGATEWAY|SECRET)_.*");

    private SecretVariables() {
    }

    public static boolean isSecret(String name) {
        return SECRET.matcher(name).matches();
    }

    /** Removes every secret variable from {@code env} (a process builder's environment). */
    public static void strip(Map<String, String> env) {
        env.keySet().removeIf(SecretVariables::isSecret);
    }
}
