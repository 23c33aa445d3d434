package io.jenkins.plugins.perfgate;

import hudson.Util;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A load test to run: a run plan file, or a template with properties, generators and a duration given inline (the
 * inline values override the plan's). See {@link PublishSettings} for the gate part.
 */
public class TestSettings extends PublishSettings {
    private static final long serialVersionUID = 1L;

    /** Longest test accepted, seconds (a day). */
    static final int MAX_SECONDS = 86_400;

    String plan = "";
    String template = "";
    String properties = "";
    String generators = "";
    int duration = 0;
    int timeLimit = 0;
    /** False: only run and return the figures (parallel branches whose results one perfgatePublish gates). */
    Boolean publish = Boolean.TRUE;

    boolean publish() {
        return publish == null || publish;
    }

    void setPublish(boolean v) {
        publish = v;
    }

    @Override
    protected Object readResolve() {
        super.readResolve();
        plan = plan == null ? "" : plan;
        template = template == null ? "" : template;
        properties = properties == null ? "" : properties;
        generators = generators == null ? "" : generators;
        return this;
    }

    void setPlan(String v) {
        plan = Util.fixNull(v).trim();
    }

    void setTemplate(String v) {
        template = Util.fixNull(v).trim();
    }

    void setProperties(String v) {
        properties = Util.fixNull(v);
        parsedProperties();  // reject bad lines when configured, not when the test starts
    }

    void setGenerators(String v) {
        generators = Util.fixNull(v).trim();
    }

    void setDuration(int v) {
        duration = seconds(v, "duration");
    }

    void setTimeLimit(int v) {
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
    Map<String, String> parsedProperties() {
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
    String effectiveGenerators() {
        if (generators.isEmpty()) {
            return "local:1";
        }
        return PerfgateConfiguration.get().pool(generators).map(GeneratorPool::toSpec).orElse(generators);
    }
}
