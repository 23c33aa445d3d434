package io.jenkins.plugins.perfgate.engine.results;

/** Format of a result file, detected from its content: JMeter's, or another load tool's (docs/engine.md). */
public enum JtlFormat {
    CSV("csv"),
    XML("xml"),
    /** Gatling 3.x {@code simulation.log}, binary (3.13 on) or text. */
    GATLING("gatling"),
    /** k6 {@code --out csv}. */
    K6_CSV("k6-csv"),
    /** k6 {@code --out json} (one JSON object per line). */
    K6_JSON("k6-json");

    private final String id;

    JtlFormat(String id) {
        this.id = id;
    }

    /** The name used in summaries ({@code csv}, {@code xml}, {@code gatling}, {@code k6-csv}, {@code k6-json}). */
    public String id() {
        return id;
    }

    /** Whether files of this format are written by a tool other than JMeter. */
    public boolean otherTool() {
        return this != CSV && this != XML;
    }
}
