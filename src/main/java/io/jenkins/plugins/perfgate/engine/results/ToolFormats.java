package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Recognises, by content, the result files of load tools other than JMeter and hands each to its reader: Gatling's
 * {@code simulation.log} (binary since 3.13, tab-separated text before), k6's {@code --out csv} and {@code --out json}
 * sample streams. Files holding aggregates only (k6 {@code --summary-export}, Locust {@code --csv} files) are
 * rejected with a message saying why: a summary is built from individual samples (see docs/engine.md).
 */
final class ToolFormats {

    private static final Pattern K6_JSON_LINE = Pattern.compile("^\\{\\s*\"type\"\\s*:\\s*\"(Metric|Point)\"");

    private ToolFormats() {
    }

    /**
     * The tool format of a file whose content starts at {@code start} of {@code prefix}, or null for a JMeter file.
     *
     * @throws ResultsReadException for a tool's aggregate-only file
     */
    static JtlFormat detect(String name, byte[] prefix, int start, int len) throws ResultsReadException {
        if (GatlingLogReader.isBinaryLog(prefix, start, len)) {
            return JtlFormat.GATLING;
        }
        String first = firstLine(prefix, start, len);
        if (first.startsWith("RUN\t") || first.startsWith("ASSERTION\t")) {
            return JtlFormat.GATLING;
        }
        if (K6_JSON_LINE.matcher(first).find()) {
            return JtlFormat.K6_JSON;
        }
        if (first.startsWith("{") && looksLikeK6Summary(prefix, start, len)) {
            throw new ResultsReadException(name + ": a k6 --summary-export file (end-of-test aggregates: avg, min, "
                    + "med, max, p(90), p(95) per metric). perfgate summarises individual requests and cannot derive "
                    + "counts per label, the full distribution or the series over time from it; give perfgate the "
                    + "samples of the same run instead (k6 run --out csv=results.csv or --out json=results.json)");
        }
        if (first.startsWith("metric_name,timestamp,metric_value")) {
            return JtlFormat.K6_CSV;
        }
        String locust = locustKind(first);
        if (locust != null) {
            throw new ResultsReadException(name + ": a Locust --csv " + locust + " file: aggregates Locust computed "
                    + "itself, not individual requests. perfgate cannot derive the full response-time distribution, "
                    + "exact percentiles, errors by message per interval or a merge with other files from them, so "
                    + "it does not summarise Locust CSV files (see docs/engine.md#locust)");
        }
        return null;
    }

    /** Reads a file of a tool format into the sink; returns the samples passed on. */
    static long read(JtlFormat format, InputStream in, ReadOptions options, ProblemLog log, SampleSink sink,
            ReadProgress progress) throws IOException {
        log.note(0, "", switch (format) {
            case GATLING -> "Gatling's simulation.log holds no response codes, bytes, latency or connect times: "
                    + "they are 0 in this summary; errors are counted by Gatling's message";
            case K6_CSV, K6_JSON -> "k6 samples: each http_req_duration point is one request, started at its time "
                    + "minus its duration; bytes, latency and connect times are not taken from k6's other metrics "
                    + "(0 in this summary)" + (format == JtlFormat.K6_CSV ? "; k6 CSV times are whole seconds by "
                    + "default, so the series over time is no finer" : "");
            default -> "";
        });
        ToolSamples out = new ToolSamples(log, sink, progress);
        return switch (format) {
            case GATLING -> new GatlingLogReader(log, out).read(in);
            case K6_CSV -> new K6CsvReader(out).read(in);
            case K6_JSON -> new K6JsonReader(out).read(in);
            default -> throw new IllegalArgumentException("not a tool format: " + format);
        };
    }

    private static String locustKind(String header) {
        if (header.startsWith("Type,Name,Request Count,Failure Count")) {
            return "request statistics (_stats.csv)";
        }
        if (header.startsWith("Timestamp,User Count,Type,Name,")) {
            return "statistics history (_stats_history.csv)";
        }
        if (header.startsWith("Method,Name,Error,Occurrences")) {
            return "failures (_failures.csv)";
        }
        if (header.startsWith("Count,Message,Traceback,Nodes")) {
            return "exceptions (_exceptions.csv)";
        }
        return null;
    }

    private static boolean looksLikeK6Summary(byte[] prefix, int start, int len) {
        String head = new String(prefix, start, Math.min(len - start, 4096), StandardCharsets.UTF_8);
        return head.contains("\"metrics\"") && (head.contains("\"root_group\"") || head.contains("\"http_reqs\"")
                || head.contains("\"iterations\"") || head.contains("\"checks\""));
    }

    private static String firstLine(byte[] prefix, int start, int len) {
        int end = start;
        while (end < len && end - start < 512 && prefix[end] != '\n') {
            end++;
        }
        return new String(prefix, start, end - start, StandardCharsets.UTF_8).strip();
    }
}
