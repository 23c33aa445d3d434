package io.jenkins.plugins.perfgate.engine.results;

/**
 * A {@link SampleSink} that also takes a sample's figures as they are, so that a reader need not create a
 * {@link Sample} per row (millions per file, a tenth of the reading time with the garbage collection they cause).
 * The CSV reader hands every sample to {@link #accept(long, long, String, String, String, boolean, String, long,
 * long, int, long, long)} when its sink is one and no thread names are wanted. What the aggregation never looks at
 * is not passed: the thread name, and the response message of a successful sample unless it may be a Transaction
 * Controller parent's (it starts with the first eight characters of {@link Sample#TRANSACTION_MESSAGE_PREFIX}):
 * an empty string instead. Otherwise equivalent to {@link #accept(Sample)} with the same figures.
 */
public interface FieldSink extends SampleSink {

    /** One sample's figures; the parameters are those of {@link Sample}, in its order, without the thread name. */
    void accept(long timeStamp, long elapsed, String label, String responseCode, String responseMessage,
            boolean success, String failureMessage, long bytes, long sentBytes, int allThreads, long latency,
            long connect);

    /**
     * As {@link #accept(long, long, String, String, String, boolean, String, long, long, int, long, long)}, with
     * the reader's number for the label text ({@code labelNumber}, -1 when it has none): the same number always
     * comes with the same String from one reader, numbers are small (0, 1, 2... in the order labels came), and
     * another reader may give the same number to another label. A sink may use it to find its state of the label
     * by array index instead of by the String's hash; it must check the String too (by identity).
     */
    default void accept(long timeStamp, long elapsed, String label, int labelNumber, String responseCode,
            String responseMessage, boolean success, String failureMessage, long bytes, long sentBytes,
            int allThreads, long latency, long connect) {
        accept(timeStamp, elapsed, label, responseCode, responseMessage, success, failureMessage, bytes, sentBytes,
                allThreads, latency, connect);
    }
}
