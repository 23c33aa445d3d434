package io.jenkins.plugins.perfgate.engine.results;

/** Format of a JMeter result file, detected from its content. */
public enum JtlFormat {
    CSV("csv"),
    XML("xml");

    private final String id;

    JtlFormat(String id) {
        this.id = id;
    }

    /** The name used in summaries ({@code csv}, {@code xml}). */
    public String id() {
        return id;
    }
}
