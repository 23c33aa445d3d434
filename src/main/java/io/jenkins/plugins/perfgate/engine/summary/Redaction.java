package io.jenkins.plugins.perfgate.engine.summary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of what perfgate stores (summary, report, build records): the value of a template property
 * whose name looks secret ({@code password}, {@code token}, {@code secret}, {@code key}, {@code credential} in any
 * case and place, e.g. {@code apiKey}, {@code DB_PASSWORD}) is recorded as {@link #MASK}. Names are kept: that a
 * property was set is useful, its value is not.
 */
public final class Redaction {

    /** What a redacted value reads as. */
    public static final String MASK = "****";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(passw|pwd|token|secret|key|credential).*");
    /** Attributes holding template properties (summary conventions). */
    private static final String PROPERTY_PREFIX = "property.";

    private Redaction() {
    }

    /** Whether a property of this name is treated as secret. */
    public static boolean looksSecret(String propertyName) {
        return SECRET_NAME.matcher(propertyName).matches();
    }

    /** The attributes with the values of secret-looking {@code property.*} entries masked. */
    public static Map<String, String> attributes(Map<String, String> attributes) {
        Map<String, String> out = new LinkedHashMap<>(attributes);
        out.replaceAll((k, v) -> k.startsWith(PROPERTY_PREFIX) && looksSecret(k.substring(PROPERTY_PREFIX.length()))
                ? MASK : v);
        return out;
    }

    /** The summary with {@link #attributes} applied. */
    public static RunSummary summary(RunSummary summary) {
        return summary.withAttributes(attributes(summary.attributes()));
    }
}
