package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.compare.ComparisonTable;
import io.jenkins.plugins.perfgate.engine.gate.CriteriaException;
import io.jenkins.plugins.perfgate.engine.gate.CriteriaParser;
import io.jenkins.plugins.perfgate.engine.gate.Criterion;
import io.jenkins.plugins.perfgate.engine.gate.ExitCodes;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.gate.GateRequest;
import io.jenkins.plugins.perfgate.engine.gate.GateResult;
import io.jenkins.plugins.perfgate.engine.gate.GateRun;
import io.jenkins.plugins.perfgate.engine.gate.JUnitXml;
import io.jenkins.plugins.perfgate.engine.gate.JudgedRun;
import io.jenkins.plugins.perfgate.engine.gate.LineStatus;
import io.jenkins.plugins.perfgate.engine.gate.Outcome;
import io.jenkins.plugins.perfgate.engine.gate.Recording;
import io.jenkins.plugins.perfgate.engine.gate.RepeatedRuns;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.gate.VerdictJson;
import io.jenkins.plugins.perfgate.engine.gate.VerdictLine;
import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code perfgate gate}: judges a run summary against criteria and history, prints the verdict, exits by it. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Judges a run against criteria and earlier builds; exit " + ExitCodes.GATE_HELP + ".",
            "Several summaries are repetitions of the same build (repeat: k)."},
        footer = {"", "Criteria (docs/gate.md): p95 < 800ms; error%% < 1; rps > 50; p99[label=~\"checkout.*\"] < 2s;",
            "  p95 vs baseline < +10%%; mean vs baseline < +15%% => unstable",
            "Baselines: previous, last-passing, tag[:GLOB], build:N, median[:N] (default "
                + GateOptions.DEFAULT_BASELINE_TEXT + ")"})
