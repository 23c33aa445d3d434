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
        return runDir.resolve(GENERATORS).resolve(id.replace(':', '_'));
    }

    /** The folder of {@code runDir} that holds the generators' folders. */
    private static final String GENERATORS = "generators";
    /** The result file every generator writes in its folder. */
    public static final String RESULTS = "results.jtl";

    /**
     * Deletes the result files an earlier run left in {@code runDir}'s generator folders: JMeter appends to an
     * existing result file, so a second run into the same folder would count the first run's samples again.
     *
     * @return the generator folders whose result file was deleted, for a log line
     */
    public static java.util.List<String> removeEarlierResults(Path runDir) throws java.io.IOException {
        Path generators = runDir.resolve(GENERATORS);
        java.util.List<String> removed = new java.util.ArrayList<>();
        if (!java.nio.file.Files.isDirectory(generators)) {
            return removed;
        }
        try (java.util.stream.Stream<Path> dirs = java.nio.file.Files.list(generators)) {
            for (Path dir : dirs.sorted().toList()) {
                if (java.nio.file.Files.deleteIfExists(dir.resolve(RESULTS))) {
                    removed.add(String.valueOf(dir.getFileName()));
                }
            }
        }
        return removed;
    }
}
