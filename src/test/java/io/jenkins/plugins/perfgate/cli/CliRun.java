package io.jenkins.plugins.perfgate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process call of the perfgate command line, as the tests see it: exit code, standard output and error. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        return of(PerfgateCli.commandLine(args), args);
    }

    /** A call of {@code perfgate bench} (the benchmark jar's command line, {@link BenchMain}). */
    static CliRun ofBench(String... args) {
        return of(BenchMain.commandLine(), args);
    }

    private static CliRun of(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
