package io.jenkins.plugins.perfgate.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Release-over-release view of a history: per label (overall first) the trended statistics of every build with a
 * complete run, and the change points E-Divisive found in each. Renders as a text table, CSV or JSON. Immutable.
 *
 * @param metrics the trended statistics (by default p95, error % and rps)
 * @param labels  one trend per label, overall first, then by label
 */
public record HistoryReport(List<Metric> metrics, List<LabelTrend> labels) {

    /** The statistics a history report shows by default. */
    public static final List<Metric> DEFAULT_METRICS = List.of(Metric.P95, Metric.ERROR_PERCENT, Metric.THROUGHPUT);

    /**
     * @param metrics      statistics to trend
     * @param label        only this label (and not the overall row), when present
     * @param detection    change-point options
     * @param minRelativeShift shifts smaller than this fraction of the earlier level are not reported (Hunter's
     *                     "minimum magnitude"); 0 reports every significant shift
     */
    public record Options(List<Metric> metrics, Optional<String> label, EDivisive.Options detection,
            double minRelativeShift) {
        public Options {
            metrics = List.copyOf(metrics);
            Objects.requireNonNull(label);
            Objects.requireNonNull(detection);
            if (metrics.isEmpty()) {
                throw new IllegalArgumentException("a history report needs at least one metric");
            }
            if (!(minRelativeShift >= 0)) {
                throw new IllegalArgumentException("minimum shift must not be negative");
            }
        }

        public static Options defaults() {
            return new Options(DEFAULT_METRICS, Optional.empty(), EDivisive.Options.defaults(), 0.05);
        }

        public Options withLabel(String name) {
            return new Options(metrics, Optional.ofNullable(name), detection, minRelativeShift);
        }
    }

    public HistoryReport {
        metrics = List.copyOf(metrics);
        labels = List.copyOf(labels);
    }

    public static HistoryReport of(History history, Options options) {
        List<HistoryEntry> complete = history.entries().stream()
                .filter(e -> e.figures().status() == RunStatus.COMPLETE).toList();
        Set<String> names = new LinkedHashSet<>();
        if (options.label().isPresent()) {
            names.add(options.label().get());
        } else {
            names.add(RunAggregator.OVERALL);
            TreeSet<String> all = new TreeSet<>();
            complete.forEach(e -> all.addAll(e.figures().labelNames()));
            names.addAll(all);
        }
        List<LabelTrend> trends = new ArrayList<>();
        for (String name : names) {
            trends.add(trend(name, complete, options));
        }
        return new HistoryReport(options.metrics(), trends);
    }

    private static LabelTrend trend(String label, List<HistoryEntry> entries, Options options) {
        List<LabelTrend.Point> points = new ArrayList<>();
        for (HistoryEntry e : entries) {
            Optional<LabelFigures> row = e.figures().row(label);
            if (row.isEmpty() || row.get().count() == 0) {
                continue;
            }
            Map<Metric, Double> values = new EnumMap<>(Metric.class);
            for (Metric m : options.metrics()) {
                values.put(m, e.value(label, m).orElse(Double.NaN));
            }
            points.add(new LabelTrend.Point(e.build(), values));
        }
        List<ChangePoint> changes = new ArrayList<>();
        for (Metric m : options.metrics()) {
            changes.addAll(changePoints(label, m, points, options));
        }
        changes.sort((a, b) -> a.build().number() != b.build().number()
                ? Long.compare(a.build().number(), b.build().number()) : a.metric().compareTo(b.metric()));
        return new LabelTrend(label, points, changes);
    }

    private static List<ChangePoint> changePoints(String label, Metric metric, List<LabelTrend.Point> points,
            Options options) {
        List<LabelTrend.Point> usable = points.stream().filter(p -> !Double.isNaN(p.get(metric))).toList();
        double[] series = usable.stream().mapToDouble(p -> p.get(metric)).toArray();
        List<EDivisive.Split> splits = EDivisive.detect(series, options.detection());
        List<ChangePoint> result = new ArrayList<>();
        for (int i = 0; i < splits.size(); i++) {
            int from = i == 0 ? 0 : splits.get(i - 1).index();
            int at = splits.get(i).index();
            int to = i + 1 < splits.size() ? splits.get(i + 1).index() : series.length;
            double before = median(series, from, at);
            double after = median(series, at, to);
            ChangePoint c = new ChangePoint(label, metric, usable.get(at).build(), before, after,
                    splits.get(i).pValue());
            if (Math.abs(c.relativeShift()) >= options.minRelativeShift()) {
                result.add(c);
            }
        }
        return result;
    }

