package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads k6's {@code --out csv} file: a header naming the columns ({@code metric_name,timestamp,metric_value,...},
 * columns found by name, so that the layouts of all k6 releases fit), then one row per metric point. Each
 * {@code http_req_duration} row is one sample (see {@link K6Samples}); {@code vus} rows give the active virtual
 * users. A row that cannot be read is reported with its line number and skipped. Not thread-safe: one per file.
 */
final class K6CsvReader {

    private final ToolSamples out;
    private final K6Samples k6 = new K6Samples();

    K6CsvReader(ToolSamples out) {
        this.out = out;
    }

    long read(InputStream in) throws IOException {
        NumberedLines lines = new NumberedLines(in);
        List<String> header = QuotedCsv.split(lines.first());
        int iMetric = header.indexOf("metric_name");
        int iTime = header.indexOf("timestamp");
        int iValue = header.indexOf("metric_value");
        int iName = header.indexOf("name");
        int iUrl = header.indexOf("url");
        int iStatus = header.indexOf("status");
        int iExpected = header.indexOf("expected_response");
        int iError = header.indexOf("error");
        while (lines.advance()) {
            String line = lines.line();
            if (line.isEmpty()) {
                continue;
            }
            List<String> f = QuotedCsv.split(line);
            if (f == null || f.size() != header.size()) {
                String why = f == null ? "a quoted field is not closed"
                        : "expected " + header.size() + " fields as in the header, found " + f.size();
                out.problem(lines, "", why);
                continue;
            }
            String metric = f.get(iMetric);
            boolean request = metric.equals(K6Samples.DURATION);
            if (!request && !metric.equals("vus")) {
                continue;
            }
            long time = K6Samples.millis(f.get(iTime));
            if (time == Long.MIN_VALUE) {
                out.problem(lines, "timestamp", "expected a k6 timestamp (unix seconds, "
                        + "milliseconds, microseconds, nanoseconds or RFC 3339), found '" + shown(f.get(iTime)) + "'");
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(f.get(iValue));
            } catch (NumberFormatException e) {
                out.problem(lines, "metric_value", "expected a number, found '" + shown(f.get(iValue))
                        + "'");
                continue;
            }
            if (!request) {
                out.active((int) Math.min(Integer.MAX_VALUE, value));
                continue;
            }
            if (!(value >= 0) || Double.isInfinite(value)) {
                out.problem(lines, "metric_value", "expected a duration in milliseconds, found " + value);
                continue;
            }
            out.accept(k6.sample(time, value, get(f, iName), get(f, iUrl), get(f, iStatus), get(f, iExpected),
                    get(f, iError), out.active()));
        }
        return out.finish();
    }

    private static String get(List<String> f, int i) {
        return i < 0 ? "" : f.get(i);
    }

    private static String shown(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
