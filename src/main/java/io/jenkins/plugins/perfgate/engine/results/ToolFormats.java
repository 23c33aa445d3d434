package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Recognises, by content, the result files of load tools other than JMeter and hands each to its reader: Gatling's
 * {@code simulation.log} (binary since 3.13, tab-separated text before), k6's {@code --out csv} and {@code --out json}
 * sample streams; and files of the tools' own aggregates (k6 {@code --summary-export}, Locust's {@code --csv}
 * stats and stats history), read into {@link ToolAggregates} beside the samples' label rows, saying what they
 * cannot give (see docs/engine.md). Locust's failures and exceptions files are refused, saying which files to give.
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
            return JtlFormat.K6_SUMMARY;
        }
        if (first.startsWith("metric_name,timestamp,metric_value")) {
            return JtlFormat.K6_CSV;
        }
        if (first.startsWith("Type,Name,Request Count,Failure Count")) {
            return JtlFormat.LOCUST_STATS;
        }
        if (first.startsWith("Timestamp,User Count,Type,Name,")) {
            return JtlFormat.LOCUST_HISTORY;
        }
        String locust = locustKind(first);
        if (locust != null) {
            throw new ResultsReadException(name + ": a Locust --csv " + locust + " file: perfgate reads Locust's "
                    + "_stats.csv and _stats_history.csv of the same run, not this one (see "
                    + "docs/engine.md#results-of-other-tools-gatling-k6-locust)");
        }
        return null;
    }

    /** Reads a file of a tool's own aggregates ({@link JtlFormat#aggregatesOnly()}). */
    static ToolAggregates readAggregates(JtlFormat format, String name, InputStream in, ProblemLog log)
            throws IOException, ResultsReadException {
        return switch (format) {
            case K6_SUMMARY -> new K6SummaryReader(name, log).read(in);
            case LOCUST_STATS -> new LocustCsvReader(name, log, false).read(in);
            case LOCUST_HISTORY -> new LocustCsvReader(name, log, true).read(in);
            default -> throw new IllegalArgumentException("not an aggregates format: " + format);
        };
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
