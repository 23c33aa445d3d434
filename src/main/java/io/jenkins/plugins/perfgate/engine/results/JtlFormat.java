package io.jenkins.plugins.perfgate.engine.results;

/** Format of a result file, detected from its content: JMeter's, or another load tool's (docs/engine.md). */
public enum JtlFormat {
    CSV("csv", "JMeter CSV"),
    XML("xml", "JMeter XML"),
    /** Gatling 3.x {@code simulation.log}, binary (3.13 on) or text. */
    GATLING("gatling", "Gatling simulation.log"),
    /** k6 {@code --out csv}. */
    K6_CSV("k6-csv", "k6 CSV"),
    /** k6 {@code --out json} (one JSON object per line). */
    K6_JSON("k6-json", "k6 JSON"),
    /** k6 {@code --summary-export}: end-of-test aggregates, read into {@link ToolAggregates}. */
    K6_SUMMARY("k6-summary", "k6 summary export"),
    /** Locust {@code --csv} {@code _stats.csv}: per-label aggregates, read into {@link ToolAggregates}. */
    LOCUST_STATS("locust-stats", "Locust stats CSV"),
    /** Locust {@code --csv} {@code _stats_history.csv}: aggregates over time, read into {@link ToolAggregates}. */
    LOCUST_HISTORY("locust-history", "Locust stats history CSV");

    private final String id;
    private final String title;

    JtlFormat(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The tool and format in words ({@code Gatling simulation.log}), for reports. */
    public String title() {
        return title;
    }

    /** The title of the format with this id, or the id itself when it names none (e.g. {@code unreadable}). */
    public static String describe(String id) {
        for (JtlFormat f : values()) {
            if (f.id.equals(id)) {
                return f.title;
            }
        }
        return id;
    }

    /** The name used in summaries ({@code csv}, {@code xml}, {@code gatling}, {@code k6-csv}, {@code k6-json}...). */
    public String id() {
        return id;
    }

    /**
     * Whether files of this format hold only the tool's own aggregates, not individual requests: they give no
     * samples, only {@link ToolAggregates}.
     */
    public boolean aggregatesOnly() {
        return this == K6_SUMMARY || this == LOCUST_STATS || this == LOCUST_HISTORY;
    }

    /** Whether files of this format are written by a tool other than JMeter. */
    public boolean otherTool() {
        return this != CSV && this != XML;
    }
}
