package io.jenkins.plugins.perfgate.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic CSV result file in JMeter 5.6's default layout (17 columns, header, epoch milliseconds) for
 * the benchmark: a fixed number of labels with log-normal-ish response times, 1 % errors and a growing thread
 * count. Deterministic for a given seed.
 */
final class SyntheticJtl {

    static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";

    private SyntheticJtl() {
    }

    /** Writes {@code samples} rows over {@code labels} labels; returns the file size in bytes. */
    static long write(Path file, long samples, int labels, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = new String[labels];
        String[] urls = new String[labels];
        for (int i = 0; i < labels; i++) {
            names[i] = String.format("%02d %s", i, i % 3 == 0 ? "GET /api/catalog/items" : i % 3 == 1
                    ? "POST /api/cart/add" : "GET /static/app.js");
            urls[i] = "http://127.0.0.1:8080/service/" + i + "/resource?id=" + (i * 7);
        }
        long t = 1_760_000_000_000L;
        StringBuilder row = new StringBuilder(256);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
            for (long n = 0; n < samples; n++) {
                int l = random.nextInt(labels);
                long elapsed = (long) (Math.exp(3.5 + random.nextGaussian() * 0.8) + l * 3);
                boolean ok = random.nextInt(100) != 0;
                int threads = (int) Math.min(200, 1 + n / 5000);
                t += random.nextInt(3);
                row.setLength(0);
                row.append(t).append(',').append(elapsed).append(',').append(names[l]).append(',')
                        .append(ok ? "200" : "500").append(',').append(ok ? "OK" : "Internal Server Error")
                        .append(",Thread Group 1-").append(1 + random.nextInt(threads)).append(",text,")
                        .append(ok).append(',').append(ok ? "" : "\"Assertion failed, code 500\"").append(',')
                        .append(1000 + random.nextInt(20_000)).append(',').append(200 + random.nextInt(300))
                        .append(',').append(threads).append(',').append(threads).append(',').append(urls[l])
                        .append(',').append(Math.max(0, elapsed - random.nextInt(5))).append(",0,")
                        .append(random.nextInt(10) == 0 ? random.nextInt(20) : 0).append('\n');
                for (int i = 0; i < row.length(); i++) {
                    out.write(row.charAt(i));
                }
            }
        }
        return Files.size(file);
    }
}
