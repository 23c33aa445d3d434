package io.jenkins.plugins.perfgate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JMeter CSV result files for tests, in JMeter 5.6's default column layout, with the exact figures the test expects
 * computed independently of perfgate (nearest-rank percentiles over the written elapsed times).
 */
public final class Jtl {

    static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";

    private final StringBuilder text = new StringBuilder(HEADER).append('\n');
    private final List<Long> all = new ArrayList<>();
    private long time = 1_700_000_000_000L;

    /** Adds {@code n} samples of a label with elapsed {@code base + i % spread} ms; every {@code errorEvery}th fails. */
    public Jtl add(String label, int n, long base, int spread, int errorEvery) {
        for (int i = 0; i < n; i++) {
            long elapsed = base + (i % spread);
            boolean ok = errorEvery <= 0 || (i + 1) % errorEvery != 0;
            time += 10;
            text.append(time).append(',').append(elapsed).append(',').append(label).append(',')
                    .append(ok ? "200" : "500").append(',').append(ok ? "OK" : "Internal Server Error")
                    .append(",Thread Group 1-1,text,").append(ok).append(',').append(ok ? "" : "boom")
                    .append(",1000,100,1,1,http://127.0.0.1/x,").append(elapsed / 2).append(",0,1\n");
            all.add(elapsed);
        }
        return this;
    }

    public String text() {
        return text.toString();
    }

    public long count() {
        return all.size();
    }

    /** Nearest-rank percentile of every sample written. */
    public long percentile(double p) {
        long[] v = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, rank - 1)];
    }
}
