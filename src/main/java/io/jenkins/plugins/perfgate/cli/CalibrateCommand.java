package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.compare.RunFigures;
import io.jenkins.plugins.perfgate.engine.gate.Calibration;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code perfgate calibrate}: A/A calibration from k runs of the same build. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "A/A calibration: from k run summaries of the same build, the run-to-run noise per label and "
                + "suggested tolerances for 'vs baseline' criteria.")
public final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SUMMARY.json", description = "summaries of runs of the same build")
    List<Path> summaries;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RunFigures> runs = new ArrayList<>();
        for (Path p : summaries) {
            try {
                RunSummary s = SummaryJson.read(p);
                if (s.status() != RunStatus.COMPLETE) {
                    err.println("warning: " + p + " is " + s.status() + ": left out of the calibration");
                    continue;
                }
                runs.add(RunFigures.of(s));
            } catch (IOException | RuntimeException e) {
                err.println("perfgate calibrate: cannot read " + p + ": " + GateCommand.firstLine(e.getMessage()));
                return PerfgateCli.EXIT_INVALID_INPUT;
            }
        }
        try {
            out.print(Calibration.of(runs, Calibration.DEFAULT_METRICS).format());
            out.flush();
        } catch (IllegalArgumentException e) {
            err.println("perfgate calibrate: " + e.getMessage());
            return PerfgateCli.EXIT_INVALID_INPUT;
        }
        return 0;
    }
}
