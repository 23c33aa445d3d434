package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.runner.PlanShares;
import io.jenkins.plugins.perfgate.engine.runner.plan.PlanException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code perfgate split PLAN --count N --out DIR}: one self-contained share of the plan per generator machine. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = {"Cuts a run plan into N self-contained shares (DIR/share-1 ... share-N: template, that "
            + "generator's share of the split properties and data files, a plan for one local JMeter), for N "
            + "machines that each run 'perfgate run DIR/share-i/plan.json'; their summaries merge into the plan's run.",
            "The Jenkins step does this for generators: 'agents:LABEL:N'."})
public final class SplitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PLAN", description = "the run plan (.yaml, .yml or .json)")
    Path planFile;

    @Option(names = "--count", paramLabel = "N", required = true, description = "number of shares (1 to 64)")
    int count;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder of the share folders")
    Path out;

    @Override
    public Integer call() {
        if (count < 1 || count > 64) {
            spec.commandLine().getErr().println("perfgate split: --count " + count + " is not between 1 and 64");
            return PerfgateCli.EXIT_USAGE;
        }
        try {
            List<Path> dirs = PlanShares.write(planFile, count, out);
            spec.commandLine().getOut().println("perfgate: wrote " + dirs.size() + " share(s) of " + planFile
                    + " into " + out);
            return 0;
        } catch (PlanException | IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("perfgate split: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
    }
}
