package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterInstallation;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

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

    /** The folder of {@code runDir} that holds the generators' folders. */
    private static final String GENERATORS = "generators";
    /** The result file every generator writes in its folder ({@link #removeEarlierResults} deletes it). */
    public static final String RESULTS = "results.jtl";

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

    /**
     * Deletes the result files an earlier run left in {@code runDir}'s generator folders: JMeter appends to an
     * existing result file, so a second run into the same folder would count the first run's samples again.
     *
     * @return the generator folders whose result file was deleted, for a log line
     */
    public static List<String> removeEarlierResults(Path runDir) throws IOException {
        Path generators = runDir.resolve(GENERATORS);
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(generators)) {
            return removed;
        }
        try (Stream<Path> dirs = Files.list(generators)) {
            for (Path dir : dirs.sorted().toList()) {
                if (Files.deleteIfExists(dir.resolve(RESULTS))) {
                    removed.add(String.valueOf(dir.getFileName()));
                }
            }
        }
        return removed;
    }
}
