package io.jenkins.plugins.perfgate.engine.runner.generators;

import io.jenkins.plugins.perfgate.engine.runner.DataFiles;
import io.jenkins.plugins.perfgate.engine.runner.Generator;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorFleet;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorProvider;
import io.jenkins.plugins.perfgate.engine.runner.JMeterProcess;
import io.jenkins.plugins.perfgate.engine.runner.LaunchContext;
import io.jenkins.plugins.perfgate.engine.runner.ResultFile;
import io.jenkins.plugins.perfgate.engine.runner.Shares;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterCommand;
import io.jenkins.plugins.perfgate.engine.runner.plan.GeneratorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code local}: N JMeter JVMs on this machine, generator {@code gen-i} (or as {@code options.name} says) running the template with its share of the
 * split properties and writing its own result file.
 */
public final class LocalGenerators implements GeneratorProvider {

    public static final String TYPE = "local";

    @Override
    public boolean runsLocalJMeter() {
        return true;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public GeneratorFleet start(LaunchContext context) throws IOException {
        GeneratorSpec spec = context.plan().generators();
        int count = spec.count();
        List<ProcessGenerator> generators = new ArrayList<>();
        List<ResultFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = spec.localId(i);
            Path dir = context.generatorDir(id);
            Files.createDirectories(dir);
            Path jtl = dir.resolve(LaunchContext.RESULTS);
            files.add(ResultFile.of(jtl, id));
            try {
                int controlPort = JMeterProcess.freeUdpPort();
                JMeterCommand cmd = context.jmeter().command().heap(spec.heap()).jvmOptions(spec.jvmArgs()).plan(context.testPlan())
                        .results(jtl).log(dir.resolve("jmeter.log"))
                        .properties(context.properties())
                        .properties(Shares.share(context.properties(), context.plan().splitProperties(), i, count))
                        .properties(DataFiles.ship(context.plan().dataFiles(), dir, i, count))
                        .property("jmeterengine.nongui.port", Integer.toString(controlPort))
                        .property("jmeterengine.nongui.maxport", Integer.toString(controlPort))
                        .property("perfgate.generator", id)
                        .propertyFile(context.secretPropertyFile());
                JMeterProcess process = JMeterProcess.start(id, cmd.nonGui(), dir, dir.resolve("stdout.log"),
                        dir.resolve("jmeter.log"), controlPort, Map.of());
                generators.add(ProcessGenerator.running(id, process));
            } catch (IOException | RuntimeException e) {
                context.log().accept("generator " + id + " could not start: " + e.getMessage());
                generators.add(ProcessGenerator.failedToStart(id, e.toString()));
            }
        }
        return new ProcessFleet(generators, List.copyOf(generators), files);
    }
}
