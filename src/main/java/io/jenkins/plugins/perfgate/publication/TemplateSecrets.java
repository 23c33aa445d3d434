package io.jenkins.plugins.perfgate.publication;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.perfgate.engine.runner.SecretProperties;
import io.jenkins.plugins.perfgate.engine.summary.Redaction;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The secret template properties of a test ({@code secretProperties: [token: 'credentials-id']}): resolved from
 * string credentials in the build's context (its job's folders and the global store, with the build's
 * authentication, usage tracked), handed to the command line in {@link SecretProperties#VARIABLE} only, and kept
 * out of everything stored ({@link #redact}).
 */
public final class TemplateSecrets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values;

    private TemplateSecrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Looks up every {@code name -> credentials id}; a missing credential stops the build with its id. */
    public static TemplateSecrets resolve(Run<?, ?> run, Map<String, String> idsByName) throws AbortException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : idsByName.entrySet()) {
            StringCredentials c = CredentialsProvider.findCredentialById(e.getValue(), StringCredentials.class, run);
            if (c == null) {
                throw new AbortException("perfgate: secret property '" + e.getKey() + "': no Secret text credentials '"
                        + e.getValue() + "' are available to this job");
            }
            values.put(e.getKey(), c.getSecret().getPlainText());
        }
        return new TemplateSecrets(values);
    }

    /** Adds the secrets to the command line's environment (nothing when there are none). */
    public void addTo(EnvVars env) {
        if (values.isEmpty()) {
            return;
        }
        try {
            env.put(SecretProperties.VARIABLE, JSON.writeValueAsString(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the secret properties", e);
        }
    }

    /** The values the build log must not show. */
    public Collection<String> masked() {
        return values.values().stream().filter(v -> !v.isEmpty()).toList();
    }

    /**
     * The summary as it may be stored: secret-looking property values masked ({@link Redaction}), the secret
     * properties recorded by name only, and any attribute that holds a secret value masked.
     */
    public RunSummary redact(RunSummary summary) {
        Map<String, String> attributes = new LinkedHashMap<>(Redaction.attributes(summary.attributes()));
        values.keySet().forEach(name -> attributes.put("property." + name, Redaction.MASK));
        List<String> secrets = List.copyOf(masked());
        attributes.replaceAll((k, v) -> secrets.stream().anyMatch(v::contains) ? Redaction.MASK : v);
        return summary.withAttributes(attributes);
    }

    /** No secrets: only the name-based redaction applies. */
    public static TemplateSecrets none() {
        return new TemplateSecrets(Map.of());
    }
}
