package io.jenkins.plugins.perfgate.engine.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run plan (YAML, docs/run-plan.md) for a bundled template with request slots ({@link WorkloadShape}: load, soak,
 * spike, stepping) that reproduces a {@link Workload}: the top endpoints as the template's request slots with their
 * method, label and weight, the think time, and threads for the log's rates in the template's shape (Little's law:
 * threads = rate x (think time + response time)). Comments say where every figure
 * came from and list what the plan leaves out. Pure text generation: nothing is written here.
 */
public final class WorkloadPlan {

    /** Request slots of the bundled load template ({@code path}, {@code path2} ... {@code path20}). */
    public static final int SLOTS = 20;
    /** Left-out endpoints named in the plan's comments (the rest are counted). */
    static final int NAMED_LEFT_OUT = 10;
    /** Above this many threads the plan suggests more generators (a rule of thumb for one JMeter JVM). */
    static final long THREADS_PER_GENERATOR = 500;

    /**
     * What the log cannot say.
     *
     * @param name            the plan's name
     * @param template        the template as written in the plan: a bundled one with request slots, e.g.
     *                        {@code load.jmx} or {@code soak.jmx} ({@link WorkloadShape})
     * @param top             endpoints planned, 1..{@value #SLOTS}
     * @param responseMillis  assumed response time (combined logs do not record it)
     * @param durationSeconds the run's duration
     * @param sources         the log files read, for the header comment
     */
    public record Options(String name, String template, int top, long responseMillis, int durationSeconds,
            List<String> sources) {

        public Options {
            if (top < 1 || top > SLOTS) {
                throw new IllegalArgumentException("top must be 1.." + SLOTS + " (the template's request slots): "
                        + top);
            }
            if (responseMillis < 0 || durationSeconds < 1) {
                throw new IllegalArgumentException("response time must be >= 0 and duration >= 1 s");
            }
            if (WorkloadShape.of(template) == WorkloadShape.STEPPING && durationSeconds < 2 * WorkloadShape.STEPS) {
                // every step must get some time: duration > 4 x stepSeconds, in whole seconds
                throw new IllegalArgumentException("stepping needs a duration of at least " + 2 * WorkloadShape.STEPS
                        + " s for its " + WorkloadShape.STEPS + " steps: " + durationSeconds);
            }
            sources = List.copyOf(sources);
        }

        /** The template's load shape. */
        public WorkloadShape shape() {
            return WorkloadShape.of(template);
        }
    }

    private WorkloadPlan() {
    }

    /** The endpoints a plan sends: the first {@code top} that have a path to request. */
    public static List<Workload.Endpoint> planned(Workload w, int top) {
        return w.endpoints().stream().filter(e -> !e.example().isEmpty()).limit(top).toList();
    }

