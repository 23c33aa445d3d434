package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.gate.ExitCodes;
import io.jenkins.plugins.perfgate.engine.runner.PlanRunner;
import io.jenkins.plugins.perfgate.engine.runner.SecretProperties;
import io.jenkins.plugins.perfgate.engine.runner.RunOutcome;
import io.jenkins.plugins.perfgate.engine.runner.generators.BuiltInGenerators;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.AddonProvisioner;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.ArtifactFetcher;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterInstallation;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterProvisioner;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** What {@code perfgate run} and {@code perfgate demo} share: JMeter lookup, Ctrl-C handling, the final table. */
final class RunSupport {

    /** Exit code when the run ended but not COMPLETE (timed out, aborted, a generator failed, no results). */
    static final int EXIT_RUN_NOT_COMPLETE = ExitCodes.FAIL;

    private RunSupport() {
    }

    static JMeterInstallation jmeter(Optional<Path> home, Path cache, PrintWriter out) throws IOException {
        return JMeterInstallation.locate(home, cache == null ? JMeterProvisioner.defaultCacheRoot() : cache,
                line -> {
                    out.println("perfgate: " + line);
                    out.flush();
                });
    }

    /**
     * The installation with the plan's plugins and libraries resolved into the cache (nothing is downloaded when the
     * plan names none, or when the JMeter home already has them).
     */
    static JMeterInstallation withAddons(JMeterInstallation jmeter, RunPlan plan, Path cache, PrintWriter out)
            throws IOException {
        if (plan.jmeterPlugins().isEmpty() && plan.libraries().isEmpty()) {
            return jmeter;
        }
        java.util.function.Consumer<String> log = line -> {
            out.println("perfgate: " + line);
            out.flush();
        };
        Path root = cache == null ? JMeterProvisioner.defaultCacheRoot() : cache;
        return jmeter.withAddons(new AddonProvisioner(root, ArtifactFetcher.standard(log), log)
                .provision(jmeter.home(), plan.jmeterPlugins(), plan.libraries()));
    }

    /** Runs the plan; Ctrl-C (or SIGTERM) stops every generator before the JVM exits ({@link StopOnSignal}). */
    static RunOutcome run(RunPlan plan, JMeterInstallation jmeter, Path outDir, boolean quiet,
            AggregationOptions aggregation, PrintWriter out, StopOnSignal stop) throws IOException {
        return run(plan, jmeter, outDir, quiet, aggregation, out, stop, false);
    }

    /** As above, with {@link PlanRunner#withWindowLines} when {@code windowLines}. */
    static RunOutcome run(RunPlan plan, JMeterInstallation jmeter, Path outDir, boolean quiet,
            AggregationOptions aggregation, PrintWriter out, StopOnSignal stop, boolean windowLines)
            throws IOException {
        PlanRunner runner = new PlanRunner(plan, BuiltInGenerators.providers(), jmeter, outDir, line -> {
            out.println(line);
            out.flush();
        }, quiet).withAggregation(aggregation)
                .withSecretProperties(SecretProperties.fromEnvironment(System.getenv())).withWindowLines(windowLines);
        stop.running(runner);
        return runner.run();
    }

    static int finish(RunOutcome outcome, PrintWriter out) {
        out.println();
        out.print(ConsoleLabelTable.render(outcome.summary()));
        out.println("status: " + outcome.status() + (outcome.reason().isEmpty() ? "" : " (" + outcome.reason() + ")"));
        out.println("summary: " + outcome.summaryFile());
        out.flush();
        return outcome.status() == RunStatus.COMPLETE ? ExitCodes.PASS : EXIT_RUN_NOT_COMPLETE;
    }
}
