package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.gate.ExitCodes;
import io.jenkins.plugins.perfgate.engine.gate.GateRequest;
import io.jenkins.plugins.perfgate.engine.gate.GateRun;
import io.jenkins.plugins.perfgate.engine.gate.JudgedRun;
import io.jenkins.plugins.perfgate.engine.gate.Recording;
import io.jenkins.plugins.perfgate.engine.gate.RepeatedRuns;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.DirectoryHistoryStore;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.runner.RunOutcome;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterInstallation;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.MavenCoordinate;
import io.jenkins.plugins.perfgate.engine.runner.plan.Durations;
import io.jenkins.plugins.perfgate.engine.runner.plan.GeneratorSpec;
import io.jenkins.plugins.perfgate.engine.runner.plan.PlanException;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code perfgate run PLAN}: provisions JMeter, runs the plan on its generators, writes summary and raw results. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a run plan (YAML or JSON, see docs/run-plan.md) on its load generators with live "
            + "progress; writes summary.json and every generator's raw results into the output folder.",
            "When the plan has criteria, the gate judges the run against them and the history's baseline.",
            "repeat: k runs the plan k times (rep-1/ ... rep-k/, summary.json merges them); with baselineTarget the "
            + "baseline version's runs alternate with the candidate's and are its baseline (docs/run-plan.md).",
            "Exit codes: " + ExitCodes.PASS + " the run completed (and passed the plan's criteria), "
            + ExitCodes.FAIL + " it did not complete (timed out, aborted, a generator failed, no results) or failed "
            + "the criteria, " + ExitCodes.UNSTABLE + " unstable, " + ExitCodes.USAGE + " usage error, "
            + ExitCodes.INVALID_INPUT + " invalid plan or JMeter unavailable."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "the run plan (.yaml, .yml or .json)")
    Path planFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: perfgate-results/<plan name>)")
    Path out;

    @Option(names = "--quiet", description = "no live progress lines, only start, problems and the result")
    boolean quiet;

    @Option(names = {"-P", "--property"}, paramLabel = "NAME=VALUE",
            description = "override or add a template property, e.g. -P threads=50 -P host=staging.example")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--time-limit", paramLabel = "DURATION", description = "override the plan's time limit (90s, 5m)")
    String timeLimit;

    @Option(names = "--jmeter-home", paramLabel = "DIR", description = "use this JMeter installation")
    Path jmeterHome;

    @Option(names = "--jmeter-plugin", paramLabel = "GROUP:ARTIFACT:VERSION", description = "a JMeter plugin from "
            + "Maven Central for this run, with its dependencies (repeatable; added to the plan's jmeterPlugins)")
    List<String> jmeterPlugins = new java.util.ArrayList<>();

    @Option(names = "--library", paramLabel = "GROUP:ARTIFACT:VERSION", description = "a library (e.g. a JDBC "
            + "driver) from Maven Central for this run (repeatable; added to the plan's libraries)")
    List<String> libraries = new java.util.ArrayList<>();

    @Option(names = "--cache", paramLabel = "DIR",
            description = "where the provisioned JMeter is kept (default ~/.cache/perfgate)")
    Path cache;

    @Option(names = "--apdex-t", paramLabel = "MS", defaultValue = "500",
            description = "Apdex threshold T in ms (tolerated up to 4T), default ${DEFAULT-VALUE}")
    long apdexT;

    @Option(names = "--no-gate", description = "only run: leave the plan's criteria to the caller (the Jenkins "
            + "layer judges them against the job's history)")
    boolean noGate;

    @Option(names = "--history", paramLabel = "DIR", defaultValue = DirectoryHistoryStore.DEFAULT_DIRECTORY,
            description = "history the plan's criteria compare with (default ${DEFAULT-VALUE})")
    Path history;

    @Option(names = "--record", paramLabel = "BUILD", description = "store this run in the history as build BUILD")
    Long record;

    @Option(names = "--tag", paramLabel = "TAG", description = "release tag of this build (with --record)")
    String tag = "";

    @Option(names = "--exit-with-parent", hidden = true, description = "stop the run when the process that "
            + "started this one ends (the Jenkins agent that runs it as a generator machine, should it disconnect)")
    boolean exitWithParent;

    @Option(names = "--stop-file", hidden = true, paramLabel = "FILE", description = "stop the run (status ABORTED) "
            + "once FILE exists, its first line as the reason (the Jenkins controller stops its generator agents so)")
    Path stopFile;

    @Option(names = "--window-lines", hidden = true, description = "follow each progress line with the live window "
            + "as a machine-readable line (the Jenkins controller judges abort criteria over its agents from them)")
    boolean windowLines;

    @Option(names = "--generator-name", hidden = true, paramLabel = "NAME", description = "name the plan's local "
            + "generators NAME (NAME-1, NAME-2, ... for several): the Jenkins agent running a share uses its own name")
    String generatorName;

    @Mixin
    LabelGroupingOptions grouping = new LabelGroupingOptions();

    @Mixin
    HtmlReportOption html;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunPlan plan;
        try {
            plan = RunPlanReader.read(planFile).withProperties(properties);
            plan = plan.withAddons(jmeterPlugins.stream().map(c -> coordinate(c, "--jmeter-plugin")).toList(),
                    libraries.stream().map(c -> coordinate(c, "--library")).toList());
            if (timeLimit != null) {
                plan = plan.withTimeLimit(Durations.parse(timeLimit));
            }
            if (generatorName != null) {
                plan = named(plan, generatorName);
            }
        } catch (PlanException | IllegalArgumentException e) {
            err.println("perfgate run: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        Path outDir = out != null ? out : Path.of("perfgate-results", plan.name());
        if (exitWithParent) {
            ParentGone.watch();
        }
        try (StopOnSignal stop = StopOnSignal.install()) {
            if (stopFile != null) {
                StopFile.watch(stopFile, stop);
            }
            JMeterInstallation jmeter = RunSupport.withAddons(RunSupport.jmeter(
                    Optional.ofNullable(jmeterHome).or(plan::jmeterHome), cache, w), plan, cache, w);
            AggregationOptions aggregation = grouping.applyTo(AggregationOptions.defaults().withApdexT(apdexT));
            boolean repeated = plan.repeat() > 1 || plan.interleaved();
            RepeatedRun series = repeated ? RepeatedRun.run(plan, jmeter, outDir, quiet, aggregation, w, stop)
                    : null;
            RunOutcome outcome = repeated ? series.outcome()
                    : RunSupport.run(plan, jmeter, outDir, quiet, aggregation, w, stop, windowLines);
            List<Path> raw = new java.util.ArrayList<>(outcome.resultFiles());
            raw.add(outcome.summaryFile());
            int exit = RunSupport.finish(outcome, w);
            if (noGate || plan.criteria().isEmpty()) {
                return html.write(outcome.summary(), "perfgate run: " + plan.name(), raw, w, err)
                        ? exit : PerfgateCli.EXIT_INVALID_INPUT;
            }
            JudgedRun gate = judge(plan, outcome.summary(),
                    repeated ? new RepeatedRuns(series.candidate(), series.baseline()) : RepeatedRuns.NONE, w, err);
            if (html.requested() && !html.write(GateReport.input(outcome.summary(), gate)
                    .withTitle("perfgate run: " + plan.name()), raw, w, err)) {
                return PerfgateCli.EXIT_INVALID_INPUT;
            }
            return exit != 0 ? exit : gate.exitCode();
        } catch (IOException | IllegalArgumentException e) {
            err.println("perfgate run: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
    }

    private static RunPlan named(RunPlan plan, String name) {
        try {
            return plan.withGenerators(plan.generators().withOption(GeneratorSpec.NAME_OPTION, name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("generators.options.name", "--generator-name"),
                    e);
        }
    }

    private static MavenCoordinate coordinate(String text, String option) {
        try {
            return MavenCoordinate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /**
     * The gate the plan asks for ({@code criteria:}, {@code baseline: {policy: ..., alpha: ...}}), judged against
     * the history directory and, with {@code --record}, recorded there; prints the verdict.
     *
     * @throws IllegalArgumentException for criteria, a baseline policy or an alpha that do not parse (naming them)
     * @throws IOException              when the history cannot be read or the run cannot be recorded
     */
    private JudgedRun judge(RunPlan plan, RunSummary summary, RepeatedRuns runs, PrintWriter out, PrintWriter err)
            throws IOException {
        BuildRef ref = new BuildRef(record == null ? 0 : record, "", System.currentTimeMillis(), BuildResult.UNKNOWN,
                tag, "");
        GateRequest.Builder request = GateRequest.builder(summary).criteria(plan.criteriaText())
                .baseline(plan.baselinePolicy().orElse("")).alpha(plan.baseline().get("alpha")).runs(runs)
                .record(record != null ? Recording.withVerdict() : Recording.NONE);
        JudgedRun judged = new GateRun(new DirectoryHistoryStore(history))
                .judge((record != null ? request.forBuild(ref) : request.forBuildAfterNewest(ref)).build());
        judged.stored().warnings().forEach(w -> err.println("warning: history: " + w));
        out.println();
        out.print(judged.verdict().format());
        out.flush();
        if (judged.recordFailure().isPresent()) {
            throw new IOException(judged.recordFailure().get());
        }
        judged.recorded().ifPresent(r -> out.println("recorded build #" + r.number() + " in " + history));
        out.flush();
        return judged;
    }
}
