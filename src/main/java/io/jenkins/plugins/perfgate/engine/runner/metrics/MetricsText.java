package io.jenkins.plugins.perfgate.engine.runner.metrics;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures exported per label (and for the whole run, label {@value OverallRow#METRICS_LABEL}): samples, errors, error %,
 * mean, p50/p90/p95/p99, max (ms) and throughput (req/s) of each label's {@link LabelFigures}, in InfluxDB line
 * protocol and Prometheus text format.
 */
public final class MetricsText {

    private MetricsText() {
    }

    static List<LabelFigures> rows(RunSummary summary) {
        List<LabelFigures> rows = new ArrayList<>();
        rows.add(LabelFigures.of(OverallRow.METRICS_LABEL, summary.overall()));
        for (LabelStats s : summary.labels()) {
            rows.add(LabelFigures.of(s));
        }
        return rows;
    }

    /** One point per label: {@code measurement,job=..,build=..,template=..,label=.. count=..i,... <end ms>}. */
    /** @param result the {@code result} tag (a Jenkins result id); left out when empty */
    public static String influxLines(RunSummary summary, String measurement, String job, String build,
            String template, String result) {
        StringBuilder sb = new StringBuilder();
        long ts = summary.endMillis() > 0 ? summary.endMillis() : System.currentTimeMillis();
        for (LabelFigures s : rows(summary)) {
            sb.append(escapeKey(measurement)).append(",job=").append(escapeTag(job)).append(",build=")
                    .append(escapeTag(build)).append(",template=").append(escapeTag(template))
                    .append(result.isEmpty() ? "" : ",result=" + escapeTag(result)).append(",label=")
                    .append(escapeTag(s.label())).append(",status=").append(summary.status().name()).append(' ')
                    .append(String.format(Locale.ROOT,
                            "count=%di,errors=%di,error_pct=%.4f,mean=%.3f,p50=%di,p90=%di,p95=%di,p99=%di,max=%di,"
                                    + "throughput=%.4f",
                            s.count(), s.whole(Metric.ERRORS), s.get(Metric.ERROR_PERCENT), s.get(Metric.MEAN),
                            s.whole(Metric.P50), s.whole(Metric.P90), s.whole(Metric.P95), s.whole(Metric.P99),
                            s.whole(Metric.MAX), s.get(Metric.THROUGHPUT)))
                    .append(' ').append(ts).append('\n');
        }
        return sb.toString();
    }

    /**
     * Gauges with a {@code label} label, per generator {@code perfgate_generator_samples}, and
     * {@code perfgate_run_complete}; job/build/template(/result) are the Pushgateway grouping key.
     */
    public static String prometheusText(RunSummary summary) {
        StringBuilder sb = figures(summary);
        Map<String, Long> generators = new TreeMap<>();
        summary.generators().forEach((id, stats) -> generators.put(id, stats.count()));
        generatorSamples(sb, generators);
        runComplete(sb, summary.status().name(), summary.status().name().equals("COMPLETE") ? 1 : 0);
        return sb.toString();
    }

    /**
     * The figures of a run still going on, under the names and labels of {@link #prometheusText}: the run so far,
     * {@code perfgate_run_complete{status="RUNNING"} 0}, and {@code perfgate_active_threads} (live only).
     *
     * @param soFar             the samples recorded so far, summarised
     * @param activeThreads     JMeter's active threads, summed over the generators
     * @param generatorSamples  samples so far per generator id
     */
    public static String prometheusLive(RunSummary soFar, int activeThreads, Map<String, Long> generatorSamples) {
        StringBuilder sb = figures(soFar);
        generatorSamples(sb, new TreeMap<>(generatorSamples));
        gauge(sb, "perfgate_active_threads", "JMeter threads running, all generators (live only)");
        sb.append("perfgate_active_threads ").append(activeThreads).append('\n');
        runComplete(sb, "RUNNING", 0);
        return sb.toString();
    }

    private static void generatorSamples(StringBuilder sb, Map<String, Long> generators) {
        if (generators.isEmpty()) {
            return;
        }
        gauge(sb, "perfgate_generator_samples", "Samples recorded by each load generator");
        generators.forEach((id, n) -> sb.append("perfgate_generator_samples{generator=\"")
                .append(escapeLabelValue(id)).append("\"} ").append(n).append('\n'));
    }

    private static void runComplete(StringBuilder sb, String status, int complete) {
        gauge(sb, "perfgate_run_complete", "1 when the run's status is COMPLETE");
        sb.append("perfgate_run_complete{status=\"").append(status).append("\"} ").append(complete).append('\n');
    }

    private static StringBuilder figures(RunSummary summary) {
        StringBuilder sb = new StringBuilder();
        gauge(sb, "perfgate_samples", "Samples recorded");
        for (LabelFigures s : rows(summary)) {
            sample(sb, "perfgate_samples", s.label(), "", s.count());
        }
        gauge(sb, "perfgate_errors", "Failed samples");
        for (LabelFigures s : rows(summary)) {
            sample(sb, "perfgate_errors", s.label(), "", s.whole(Metric.ERRORS));
        }
        gauge(sb, "perfgate_error_ratio", "Failed samples / samples");
        for (LabelFigures s : rows(summary)) {
            sample(sb, "perfgate_error_ratio", s.label(), "", s.count() == 0 ? 0
                    : (double) s.whole(Metric.ERRORS) / s.count());
        }
        gauge(sb, "perfgate_response_time_ms", "Response time percentiles and mean, milliseconds");
        for (LabelFigures s : rows(summary)) {
            for (Metric q : new Metric[] {Metric.P50, Metric.P90, Metric.P95, Metric.P99}) {
                sample(sb, "perfgate_response_time_ms", s.label(), ",quantile=\"0." + q.key().substring(1) + "\"",
                        s.whole(q));
            }
            sample(sb, "perfgate_response_time_ms", s.label(), ",quantile=\"mean\"", s.get(Metric.MEAN));
            sample(sb, "perfgate_response_time_ms", s.label(), ",quantile=\"max\"", s.whole(Metric.MAX));
        }
        gauge(sb, "perfgate_throughput_rps", "Samples per second over the label's active time");
        for (LabelFigures s : rows(summary)) {
            sample(sb, "perfgate_throughput_rps", s.label(), "", s.get(Metric.THROUGHPUT));
        }
        return sb;
    }

    private static void gauge(StringBuilder sb, String name, String help) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" gauge\n");
    }

    private static void sample(StringBuilder sb, String name, String label, String extra, double value) {
        sb.append(name).append("{label=\"").append(escapeLabelValue(label)).append('"').append(extra).append("} ")
                .append(Double.isNaN(value) ? "NaN" : format(value)).append('\n');
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6f", v);
    }

    static String escapeLabelValue(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String escapeTag(String v) {
        String e = v.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=").replace(" ", "\\ ")
                .replace("\n", "\\n");
        return e.isEmpty() ? "-" : e;
    }

    static String escapeKey(String v) {
        return v.replace(",", "\\,").replace(" ", "\\ ");
    }

    /** URL-safe base64 for Pushgateway grouping-key path segments ({@code =} padding kept, as it accepts). */
    static String base64(String v) {
        return Base64.getUrlEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8));
    }
}
