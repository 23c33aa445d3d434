package io.jenkins.plugins.perfgate.engine.results;

import java.util.List;

/** Column names of JMeter's CSV result format and the column sets JMeter versions write by default. */
public final class JMeterColumns {

    public static final String TIME_STAMP = "timeStamp";
    public static final String ELAPSED = "elapsed";
    public static final String LABEL = "label";
    public static final String RESPONSE_CODE = "responseCode";
    public static final String RESPONSE_MESSAGE = "responseMessage";
    public static final String THREAD_NAME = "threadName";
    public static final String DATA_TYPE = "dataType";
    public static final String SUCCESS = "success";
    public static final String FAILURE_MESSAGE = "failureMessage";
    public static final String BYTES = "bytes";
    public static final String SENT_BYTES = "sentBytes";
    public static final String GRP_THREADS = "grpThreads";
    public static final String ALL_THREADS = "allThreads";
    public static final String URL = "URL";
    public static final String LATENCY = "Latency";
    public static final String IDLE_TIME = "IdleTime";
    public static final String CONNECT = "Connect";

    /** Every column name JMeter's CSVSaveService writes (sample variables come on top, quoted). */
    public static final List<String> KNOWN = List.of(TIME_STAMP, ELAPSED, LABEL, RESPONSE_CODE, RESPONSE_MESSAGE,
            THREAD_NAME, DATA_TYPE, SUCCESS, FAILURE_MESSAGE, BYTES, SENT_BYTES, GRP_THREADS, ALL_THREADS, URL,
            "Filename", LATENCY, "Encoding", "SampleCount", "ErrorCount", "Hostname", IDLE_TIME, CONNECT);

    /** Columns every result file must have. */
    public static final List<String> REQUIRED = List.of(TIME_STAMP, ELAPSED, LABEL);

    /** JMeter 5.x default columns (jmeter.save.saveservice.* defaults of 5.6). */
    public static final List<String> JMETER_5_DEFAULT = List.of(TIME_STAMP, ELAPSED, LABEL, RESPONSE_CODE,
            RESPONSE_MESSAGE, THREAD_NAME, DATA_TYPE, SUCCESS, FAILURE_MESSAGE, BYTES, SENT_BYTES, GRP_THREADS,
            ALL_THREADS, URL, LATENCY, IDLE_TIME, CONNECT);

    /** JMeter 3.1 to 4.0 defaults: as 5.x without URL. */
    public static final List<String> JMETER_3_DEFAULT = List.of(TIME_STAMP, ELAPSED, LABEL, RESPONSE_CODE,
            RESPONSE_MESSAGE, THREAD_NAME, DATA_TYPE, SUCCESS, FAILURE_MESSAGE, BYTES, SENT_BYTES, GRP_THREADS,
            ALL_THREADS, LATENCY, IDLE_TIME, CONNECT);

    /** JMeter 2.x defaults (no failure message, thread counts, sent bytes, idle or connect time). */
    public static final List<String> JMETER_2_DEFAULT = List.of(TIME_STAMP, ELAPSED, LABEL, RESPONSE_CODE,
            RESPONSE_MESSAGE, THREAD_NAME, DATA_TYPE, SUCCESS, BYTES, LATENCY);

    /** Default column sets tried, by field count, for a file without header when no columns were configured. */
    public static final List<List<String>> DEFAULT_SETS = List.of(JMETER_5_DEFAULT, JMETER_3_DEFAULT,
            JMETER_2_DEFAULT);

    private JMeterColumns() {
    }

    /** The canonical spelling of a known column name (JMeter's own), or null when unknown. */
    public static String canonical(String name) {
        String trimmed = name.trim();
        for (String k : KNOWN) {
            if (k.equalsIgnoreCase(trimmed)) {
                return k;
            }
        }
        return null;
    }
}
