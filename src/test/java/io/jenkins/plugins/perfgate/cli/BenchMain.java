package io.jenkins.plugins.perfgate.cli;

import picocli.CommandLine;

/**
 * {@code perfgate bench}: the perfgate command line plus the {@code bench} command, whose benchmark classes ship in
 * {@code target/perfgate-bench.jar}, not in the plugin nor in {@code perfgate-cli.jar}. {@code bin/perfgate bench}
 * runs this class with both jars on the class path.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** The perfgate command line with {@code bench} added. */
    public static CommandLine commandLine() {
        return PerfgateCli.commandLine().addSubcommand(new BenchCommand());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
