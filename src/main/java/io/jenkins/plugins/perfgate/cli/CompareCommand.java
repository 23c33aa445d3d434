package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.compare.Comparison;
import io.jenkins.plugins.perfgate.engine.compare.ComparisonTable;
import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code perfgate compare}: every statistic of one run against another, per label and overall. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares a run with a baseline run: baseline, current, change and relative change of each "
                + "statistic per label; added and removed labels listed.")
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CURRENT.json", description = "the run summary to judge")
    Path current;

    @Parameters(index = "1", paramLabel = "BASELINE.json", description = "the run summary to compare with")
    Path baseline;

    @Option(names = "--metrics", paramLabel = "M,M", split = ",",
            description = "statistics to show, or 'all' (default mean,p50,p95,p99,error%%,rps)")
    List<String> metrics = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Metric> shown = new ArrayList<>();
        for (String m : metrics) {
            if (m.trim().equalsIgnoreCase("all")) {
                shown.addAll(Arrays.asList(Metric.values()));
                continue;
            }
            var metric = Metric.byName(m.trim());
            if (metric.isEmpty()) {
                err.println("perfgate compare: --metrics: unknown metric '" + m + "'");
                return PerfgateCli.EXIT_USAGE;
            }
            shown.add(metric.get());
        }
        RunSummary cur;
        RunSummary base;
        Path reading = current;
        try {
            cur = SummaryJson.read(current);
            reading = baseline;
            base = SummaryJson.read(baseline);
        } catch (IOException | RuntimeException e) {
            String why = GateCommand.firstLine(e.getMessage());
            err.println("perfgate compare: cannot read run summary " + (why.contains(reading.toString()) ? why
                    : reading + ": " + why));
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        Comparison c = Comparison.of(RunFigures.of(cur), RunFigures.of(base), baseline.toString());
        out.print(ComparisonTable.format(c, shown.isEmpty() ? ComparisonTable.DEFAULT_METRICS : shown));
        out.flush();
        return 0;
    }
}
