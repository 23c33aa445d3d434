package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.report.HtmlReport;
import io.jenkins.plugins.perfgate.engine.results.JtlFormat;
import io.jenkins.plugins.perfgate.engine.results.PhaseTrace;
import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.results.ReadProblem;
import io.jenkins.plugins.perfgate.engine.results.ReadProgress;
import io.jenkins.plugins.perfgate.engine.results.ResultsReadException;
import io.jenkins.plugins.perfgate.engine.results.GivenFigures;
import io.jenkins.plugins.perfgate.engine.results.SourceFile;
import io.jenkins.plugins.perfgate.engine.results.ToolAggregates;
import io.jenkins.plugins.perfgate.engine.results.SubResultMode;
import io.jenkins.plugins.perfgate.engine.runner.plan.Durations;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.Summarizer;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code perfgate report FILE...}: summarises JMeter result files, prints a per-label table, writes the JSON. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Summarises JMeter result files (CSV or XML, plain or gzip) into a per-label table and a run "
            + "summary JSON.",
            "Exit codes: 0 ok, 2 usage error, 3 unreadable or invalid input (also when rows had to be skipped, "
            + "unless --allow-malformed)."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "JMeter result files (.jtl/.csv/.xml, .gz)")
    List<Path> files;

    @Option(names = "--out", paramLabel = "JSON", description = "write the run summary JSON here")
    Path out;

    @Option(names = "--apdex-t", paramLabel = "MS", defaultValue = "500",
            description = "Apdex threshold T in ms (tolerated up to 4T), default ${DEFAULT-VALUE}")
    long apdexT;

    @Option(names = "--include", paramLabel = "REGEX", description = "only labels matching this (whole label)")
    String include;

    @Option(names = "--exclude", paramLabel = "REGEX", description = "leave out labels matching this")
    String exclude;

    @Mixin
    LabelGroupingOptions grouping = new LabelGroupingOptions();

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "1000",
            description = "finest over-time interval in ms, default ${DEFAULT-VALUE}")
    long intervalMillis;

    @Option(names = "--columns", paramLabel = "COLS", split = ",",
            description = "column order of CSV files without header, e.g. timeStamp,elapsed,label,responseCode,"
                    + "success (default: JMeter's default set matching the field count)")
    List<String> columns;

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "CSV delimiter: , ; | or tab (default: detected)")
    String delimiter;

    @Option(names = "--timestamp-format", paramLabel = "PATTERN",
            description = "jmeter.save.saveservice.timestamp_format of the files, e.g. 'yyyy/MM/dd HH:mm:ss.SSS'")
    String timestampFormat;

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "zone of formatted timestamps (default: this machine's)")
    String timeZone;

    @Option(names = "--top-level-only",
            description = "count only top-level XML samples, not their sub-results (default: sub-results are rows "
                    + "of their own, as in JMeter's CSV output)")
    boolean topLevelOnly;

    @Option(names = "--generator-per-file",
            description = "treat each file as one load generator (id: file name) and keep per-generator figures")
    boolean generatorPerFile;

    @Option(names = "--threads", paramLabel = "N", description = "threads per large CSV file (default: cores)")
    Integer threads;

    @Option(names = "--progress-every", paramLabel = "DURATION", defaultValue = "3s",
            description = "a progress line on standard error this often while reading (500ms, 3s, ...; 0: none), "
                    + "default ${DEFAULT-VALUE}")
    String progressEvery;

    @Option(names = "--allow-malformed", description = "exit 0 although some rows could not be read")
    boolean allowMalformed;

    @Mixin
    HtmlReportOption html;

    @Override
    public Integer call() {
        PhaseTrace.mark("report command starts");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        Summarizer summarizer = summarizer();
        List<Summarizer.Source> sources = new ArrayList<>();
        long totalBytes = 0;
        for (Path f : files) {
            String generator = generatorPerFile ? Objects.requireNonNull(f.getFileName()).toString() : "";
            sources.add(new Summarizer.Source(f, generator));
            totalBytes += sizeOrZero(f);
        }
        Duration every;
        try {
            every = Durations.parse(progressEvery);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--progress-every: " + e.getMessage());
        }
        ReadProgress progress = new ReadProgress(totalBytes);
        RunSummary summary;
        try (ReadProgressLine line = new ReadProgressLine(progress, err, "perfgate report: ", every)) {
            summary = summarizer.withProgress(progress).summarize(sources);
        } catch (ResultsReadException e) {
            err.println("perfgate report: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        PhaseTrace.mark("summary built");
        // the report's charts are drawn on the other core while the table is printed and the JSON written
        HtmlReport.Drawn report = html.drawAhead(summary, "perfgate report: " + files.stream()
                .map(f -> String.valueOf(f.getFileName())).collect(java.util.stream.Collectors.joining(", ")));
        for (ReadProblem p : summary.problems()) {
            err.println(p);
        }
        if (summary.malformedLines() > summary.problems().size()) {
            err.println("(" + summary.malformedLines() + " malformed rows in total)");
        }
        outWriter.print(ConsoleLabelTable.render(summary));
        if (summary.sources().size() > 1 || !onlyCsvOrXml(summary.sources())) {
            for (SourceFile f : summary.sources()) {
                boolean aggregates = summary.toolAggregates().stream().anyMatch(t -> t.path().equals(f.path()));
                outWriter.printf(Locale.ROOT, "  %s: %s, %s%s%n", f.path(), JtlFormat.describe(f.format()),
                        aggregates ? "the tool's own aggregates (no samples)"
                                : String.format(Locale.ROOT, "%,d samples", f.samples()),
                        f.generator().isEmpty() ? "" : ", generator " + f.generator());
            }
        }
        for (ToolAggregates t : summary.toolAggregates()) {
            outWriter.printf("Figures as the tool computed them, from the %s %s:%n", JtlFormat.describe(t.format()),
                    t.path());
            for (GivenFigures g : t.figures()) {
                outWriter.printf("  %s%s: %s%n", g.label().isEmpty() ? "all requests" : g.label(),
                        g.overall() && !g.label().isEmpty() ? " (all requests)" : "", g.text());
            }
            if (!t.series().isEmpty()) {
                outWriter.printf("  and %d points over time%n", t.series().size());
            }
            outWriter.printf("  Not derived: %s%n", t.notDerived());
        }
        outWriter.printf("%d samples from %d file(s); status %s%s%n", summary.sampleCount(), summary.sources().size(),
                summary.status(), summary.statusReason().isEmpty() ? "" : " (" + summary.statusReason() + ")");
        outWriter.flush();
        PhaseTrace.mark("report table printed");
        if (out != null) {
            try {
                SummaryJson.write(summary, out);
            } catch (IOException e) {
                if (report != null) {
                    report.cancel();
                }
                err.println("perfgate report: cannot write " + out + ": " + e.getMessage());
                return PerfgateCli.EXIT_INVALID_INPUT;
            }
            outWriter.println("summary written to " + out);
            PhaseTrace.mark("summary JSON written");
        }
        List<Path> raw = new ArrayList<>(files);
        raw.add(out);
        if (!html.write(report, raw, outWriter, err)) {
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        PhaseTrace.mark("HTML report done");
        PhaseTrace.threads();
        if (summary.status() == RunStatus.COMPLETE) {
            return 0;
        }
        boolean onlyMalformed = summary.status() == RunStatus.INCOMPLETE && summary.overall().count() > 0;
        if (allowMalformed && onlyMalformed) {
            return 0;
        }
        err.println("perfgate report: results are " + summary.status() + ": " + summary.statusReason());
        return PerfgateCli.EXIT_INVALID_INPUT;
    }

    /**
     * Whether every source is a CSV or XML file of samples. A loop, not a stream's lambda: the AOT cache is trained on
     * several files, so this lambda's class was made at run time in every one-file report.
     */
    private static boolean onlyCsvOrXml(List<SourceFile> sources) {
        for (SourceFile f : sources) {
            if (!f.format().equals("csv") && !f.format().equals("xml")) {
                return false;
            }
        }
        return true;
    }

    private static long sizeOrZero(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0; // the read says why
        }
    }

    private Summarizer summarizer() {
        try {
            AggregationOptions agg = AggregationOptions.defaults().withApdexT(apdexT).withInclude(include)
                    .withExclude(exclude).withInterval(intervalMillis, AggregationOptions.defaults().maxIntervals());
            agg = grouping.applyTo(agg);
            ReadOptions read = ReadOptions.defaults()
                    .withSubResults(topLevelOnly ? SubResultMode.TOP_LEVEL_ONLY : SubResultMode.AS_ROWS);
            if (columns != null) {
                read = read.withColumns(columns);
            }
            if (delimiter != null) {
                read = read.withDelimiter(delimiter(delimiter));
            }
            if (timestampFormat != null) {
                read = read.withTimestampFormat(timestampFormat);
            }
            if (timeZone != null) {
                read = read.withZone(ZoneId.of(timeZone));
            }
            Summarizer s = new Summarizer(agg, read);
            return threads == null ? s : s.withThreads(threads);
        } catch (PatternSyntaxException e) {
            throw new ParameterException(spec.commandLine(), "invalid regular expression: " + e.getMessage());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private char delimiter(String text) {
        if ("tab".equalsIgnoreCase(text) || "\\t".equals(text) || "\t".equals(text)) {
            return '\t';
        }
        if (text.length() != 1) {
            throw new ParameterException(spec.commandLine(), "--delimiter must be one character or 'tab', was '"
                    + text + "'; known: " + Arrays.asList(",", ";", "|", "tab"));
        }
        return text.charAt(0);
    }
}
