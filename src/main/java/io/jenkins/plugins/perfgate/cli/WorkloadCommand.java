package io.jenkins.plugins.perfgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.perfgate.engine.files.AtomicFiles;
import io.jenkins.plugins.perfgate.engine.workload.Workload;
import io.jenkins.plugins.perfgate.engine.workload.WorkloadAnalysis;
import io.jenkins.plugins.perfgate.engine.workload.WorkloadPlan;
import io.jenkins.plugins.perfgate.engine.workload.WorkloadShape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code perfgate workload ACCESS_LOG...}: production traffic from Nginx/Apache combined logs (plain or gzip, any
 * size, constant memory): the top endpoints by share with IDs in paths grouped, peak and mean rate, think time, and
 * what was left out (further endpoints, malformed lines with their line numbers); with {@code --plan} also a run plan
 * for the bundled load template that reproduces the mix ({@link WorkloadPlan}).
 */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = "Reads Nginx/Apache combined access logs (plain or gzip) and prints the request mix by endpoint "
                + "(IDs in paths grouped), peak and mean rate, think time, and what was left out; --plan writes a run "
                + "plan that reproduces the mix.")
public final class WorkloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ACCESS_LOG", arity = "1..*", description = "access log files, plain or gzip")
    List<Path> logs;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "endpoints shown (default ${DEFAULT-VALUE}); the rest are reported as left out")
    int top;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the whole mix as JSON")
    Path json;

    @Option(names = "--plan", paramLabel = "FILE", description = "also write a run plan (YAML) for a bundled "
            + "template that reproduces the mix of the top endpoints (--top at most 20); the template is copied "
            + "beside it unless one of that name is there")
    Path plan;

    @Option(names = "--template", paramLabel = "NAME", defaultValue = "load", description = "the plan's template: "
            + "load (the peak rate), soak (the mean rate, long), spike (the mean rate and a burst to the peak) or "
            + "stepping (five steps up to the peak); default ${DEFAULT-VALUE}")
    String template;

    @Option(names = "--response-time", paramLabel = "MS", defaultValue = "100",
            description = "the plan's assumed response time, for threads and think time (access logs do not record "
                    + "it; default ${DEFAULT-VALUE})")
    long responseMillis;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "the plan's duration (default: the template's: 300, soak 3600, spike 120)")
    Integer durationSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1) {
            err.println("perfgate workload: --top must be at least 1");
            return PerfgateCli.EXIT_USAGE;
        }
        WorkloadShape shape;
        try {
            shape = WorkloadShape.of(template);
        } catch (IllegalArgumentException e) {
            err.println("perfgate workload: --template: " + e.getMessage());
            return PerfgateCli.EXIT_USAGE;
        }
        int duration = durationSeconds != null ? durationSeconds : shape.defaultDuration();
        if (plan != null && (top > WorkloadPlan.SLOTS || responseMillis < 0 || duration < 1)) {
            err.println("perfgate workload: with --plan, --top must be 1.." + WorkloadPlan.SLOTS
                    + " (the templates' request slots), --response-time >= 0 and --duration >= 1");
            return PerfgateCli.EXIT_USAGE;
        }
        WorkloadAnalysis analysis = new WorkloadAnalysis();
        for (Path log : logs) {
            try {
                analysis.read(log);
            } catch (IOException e) {
                err.println("perfgate workload: cannot read " + log + ": " + e.getMessage());
                return PerfgateCli.EXIT_INVALID_INPUT;
            }
        }
        Workload w = analysis.result();
        w.problems().forEach(p -> err.println("malformed: " + p));
        if (w.malformed() > w.problems().size()) {
            err.println("malformed: " + (w.malformed() - w.problems().size()) + " more line(s) not quoted");
        }
        if (w.requests() == 0) {
            err.println("perfgate workload: no request found in " + logs);
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        out.printf(Locale.ROOT, "%d requests, peak %d/s, mean %.2f/s, think time %d ms (median of %d gaps)%n",
                w.requests(), w.peakPerSecond(), w.meanPerSecond(), w.thinkTimeMillis(), w.thinkSamples());
        out.printf(Locale.ROOT, "  %7s  %10s  %s%n", "share", "requests", "endpoint");
        List<Workload.Endpoint> shown = w.endpoints().subList(0, Math.min(top, w.endpoints().size()));
        for (Workload.Endpoint e : shown) {
            out.printf(Locale.ROOT, "  %6.2f%%  %10d  %s%n", e.share() * 100, e.requests(), e.name());
        }
        long leftOut = w.endpoints().stream().skip(shown.size()).mapToLong(Workload.Endpoint::requests).sum()
                + w.untracked();
        out.printf(Locale.ROOT, "left out: %d endpoint(s)%s with %d requests (%.2f%%), %d malformed line(s)%n",
                w.endpoints().size() - shown.size(), w.untracked() > 0 ? " and further untracked ones" : "",
                leftOut, 100.0 * leftOut / w.requests(), w.malformed());
        out.flush();
        if (json != null) {
            try {
                AtomicFiles.writeString(json, json(w));
            } catch (IOException e) {
                err.println("perfgate workload: " + e.getMessage());
                return PerfgateCli.EXIT_INVALID_INPUT;
            }
        }
        if (plan != null) {
            try {
                WorkloadPlanFile.write(plan, w, new WorkloadPlan.Options(WorkloadPlanFile.name(plan),
                        shape.template(), top, responseMillis, duration, WorkloadPlanFile.sources(logs)), out, err);
            } catch (IOException | IllegalArgumentException e) {
                err.println("perfgate workload: cannot write the plan " + plan + ": " + e.getMessage());
                return PerfgateCli.EXIT_INVALID_INPUT;
            }
        }
        return 0;
    }

    private static String json(Workload w) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("requests", w.requests());
        root.put("peakPerSecond", w.peakPerSecond());
        root.put("meanPerSecond", w.meanPerSecond());
        root.put("thinkTimeMillis", w.thinkTimeMillis());
        root.put("untracked", w.untracked());
        root.put("malformed", w.malformed());
        ArrayNode problems = root.putArray("problems");
        w.problems().forEach(problems::add);
        ArrayNode eps = root.putArray("endpoints");
        for (Workload.Endpoint e : w.endpoints()) {
            eps.addObject().put("endpoint", e.name()).put("requests", e.requests()).put("share", e.share());
        }
        return m.writeValueAsString(root) + "\n";
    }
}
