package io.jenkins.plugins.perfgate.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes result files shaped like those other generators and JMeter setups write, not like perfgate's own
 * {@link SyntheticJtl}: for the cold-process benchmark (bin/bench). Shapes: {@code default} (JMeter's 17 default
 * columns, 20 labels {@code GET /api/v1/resource7}, 50 thread names, URLs, 1.5 % errors: the file of issue 21),
 * {@code long-urls} (URLs of 150-300 bytes), {@code labels-2000}, {@code failing} (30 % failures with long quoted
 * messages), {@code xml} (JMeter's XML format) and {@code gzip} (the default shape, compressed). Deterministic.
 * Run: {@code java -cp perfgate-cli.jar:perfgate-bench.jar io.jenkins.plugins.perfgate.cli.ForeignJtl SHAPE N FILE}.
 */
public final class ForeignJtl {

    private static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,"
            + "success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";

    private ForeignJtl() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ForeignJtl default|long-urls|labels-2000|failing|xml|gzip SAMPLES FILE");
            System.exit(2);
        }
        System.out.println(write(args[0], Long.parseLong(args[1]), Path.of(args[2])));
    }

    /** Writes {@code samples} rows of the shape; returns the file size in bytes. */
    static long write(String shape, long samples, Path file) throws IOException {
        int labels = shape.equals("labels-2000") ? 2000 : 20;
        boolean longUrls = shape.equals("long-urls");
        int errorsPerMille = shape.equals("failing") ? 300 : 15;
        boolean longMessages = shape.equals("failing");
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
                OutputStream out = shape.equals("gzip") ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            Rows rows = new Rows(labels, longUrls, errorsPerMille, longMessages);
            if (shape.equals("xml")) {
                writeXml(out, rows, samples);
            } else if (shape.equals("default") || shape.equals("long-urls") || shape.equals("labels-2000")
                    || shape.equals("failing") || shape.equals("gzip")) {
                out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
                StringBuilder row = new StringBuilder(512);
                for (long n = 0; n < samples; n++) {
                    rows.next();
                    row.setLength(0);
                    rows.csv(row);
                    out.write(row.toString().getBytes(StandardCharsets.UTF_8));
                }
            } else {
                throw new IllegalArgumentException("unknown shape " + shape);
            }
        }
        return Files.size(file);
    }

    private static void writeXml(OutputStream out, Rows rows, long samples) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n"
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder row = new StringBuilder(512);
        for (long n = 0; n < samples; n++) {
            rows.next();
            row.setLength(0);
            rows.xml(row);
            out.write(row.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.write("</testResults>\n".getBytes(StandardCharsets.UTF_8));
    }

    /** One generated sample at a time, in the fields JMeter writes. */
    private static final class Rows {
        private final SplittableRandom random = new SplittableRandom(21);
        private final String[] labels;
        private final String[] urls;
        private final int errorsPerMille;
        private final boolean longMessages;
        private long t = 1_765_000_000_000L;
        private int label;
        private long elapsed;
        private boolean ok;
        private int thread;
        private long bytes;
        private int sent;
        private int latency;
        private int connect;
        private int request;

        Rows(int labelCount, boolean longUrls, int errorsPerMille, boolean longMessages) {
            labels = new String[labelCount];
            urls = new String[labelCount];
            String[] verbs = {"GET", "GET", "POST", "PUT", "GET", "DELETE"};
            for (int i = 0; i < labelCount; i++) {
                String path = "/api/v1/resource" + i;
                labels[i] = verbs[i % verbs.length] + " " + path;
                String url = "http://app.internal:8080" + path;
                if (longUrls) {
                    StringBuilder u = new StringBuilder(url).append("?page=").append(i % 7).append("&size=20");
                    for (int k = 0; u.length() < 150 + (i * 37) % 150; k++) {
                        u.append("&filter").append(k).append("=category%3Dtools%26brand%3Dacme").append(i * k);
                    }
                    url = u.toString();
                }
                urls[i] = url;
            }
            this.errorsPerMille = errorsPerMille;
            this.longMessages = longMessages;
        }

        void next() {
            label = random.nextInt(labels.length);
            elapsed = (long) (Math.exp(3.2 + random.nextGaussian() * 0.7)) + label % 13;
            ok = random.nextInt(1000) >= errorsPerMille;
            thread = 1 + random.nextInt(50);
            bytes = ok ? 800 + random.nextInt(40_000) : 300 + random.nextInt(200);
            sent = 150 + random.nextInt(400);
            latency = (int) Math.max(0, elapsed - random.nextInt(8));
            connect = random.nextInt(20) == 0 ? random.nextInt(30) : 0;
            t += random.nextInt(4);
            request++;
        }

        private String code() {
            return ok ? "200" : (request % 3 == 0 ? "503" : "500");
        }

        private String message() {
            return ok ? "OK" : code().equals("503") ? "Service Unavailable" : "Internal Server Error";
        }

        private String failure() {
            if (ok) {
                return "";
            }
            if (!longMessages) {
                return "Test failed: code expected to contain /200/";
            }
            // JMeter's assertion text, with a quoted value, commas and a response excerpt
            return "Test failed: text expected to contain /\"status\":\"ok\"/, but response was {\"status\":\"error\","
                    + "\"request\":" + request + ",\"detail\":\"upstream timeout after " + elapsed + " ms, retry "
                    + "later\",\"trace\":\"" + Long.toHexString(t * 2654435761L) + "\"}";
        }

        void csv(StringBuilder row) {
            row.append(t).append(',').append(elapsed).append(',').append(labels[label]).append(',').append(code())
                    .append(',').append(message()).append(",Load Users 1-").append(thread).append(",text,")
                    .append(ok).append(',');
            String f = failure();
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0) {
                row.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                row.append(f);
            }
            row.append(',').append(bytes).append(',').append(sent).append(",50,50,").append(urls[label])
                    .append(',').append(latency).append(",0,").append(connect).append('\n');
        }

        void xml(StringBuilder row) {
            row.append(String.format(Locale.ROOT, "<httpSample t=\"%d\" it=\"0\" lt=\"%d\" ct=\"%d\" ts=\"%d\" "
                    + "s=\"%b\" lb=\"%s\" rc=\"%s\" rm=\"%s\" tn=\"Load Users 1-%d\" dt=\"text\" by=\"%d\" "
                    + "sby=\"%d\" ng=\"50\" na=\"50\">", elapsed, latency, connect, t, ok, labels[label], code(),
                    message(), thread, bytes, sent));
            if (!ok) {
                row.append("\n  <assertionResult>\n    <name>Response Assertion</name>\n    <failure>true</failure>\n"
                        + "    <error>false</error>\n    <failureMessage>")
                        .append(failure().replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;"))
                        .append("</failureMessage>\n  </assertionResult>\n");
            }
            row.append("\n  <java.net.URL>").append(urls[label].replace("&", "&amp;")).append("</java.net.URL>\n"
                    + "</httpSample>\n");
        }
    }
}
