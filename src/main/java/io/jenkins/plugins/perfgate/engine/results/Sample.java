package io.jenkins.plugins.perfgate.engine.results;

/**
 * One top-level JMeter sample as read from a result file, in JMeter's own units (epoch milliseconds, milliseconds,
 * bytes). Readers create one per row; nothing keeps it after aggregation.
 *
 * @param timeStamp      sample start, epoch milliseconds
 * @param elapsed        elapsed time in milliseconds
 * @param label          sampler label
 * @param responseCode   response code as written ({@code 200}, {@code Non HTTP response code: ...})
 * @param responseMessage response message; for Transaction Controller parents JMeter writes
 *                       "Number of samples in transaction : ..."
 * @param threadName     thread name, may be empty
 * @param success        JMeter's success flag
 * @param failureMessage first assertion failure message, empty when none
 * @param bytes          received bytes
 * @param sentBytes      sent bytes
 * @param allThreads     active threads in all groups when the sample ended (0 when not saved)
 * @param latency        time to first byte in milliseconds
 * @param connect        connect time in milliseconds
 */
public record Sample(
        long timeStamp,
        long elapsed,
        String label,
        String responseCode,
        String responseMessage,
        String threadName,
        boolean success,
        String failureMessage,
        long bytes,
        long sentBytes,
        int allThreads,
        long latency,
        long connect) {

    /** The message prefix JMeter's TransactionController writes on its parent samples. */
    public static final String TRANSACTION_MESSAGE_PREFIX = "Number of samples in transaction";

    /**
     * Whether this is a Transaction Controller parent sample. JMeter's dashboard leaves those out of the overall
     * figures because their children are already counted; the label keeps its own row.
     */
    public boolean transactionParent() {
        return responseMessage != null && responseMessage.startsWith(TRANSACTION_MESSAGE_PREFIX);
    }

    /** This sample under another label (label grouping). */
    public Sample withLabel(String newLabel) {
        return new Sample(timeStamp, elapsed, newLabel, responseCode, responseMessage, threadName, success,
                failureMessage, bytes, sentBytes, allThreads, latency, connect);
    }
}
