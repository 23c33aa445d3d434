package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.gate.CriteriaParser;
import io.jenkins.plugins.perfgate.engine.gate.Gate;
import io.jenkins.plugins.perfgate.engine.gate.GateOptions;
import io.jenkins.plugins.perfgate.engine.gate.Verdict;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.History;
import io.jenkins.plugins.perfgate.engine.history.HistoryEntry;
import io.jenkins.plugins.perfgate.engine.report.HtmlReport;
import io.jenkins.plugins.perfgate.engine.report.ReportInput;
import io.jenkins.plugins.perfgate.engine.runner.RunOutcome;
import io.jenkins.plugins.perfgate.engine.runner.demo.DemoTarget;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterInstallation;
import io.jenkins.plugins.perfgate.engine.runner.plan.PlanException;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code perfgate demo}: starts the demo shop on 127.0.0.1, runs the bundled plan (the {@code load} template, four
 * endpoints, 2 local generators, about 30 s) against it, prints the per-label table and the gate's verdict on the
 * plan's criteria, and writes the summary and the HTML report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts a demo HTTP application on 127.0.0.1 (some endpoints slower, a small error rate), runs "
            + "the bundled plan on 2 local JMeter generators for about 30 s, prints the per-label table and the "
            + "gate's verdict, and writes the summary and the HTML report (report/index.html).",
            "Exit codes as for 'perfgate run' (the verdict does not change them)."})
public final class DemoCommand implements Callable<Integer> {

    /** The bundled demo plan and the templates it uses, on the class path. */
    static final String PLAN_RESOURCE = "/io/jenkins/plugins/perfgate/engine/runner/demo/demo-plan.yaml";
    static final String TEMPLATES = "/perfgate/templates/";

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "perfgate-demo",
            description = "output folder, default ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "30",
            description = "how long the load runs, default ${DEFAULT-VALUE}")
    int duration;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "8",
            description = "total virtual users over both generators, default ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--quiet", description = "no live progress lines")
    boolean quiet;

    @Option(names = "--jmeter-home", paramLabel = "DIR", description = "use this JMeter installation")
    Path jmeterHome;

    @Option(names = "--cache", paramLabel = "DIR", description = "where the provisioned JMeter is kept")
    Path cache;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (duration < 5 || duration > 600 || threads < 2 || threads > 200) {
            err.println("perfgate demo: --duration must be 5..600 s and --threads 2..200");
            return PerfgateCli.EXIT_USAGE;
        }
        try (StopOnSignal stop = StopOnSignal.install(); DemoTarget target = DemoTarget.start(0)) {
            Path outDir = out.toAbsolutePath();
            Path planDir = outDir.resolve("plan");
            Files.createDirectories(planDir);
            copy(PLAN_RESOURCE, planDir.resolve("demo-plan.yaml"));
            copy(TEMPLATES + "load.jmx", planDir.resolve("load.jmx"));
            RunPlan plan = RunPlanReader.read(planDir.resolve("demo-plan.yaml")).withProperties(Map.of(
                    "host", target.host(), "port", Integer.toString(target.port()),
                    "duration", Integer.toString(duration), "threads", Integer.toString(threads)));
            plan = plan.withTimeLimit(java.time.Duration.ofSeconds(duration + 60L));
            w.println("perfgate demo: demo shop listening on http://" + target.host() + ":" + target.port() + "/");
            JMeterInstallation jmeter = RunSupport.jmeter(Optional.ofNullable(jmeterHome), cache, w);
            RunOutcome outcome = RunSupport.run(plan, jmeter, outDir, quiet, AggregationOptions.defaults(), w,
                    stop);
            int exit = RunSupport.finish(outcome, w);
            judgeAndReport(plan, outcome, outDir, w);
            return exit;
        } catch (PlanException | IOException | IllegalArgumentException e) {
            err.println("perfgate demo: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
    }

    /** The gate's verdict on the plan's criteria (no history yet: absolute criteria) and the HTML report. */
    private static void judgeAndReport(RunPlan plan, RunOutcome outcome, Path outDir, PrintWriter w) {
        Verdict verdict = new Gate(GateOptions.defaults()).judge(
                CriteriaParser.parseAll(String.join("\n", plan.criteria())),
                new HistoryEntry(BuildRef.of(1, System.currentTimeMillis(), BuildResult.UNKNOWN),
                        RunFigures.of(outcome.summary())), History.empty());
        w.println();
        w.print(verdict.format());
        Path report = HtmlReport.write(ReportInput.of(outcome.summary()).withTitle("perfgate demo")
                .withVerdict(verdict), outDir.resolve("report"));
        w.println("report: " + report);
        w.flush();
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing bundled resource " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
