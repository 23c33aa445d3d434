package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterInstallation;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a {@link GeneratorProvider} needs to start a run.
 *
 * @param plan       the run plan
 * @param jmeter     the JMeter to run
 * @param testPlan   the .jmx to run (the template, possibly with perfgate's additions)
 * @param runDir     folder for this run's files; generator {@code i} uses {@code runDir/generators/<id>}
 * @param properties JMeter properties every generator gets (template properties, recording settings), before
 *                   the split properties are replaced by each generator's share ({@link Shares})
 * @param log        progress and problem lines
 * @param secretPropertyFile JMeter properties that are secrets ({@link SecretProperties}): a private file every
 *                   generator reads ({@code -q}, {@code -G} for existing servers), never values on a command line
 */
public record LaunchContext(RunPlan plan, JMeterInstallation jmeter, Path testPlan, Path runDir,
        Map<String, String> properties, Consumer<String> log, java.util.Optional<Path> secretPropertyFile) {

    public LaunchContext {
        properties = Map.copyOf(properties);
    }

    /** A context without secret properties. */
    public LaunchContext(RunPlan plan, JMeterInstallation jmeter, Path testPlan, Path runDir,
            Map<String, String> properties, Consumer<String> log) {
        this(plan, jmeter, testPlan, runDir, properties, log, java.util.Optional.empty());
    }

    public Path generatorDir(String id) {
        return runDir.resolve("generators").resolve(id.replace(':', '_'));
    }
}
