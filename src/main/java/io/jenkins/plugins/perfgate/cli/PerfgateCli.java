package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.gate.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The perfgate command line: {@code perfgate <command> ...}. Subcommands live beside this class. */
@Command(name = "perfgate", mixinStandardHelpOptions = true, versionProvider = PerfgateVersion.class,
        description = "Load tests as a release gate: run JMeter templates, summarise, compare, gate.",
        subcommands = {CommandLine.HelpCommand.class, ReportCommand.class, RunCommand.class, DemoCommand.class,
            GateCommand.class, HistoryCommand.class, RetroCommand.class, NoteCommand.class, WorkloadCommand.class,
            CalibrateCommand.class, CompareCommand.class, SplitCommand.class})
public final class PerfgateCli {

    // the codes are defined in the engine (ExitCodes); these names keep the commands readable

    /** Exit code for a failed gate. */
    public static final int EXIT_FAIL = ExitCodes.FAIL;
    /** Exit code for an unstable gate verdict. */
    public static final int EXIT_UNSTABLE = ExitCodes.UNSTABLE;
    /** Exit code for a usage error. */
    public static final int EXIT_USAGE = ExitCodes.USAGE;
    /** Exit code for unreadable or invalid input. */
    public static final int EXIT_INVALID_INPUT = ExitCodes.INVALID_INPUT;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PerfgateCli());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return EXIT_USAGE;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
