package io.jenkins.plugins.perfgate.engine.results;

/** How nested sub-results of an XML result file (redirects, embedded resources, transaction children) count. */
public enum SubResultMode {
    /**
     * Every sub-result is a row of its own, as JMeter's CSV writer saves them and its dashboard counts them (labels
     * such as {@code name-0}, {@code name-1} are given by JMeter when it records them). The default: CSV and XML
     * files of the same run give the same per-label figures.
     */
    AS_ROWS,
    /** Only the top-level samples count; their sub-results are ignored. */
    TOP_LEVEL_ONLY
}
