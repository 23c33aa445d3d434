package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import io.jenkins.plugins.perfgate.engine.history.EDivisive;
import io.jenkins.plugins.perfgate.engine.history.HistoryReport;
import io.jenkins.plugins.perfgate.engine.history.HistoryReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code perfgate history}: release-over-release table with change points; CSV and JSON export. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Prints per label p95, error %% and rps of every recorded build with change points marked (*).")
public final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryDirOption historyDir = new HistoryDirOption();

    @Option(names = "--label", paramLabel = "LABEL", description = "only this label (TOTAL for overall)")
    String label;

    @Option(names = "--metrics", paramLabel = "M,M", split = ",", description = "statistics to show "
            + "(default p95,error%%,rps)")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--tags-only", description = "show only builds with a release tag (and change points)")
    boolean tagsOnly;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the table as CSV")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the table and change points as JSON")
    Path json;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.005",
            description = "significance of a change point (default ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--permutations", paramLabel = "N", defaultValue = "199",
            description = "permutations of the significance test (default ${DEFAULT-VALUE})")
    int permutations;

    @Option(names = "--min-shift", paramLabel = "PERCENT", defaultValue = "5",
            description = "smallest relative shift reported, percent (default ${DEFAULT-VALUE})")
    double minShift;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "permutation seed")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HistoryReport.Options options;
        try {
            List<Metric> ms = new ArrayList<>();
            for (String m : metrics) {
                ms.add(Metric.byName(m.trim()).orElseThrow(() -> new IllegalArgumentException("--metrics: unknown "
                        + "metric '" + m + "'")));
            }
            options = new HistoryReport.Options(ms.isEmpty() ? HistoryReport.DEFAULT_METRICS : ms,
                    Optional.ofNullable(label), new EDivisive.Options(alpha, permutations, 3, seed), minShift / 100);
        } catch (IllegalArgumentException e) {
            err.println("perfgate history: " + e.getMessage());
            return PerfgateCli.EXIT_USAGE;
        }
        // entries are read one at a time into the report's columns, never held all at once: 10,000 builds fit in
        // a small heap
        HistoryReport.Collector collector = new HistoryReport.Collector(options);
        long[] builds = {0};
        try {
            List<String> warnings = historyDir.store().scan(e -> {
                collector.accept(e);
                builds[0]++;
            });
            warnings.forEach(w -> err.println("warning: " + w));
        } catch (IOException e) {
            err.println("perfgate history: cannot read " + historyDir + ": " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        if (builds[0] == 0) {
            err.println("perfgate history: no builds recorded in " + historyDir
                    + " (record runs with: perfgate gate SUMMARY.json --record BUILD)");
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        HistoryReport report = collector.report();
        if (label != null && report.labels().get(0).points().isEmpty()) {
            err.println("perfgate history: label '" + label + "' does not appear in any complete run");
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        try {
            HistoryReportFormat.table(report, tagsOnly, out); // line by line: 10,000 builds make tens of MB
            out.flush();
            if (csv != null) {
                ExportFile.write(csv, HistoryReportFormat.csv(report));
            }
            if (json != null) {
                ExportFile.write(json, HistoryReportFormat.json(report));
            }
        } catch (IOException e) {
            err.println("perfgate history: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        return 0;
    }
}
