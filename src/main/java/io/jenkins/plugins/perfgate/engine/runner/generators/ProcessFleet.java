package io.jenkins.plugins.perfgate.engine.runner.generators;

import io.jenkins.plugins.perfgate.engine.runner.Generator;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorFleet;
import io.jenkins.plugins.perfgate.engine.runner.JMeterProcess;
import io.jenkins.plugins.perfgate.engine.runner.ResultFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A fleet of local JMeter processes: {@code producers} write the results (the generators themselves, or a
 * distributed-mode controller), {@code generators} are what the runner reports on.
 */
final class ProcessFleet implements GeneratorFleet {

    private final List<? extends Generator> generators;
    private final List<ProcessGenerator> processes;
    private final List<ResultFile> files;
    private final List<JMeterProcess> producers;
    private final BooleanSupplier stranded;
    private volatile long strandedSince;

    /**
     * @param generators what is reported
     * @param processes  every process started (killed on close)
     * @param files      result files
     */
    ProcessFleet(List<? extends Generator> generators, List<ProcessGenerator> processes, List<ResultFile> files) {
        this(generators, processes, files, processes.stream().map(ProcessGenerator::process)
                .filter(Objects::nonNull).toList());
    }

    ProcessFleet(List<? extends Generator> generators, List<ProcessGenerator> processes, List<ResultFile> files,
            List<JMeterProcess> producers) {
        this(generators, processes, files, producers, () -> false);
    }

    /**
     * @param stranded whether the producers wait for something that will never come (a distributed controller
     *                 waiting for a dead server); then they are asked to stop and the fleet counts as finished
     *                 once they exit or after {@value #STRANDED_GRACE_MILLIS} ms
     */
    ProcessFleet(List<? extends Generator> generators, List<ProcessGenerator> processes, List<ResultFile> files,
            List<JMeterProcess> producers, BooleanSupplier stranded) {
        this.generators = List.copyOf(generators);
        this.processes = List.copyOf(processes);
        this.files = List.copyOf(files);
        this.producers = List.copyOf(producers);
        this.stranded = stranded;
    }

    static final long STRANDED_GRACE_MILLIS = 5_000;

    @Override
    public List<Generator> generators() {
        return List.copyOf(generators);
    }

    @Override
    public List<ResultFile> resultFiles() {
        return files;
    }

    @Override
    public boolean finished() {
        if (producers.stream().noneMatch(JMeterProcess::alive)) {
            return true;
        }
        if (strandedSince == 0 && stranded.getAsBoolean()) {
            strandedSince = System.currentTimeMillis();
            requestStop();
        }
        return strandedSince != 0 && System.currentTimeMillis() - strandedSince > STRANDED_GRACE_MILLIS;
    }

    @Override
    public void requestStop() {
        producers.forEach(JMeterProcess::requestStop);
    }

    @Override
    public void kill() {
        for (ProcessGenerator g : processes) {
            if (g.process() != null && g.process().alive()) {
                g.markKilledByUs();
                g.process().killTree();
            }
        }
    }

    @Override
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (ProcessGenerator g : processes) {
            if (g.process() != null) {
                pids.add(g.process().pid());
            }
        }
        return pids;
    }
}
