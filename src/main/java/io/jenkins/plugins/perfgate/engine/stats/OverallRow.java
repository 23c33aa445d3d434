package io.jenkins.plugins.perfgate.engine.stats;

/**
 * The names of the row that holds all samples of a run (Transaction Controller parents left out). Defined here, once,
 * because they are persisted: {@link #LABEL} in summaries, history indexes, build records, criteria scopes and
 * reports; {@link #METRICS_LABEL} as the {@code label} value of exported metrics, which dashboards query. They are
 * the same row spelled for two audiences, and both spellings stay as they are.
 */
public final class OverallRow {

    /** The overall row's label in summaries, history, gates and reports. */
    public static final String LABEL = "TOTAL";

    /** The overall row's {@code label} value in InfluxDB and Prometheus exports. */
    public static final String METRICS_LABEL = "_overall";

    private OverallRow() {
    }
}