    /** The plan's YAML text. */
    public static String yaml(Workload w, Options o) {
        List<Workload.Endpoint> planned = planned(w, o.top());
        if (planned.isEmpty()) {
            throw new IllegalArgumentException("no endpoint with a path to request");
        }
        long plannedRequests = planned.stream().mapToLong(Workload.Endpoint::requests).sum();
        long topRequests = planned.get(0).requests();
        boolean measuredThink = w.thinkSamples() > 0;
        long think = Math.max(0, w.thinkTimeMillis() - o.responseMillis());
        long cycle = think + o.responseMillis();
        long threads = threads(w.peakPerSecond(), cycle);
        long meanThreads = threads(w.meanPerSecond(), cycle);
        WorkloadShape.Load load = o.shape().load(threads, meanThreads, o.durationSeconds());

        StringBuilder y = new StringBuilder();
        y.append("# Written by `perfgate workload` from ").append(String.join(", ", o.sources())).append('\n');
        y.append(String.format(Locale.ROOT, "# %d requests, peak %d/s, mean %.2f/s, think time %d ms (median of %d "
                + "gaps between one client's requests).%n", w.requests(), w.peakPerSecond(), w.meanPerSecond(),
                w.thinkTimeMillis(), w.thinkSamples()));
        y.append(String.format(Locale.ROOT, "# The mix: %d endpoint(s), %.2f %% of the requests. Each request's "
                + "share of the samples is its weight / the sum of the weights.%n", planned.size(),
                100.0 * plannedRequests / w.requests()));
        y.append(String.format(Locale.ROOT, "# threads = peak %d/s x (thinkTime %d ms + response time %d ms, "
                + "assumed: access logs do not record it) = %d;%n#   at the mean rate (%.2f/s) %d threads.%n",
                w.peakPerSecond(), think, o.responseMillis(), threads, w.meanPerSecond(), meanThreads));
        if (!measuredThink) {
            y.append("# No client sent two requests within a minute: the think time is 0, the rate comes from the "
                    + "threads alone.\n");
        }
        y.append("# ").append(o.shape().template()).append(": ").append(load.comment()).append(".\n");
        y.append("# Paths are the first ones seen in the log: replace production IDs with test data.\n");
        y.append("name: ").append(quote(o.name())).append('\n');
        y.append("template: ").append(quote(o.template())).append('\n');
        y.append("duration: ").append(o.durationSeconds()).append("s\n");
        if (!load.split().isEmpty()) {
            y.append("split: ").append(load.split()).append('\n');
        }
        y.append("properties:\n");
        load.properties().forEach((k, v) -> y.append("  ").append(k).append(": ").append(v).append('\n'));
        y.append("  thinkTime: ").append(think).append('\n');
        for (int i = 0; i < planned.size(); i++) {
            Workload.Endpoint e = planned.get(i);
            int n = i + 1;
            String method = e.name().substring(0, e.name().indexOf(' '));
            y.append(String.format(Locale.ROOT, "  %s: %s    # %s: %.2f %% of the log, %.2f %% of the plan%n",
                    n == 1 ? "path" : "path" + n, quote(e.example()), e.name(), 100 * e.share(),
                    100.0 * e.requests() / plannedRequests));
            y.append("  method").append(n).append(": ").append(quote(method)).append('\n');
            y.append("  weight").append(n).append(": ").append(weight(e.requests(), topRequests)).append('\n');
            y.append("  label").append(n).append(": ").append(quote(e.name())).append('\n');
        }
        y.append("generators:\n  type: local\n  count: 1          # raise it when one generator cannot reach the "
                + "rate\n");
        if (threads > THREADS_PER_GENERATOR) {
            y.append(String.format(Locale.ROOT, "  # %d threads are many for one JVM: about %d generators (count) "
                    + "with heap: 1g each divide them (split)%n", threads,
                    (threads + THREADS_PER_GENERATOR - 1) / THREADS_PER_GENERATOR));
        }
        y.append("# criteria:         # from what production needs (docs/playbooks/production-scenario.md)\n"
                + "#   - p95 < 800ms\n#   - error% < 1\n");
        leftOut(y, w, planned);
        return y.toString();
    }

    private static void leftOut(StringBuilder y, Workload w, List<Workload.Endpoint> planned) {
        List<String> lines = new ArrayList<>();
        List<Workload.Endpoint> rest = w.endpoints().stream().filter(e -> !planned.contains(e)).toList();
        long restRequests = rest.stream().mapToLong(Workload.Endpoint::requests).sum() + w.untracked();
        if (restRequests > 0) {
            lines.add(String.format(Locale.ROOT, "%d endpoint(s)%s with %d requests (%.2f %%)", rest.size(),
                    w.untracked() > 0 ? " and further untracked ones" : "", restRequests,
                    100.0 * restRequests / w.requests()));
            rest.stream().limit(NAMED_LEFT_OUT).forEach(e -> lines.add(String.format(Locale.ROOT,
                    "    %s: %d requests (%.2f %%)%s", e.name(), e.requests(), 100 * e.share(),
                    e.example().isEmpty() ? ", its path was too long to keep" : "")));
            if (rest.size() > NAMED_LEFT_OUT) {
                lines.add("    ... " + (rest.size() - NAMED_LEFT_OUT) + " more");
            }
        }
        if (w.malformed() > 0) {
            lines.add(w.malformed() + " malformed line(s), reported with their line numbers when this plan was "
                    + "written");
        }
        lines.add("query strings, request bodies and headers: access logs do not hold them (requests are sent "
                + "without a body)");
        lines.add("journeys and per-endpoint think times: every request waits the same thinkTime");
        y.append("# Left out:\n");
        lines.forEach(l -> y.append(l.startsWith(" ") ? "#   " : "#   - ").append(l).append('\n'));
    }

    /** Threads that keep {@code rate} requests per second going with {@code cycleMillis} per request; at least 1. */
    static long threads(double rate, long cycleMillis) {
        return Math.max(1, (long) Math.ceil(rate * cycleMillis / 1000.0));
    }

    /** The request's percent of iterations, the top endpoint's being 100; never 0 (a planned request is sent). */
    static String weight(long requests, long topRequests) {
        double percent = Math.max(0.0001, 100.0 * requests / topRequests);
        String s = String.format(Locale.ROOT, "%.4f", percent);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