public final class GateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SUMMARY.json", description = "run summaries of this build")
    List<Path> summaries;

    @Option(names = "--criteria", paramLabel = "TEXT", description = "criteria separated by ';' or new lines")
    List<String> criteria = new ArrayList<>();

    @Option(names = "--criteria-file", paramLabel = "FILE", description = "file of criteria, one per line, # comments")
    Path criteriaFile;

    @Option(names = "--baseline", paramLabel = "POLICY", defaultValue = GateOptions.DEFAULT_BASELINE_TEXT,
            description = "baseline policy (default ${DEFAULT-VALUE})")
    String baseline;

    @Mixin
    HistoryDirOption historyDir = new HistoryDirOption();

    @Option(names = "--junit", paramLabel = "FILE", description = "write the verdict as JUnit XML")
    Path junit;

    @Option(names = "--compare", description = "also print the comparison with the baseline (main statistics)")
    boolean compare;

    @Option(names = "--json", paramLabel = "FILE", description = "write the verdict (and comparison) as JSON")
    Path json;

    @Option(names = "--record", paramLabel = "BUILD", description = "store this run in the history as build BUILD")
    Long record;

    @Option(names = "--build", paramLabel = "N", description = "this build's number when not recording "
            + "(default: after the newest in history)")
    Long build;

    @Option(names = "--tag", paramLabel = "TAG", description = "release tag of this build (with --record)")
    String tag = "";

    @Option(names = "--commit", paramLabel = "SHA", description = "git commit of this build (with --record)")
    String commit = "";

    @Option(names = "--incomplete", paramLabel = "fail|unstable",
            defaultValue = GateOptions.DEFAULT_INCOMPLETE_RUN_TEXT,
            description = "verdict for an incomplete run or no results (default ${DEFAULT-VALUE})")
    String incomplete;

    @Option(names = "--missing-baseline", paramLabel = "warn|unstable|fail",
            defaultValue = GateOptions.DEFAULT_MISSING_BASELINE_TEXT,
            description = "outcome of a baseline criterion without baseline (default ${DEFAULT-VALUE})")
    String missingBaseline;

    @Option(names = "--noise-window", paramLabel = "N", defaultValue = GateOptions.DEFAULT_NOISE_WINDOW_TEXT,
            description = "passing builds that measure run-to-run noise (default ${DEFAULT-VALUE})")
    int noiseWindow;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = GateOptions.DEFAULT_ALPHA_TEXT,
            description = "one-sided significance level of the noise tests (default ${DEFAULT-VALUE})")
    double alpha;

    @Mixin
    HtmlReportOption html;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Criterion> parsed;
        GateOptions options;
        try {
            parsed = CriteriaParser.parseAll(criteriaText());
            options = GateOptions.defaults().withBaseline(BaselinePolicy.parse(baseline))
                    .withNoiseWindow(noiseWindow).withAlpha(alpha)
                    .withIncompleteRun(outcome(incomplete, "--incomplete"))
                    .withMissingBaseline(outcome(missingBaseline, "--missing-baseline"));
        } catch (CriteriaException e) {
            err.println("perfgate gate: invalid criteria: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        } catch (IllegalArgumentException | IOException e) {
            err.println("perfgate gate: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        List<RunSummary> runs = new ArrayList<>();
        for (Path p : summaries) {
            try {
                runs.add(SummaryJson.read(p));
            } catch (NoSuchFileException e) {
                return unreadable(err, p + ": no such file");
            } catch (IOException | RuntimeException e) {
                String why = firstLine(e.getMessage());
                return unreadable(err, why.contains(p.toString()) ? why : p + ": " + why);
            }
        }
        RunSummary merged = runs.stream().reduce(RunSummary::merge).orElseThrow();
        Long number = record != null ? record : build;
        BuildRef ref = new BuildRef(number == null ? 0 : number, "", System.currentTimeMillis(), BuildResult.UNKNOWN,
                tag, commit);
        GateRequest.Builder request = GateRequest.builder(merged).criteria(parsed).options(options)
                .runs(new RepeatedRuns(runs, List.of()))
                .record(record != null ? Recording.withVerdict() : Recording.NONE);
        JudgedRun judged;
        try {
            judged = new GateRun(historyDir.store()).judge(
                    (number == null ? request.forBuildAfterNewest(ref) : request.forBuild(ref)).build());
        } catch (GateRun.HistoryUnreadable e) {
            err.println("perfgate gate: cannot read history " + historyDir + ": " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        judged.stored().warnings().forEach(w -> err.println("warning: history: " + w));
        Verdict verdict = judged.verdict();
        out.print(verdict.format());
        if (compare) {
            verdict.comparison().ifPresentOrElse(
                    c -> out.print(ComparisonTable.format(c, ComparisonTable.DEFAULT_METRICS)),
                    () -> out.println("comparison: no baseline"));
        }
        out.flush();
        try {
            if (junit != null) {
                JUnitXml.write(verdict, junit);
            }
            if (json != null) {
                VerdictJson.write(verdict, json);
            }
            if (judged.recordFailure().isPresent()) {
                throw new IOException(judged.recordFailure().get());
            }
            if (judged.recorded().isPresent()) {
                out.println("recorded build #" + judged.recorded().get().number() + " in " + historyDir);
            }
        } catch (IOException e) {
            err.println("perfgate gate: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        if (html.requested() && !html.write(GateReport.input(merged, judged), summaries, out, err)) {
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        return judged.exitCode();
    }

    private String criteriaText() throws IOException {
        StringBuilder sb = new StringBuilder();
        if (criteriaFile != null) {
            sb.append(Files.readString(criteriaFile, StandardCharsets.UTF_8)).append('\n');
        }
        criteria.forEach(c -> sb.append(c).append('\n'));
        return sb.toString();
    }

    /** An unreadable summary: exit 3 and, when asked, a JUnit file whose one case fails, so CI shows why. */
    private int unreadable(PrintWriter err, String why) {
        err.println("perfgate gate: cannot read run summary: " + why);
        if (junit != null) {
            VerdictLine line = new VerdictLine("read run summary", Optional.empty(), OverallRow.LABEL,
                    LineStatus.RUN_NOT_COMPLETE, Outcome.FAIL, Double.NaN, "", Double.NaN, Double.NaN, Double.NaN,
                    Optional.empty(), "cannot read run summary: " + why);
            Verdict v = new Verdict(GateResult.FAIL, RunStatus.NO_RESULTS, List.of(line), Optional.empty(), "",
                    List.of());
            try {
                JUnitXml.write(v, junit);
            } catch (IOException e) {
                err.println("perfgate gate: " + e.getMessage());
            }
        }
        return PerfgateCli.EXIT_INVALID_INPUT;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static Outcome outcome(String text, String option) {
        try {
            return Outcome.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": unknown outcome '" + text + "'");
        }
    }
}
