package io.jenkins.plugins.perfgate.settings;

import hudson.Util;
import io.jenkins.plugins.perfgate.config.GeneratorPool;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.MavenCoordinate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A load test to run: a run plan file, or a template with properties, generators and a duration given inline (the
 * inline values override the plan's). See {@link PublishSettings} for the gate part.
 */
public class TestSettings extends PublishSettings {
    private static final long serialVersionUID = 1L;

    /** Longest test accepted, seconds (a day). */
    public static final int MAX_SECONDS= 86_400;

    private String plan = "";
    private String template = "";
    private String properties = "";
    /** {@code name=credentialsId} lines: template properties whose values are string credentials. */
    private String secretProperties = "";
    private String generators = "";
    /** A file credential holding a kubeconfig, for kubernetes generators (docs/kubernetes.md). */
    private String kubeconfigCredentialsId = "";
    private int duration = 0;
    private int timeLimit = 0;
    /** JMeter plugins and libraries from Maven Central (group:artifact:version, comma or line separated). */
    private String jmeterPlugins = "";
    private String libraries = "";
    /** False: only run and return the figures (parallel branches whose results one perfgatePublish gates). */
    private Boolean publish = Boolean.TRUE;

    public boolean publish() {
        return publish == null || publish;
    }

    public void setPublish(boolean v) {
        publish = v;
    }

    @Override
    protected Object readResolve() {
        super.readResolve();
        plan = plan == null ? "" : plan;
        template = template == null ? "" : template;
        properties = properties == null ? "" : properties;
        secretProperties = secretProperties == null ? "" : secretProperties;
        generators = generators == null ? "" : generators;
        kubeconfigCredentialsId = kubeconfigCredentialsId == null ? "" : kubeconfigCredentialsId;
        jmeterPlugins = jmeterPlugins == null ? "" : jmeterPlugins;
        libraries = libraries == null ? "" : libraries;
        return this;
    }

    public void setPlan(String v) {
        plan = Util.fixNull(v).trim();
    }

    public void setTemplate(String v) {
        template = Util.fixNull(v).trim();
    }

    public void setProperties(String v) {
        properties = Util.fixNull(v);
        parsedProperties();  // reject bad lines when configured, not when the test starts
    }

    /** {@code name=credentialsId} lines (string credentials), checked like {@link #setProperties}. */
    public void setSecretProperties(String v) {
        secretProperties = Util.fixNull(v);
        parsedSecretProperties();
    }

    /** The secret properties as {@code name -> credentials id}; the ids only, never the secrets. */
    public void setSecretProperties(Map<String, String> byName) {
        StringBuilder lines = new StringBuilder();
        (byName == null ? Map.<String, String>of() : byName).forEach((k, v) -> lines.append(k).append('=')
                .append(v).append('\n'));
        setSecretProperties(lines.toString());
    }

    /** Property name to credentials id; names as JMeter accepts them, ids not empty. */
    public Map<String, String> parsedSecretProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String line : secretProperties.split("\\r?\\n|,")) {
            n++;
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            String name = eq <= 0 ? "" : l.substring(0, eq).trim();
            String id = eq <= 0 ? "" : l.substring(eq + 1).trim();
            if (name.isEmpty() || id.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("secretProperties entry " + n + " is not name=credentialsId: "
                        + l);
            }
            out.put(name, id);
        }
        return out;
    }

    public String getSecretProperties() {
        return secretProperties;
    }

    /** JMeter plugins for the run, checked when configured. */
    public void setJmeterPlugins(String v) {
        MavenCoordinate.parseList(v, "jmeterPlugins");
        jmeterPlugins = Util.fixNull(v).trim();
    }

    /** Libraries (e.g. JDBC drivers) for the run, checked when configured. */
    public void setLibraries(String v) {
        MavenCoordinate.parseList(v, "libraries");
        libraries = Util.fixNull(v).trim();
    }

    public String getJmeterPlugins() {
        return jmeterPlugins;
    }

    public String getLibraries() {
        return libraries;
    }

    public void setGenerators(String v) {
        generators = Util.fixNull(v).trim();
    }

    public void setDuration(int v) {
        duration = seconds(v, "duration");
    }

    public void setTimeLimit(int v) {
        timeLimit = seconds(v, "timeLimit");
    }

    private static int seconds(int v, String what) {
        if (v < 0 || v > MAX_SECONDS) {
            throw new IllegalArgumentException(what + " must be between 0 (not set) and " + MAX_SECONDS
                    + " seconds, was " + v);
        }
        return v;
    }

    /**
     * {@code name=value} lines as a map; blank lines and {@code #} comments ignored. A single line may hold
     * comma-separated pairs ({@code threads=4, rampUp=5}); values containing commas go on lines of their own.
     */
    public Map<String, String> parsedProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        String separators = properties.contains("\n") ? "\\r?\\n" : ",(?=\\s*[A-Za-z_][\\w.\\-]*\\s*=)";
        for (String line : properties.split(separators)) {
            n++;
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("properties entry " + n + " is not name=value: " + l);
            }
            out.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
        }
        return out;
    }

    /** The generator specification: a pool name from the global configuration is replaced by its spec. */
    public String effectiveGenerators() {
        if (generators.isEmpty()) {
            return "local:1";
        }
        return PerfgateConfiguration.get().pool(generators).map(GeneratorPool::toSpec).orElse(generators);
    }

    public void setKubeconfigCredentialsId(String v) {
        kubeconfigCredentialsId = Util.fixNull(v).trim();
    }

    /** The step's kubeconfig credential id, else its generator pool's; empty: none. */
    public String effectiveKubeconfigCredentialsId() {
        if (!kubeconfigCredentialsId.isEmpty() || generators.isEmpty()) {
            return kubeconfigCredentialsId;
        }
        return PerfgateConfiguration.get().pool(generators).map(GeneratorPool::getKubeconfigCredentialsId).orElse("");
    }

    /** The generator pool's options for its kind of generators (a kubernetes pool's image, resources); or none. */
    public Map<String, String> effectiveGeneratorOptions() {
        if (generators.isEmpty()) {
            return Map.of();
        }
        return PerfgateConfiguration.get().pool(generators).map(GeneratorPool::options).orElse(Map.of());
    }

    public String getKubeconfigCredentialsId() {
        return kubeconfigCredentialsId;
    }

    public String getPlan() {
        return plan;
    }

    public String getTemplate() {
        return template;
    }

    public String getProperties() {
        return properties;
    }

    public String getGenerators() {
        return generators;
    }

    public int getDuration() {
        return duration;
    }

    public int getTimeLimit() {
        return timeLimit;
    }
}