    private static double median(double[] x, int from, int to) {
        double[] v = java.util.Arrays.copyOfRange(x, from, to);
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    public List<ChangePoint> changePoints() {
        return labels.stream().flatMap(l -> l.changePoints().stream()).toList();
    }

    /**
     * The table for people: per label one row per build (only tagged builds when {@code tagsOnly}, though change
     * points are found over all builds), change points marked with {@code *} and described below the label.
     */
    public String toTable(boolean tagsOnly) {
        StringBuilder sb = new StringBuilder();
        for (LabelTrend t : labels) {
            sb.append("label ").append(t.label()).append(" (").append(t.points().size()).append(" builds, ")
                    .append(t.changePoints().size()).append(" change point")
                    .append(t.changePoints().size() == 1 ? "" : "s").append(")\n");
            sb.append(String.format(Locale.ROOT, "  %-2s%-8s %-16s", "", "build", "tag"));
            for (Metric m : metrics) {
                sb.append(String.format(Locale.ROOT, " %14s", m.key() + (m.unit() == Metric.Unit.MILLIS ? " ms"
                        : "")));
            }
            sb.append('\n');
            for (LabelTrend.Point p : t.points()) {
                if (tagsOnly && p.build().tag().isEmpty() && t.changesAt(p.build().number()).isEmpty()) {
                    continue;
                }
                List<ChangePoint> here = t.changesAt(p.build().number());
                sb.append(String.format(Locale.ROOT, "  %-2s%-8s %-16s", here.isEmpty() ? "" : "*",
                        "#" + p.build().number(), truncate(p.build().releaseTag(), 16)));
                for (Metric m : metrics) {
                    boolean marked = here.stream().anyMatch(c -> c.metric() == m);
                    String mark = !marked ? " " : here.stream().filter(c -> c.metric() == m).findFirst().get()
                            .after() > here.stream().filter(c -> c.metric() == m).findFirst().get().before() ? "▲"
                                    : "▼";
                    sb.append(String.format(Locale.ROOT, " %13s%s", number(m, p.get(m)), mark));
                }
                sb.append('\n');
            }
            for (ChangePoint c : t.changePoints()) {
                sb.append("  * ").append(c.describe()).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** CSV: label, build, id, time, result, tag, commit, each metric, and the change points marked per metric. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("label,build,id,timeMillis,result,tag,commit");
        for (Metric m : metrics) {
            sb.append(',').append(csv(m.key()));
        }
        for (Metric m : metrics) {
            sb.append(',').append(csv("change " + m.key()));
        }
        sb.append('\n');
        for (LabelTrend t : labels) {
            for (LabelTrend.Point p : t.points()) {
                BuildRef b = p.build();
                sb.append(csv(t.label())).append(',').append(b.number()).append(',').append(csv(b.id())).append(',')
                        .append(b.timeMillis()).append(',').append(b.result()).append(',').append(csv(b.releaseTag()))
                        .append(',').append(csv(b.gitCommit()));
                for (Metric m : metrics) {
                    double v = p.get(m);
                    sb.append(',').append(Double.isNaN(v) ? "" : plain(v));
                }
                for (Metric m : metrics) {
                    Optional<ChangePoint> c = t.changesAt(b.number()).stream().filter(x -> x.metric() == m)
                            .findFirst();
                    sb.append(',').append(c.map(x -> Double.isInfinite(x.relativeShift()) ? "inf"
                            : plain(x.relativeShift())).orElse(""));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode ms = root.putArray("metrics");
        metrics.forEach(m -> ms.add(m.key()));
        ArrayNode ls = root.putArray("labels");
        for (LabelTrend t : labels) {
            ObjectNode l = ls.addObject();
            l.put("label", t.label());
            ArrayNode builds = l.putArray("builds");
            for (LabelTrend.Point p : t.points()) {
                ObjectNode b = builds.addObject();
                b.put("number", p.build().number());
                b.put("id", p.build().id());
                b.put("timeMillis", p.build().timeMillis());
                b.put("result", p.build().result().name());
                b.put("tag", p.build().releaseTag());
                b.put("commit", p.build().gitCommit());
                for (Metric m : metrics) {
                    putNumber(b, m.key(), p.get(m));
                }
            }
            ArrayNode cps = l.putArray("changePoints");
            for (ChangePoint c : t.changePoints()) {
                ObjectNode n = cps.addObject();
                n.put("metric", c.metric().key());
                n.put("build", c.build().number());
                n.put("tag", c.build().releaseTag());
                putNumber(n, "before", c.before());
                putNumber(n, "after", c.after());
                putNumber(n, "shift", c.shift());
                putNumber(n, "relativeShift", c.relativeShift());
                n.put("pValue", c.pValue());
                n.put("regression", c.regression());
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putNumber(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    private static String number(Metric m, double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return switch (m.unit()) {
            case PERCENT -> String.format(Locale.ROOT, "%.2f", v);
            case SCORE -> String.format(Locale.ROOT, "%.3f", v);
            case COUNT -> String.format(Locale.ROOT, "%.0f", v);
            default -> Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                    : String.format(Locale.ROOT, "%.1f", v);
        };
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** RFC 4180 quoting; cells starting with = + - @ get a leading quote so spreadsheets do not run them. */
    static String csv(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
