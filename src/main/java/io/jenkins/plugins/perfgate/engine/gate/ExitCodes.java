package io.jenkins.plugins.perfgate.engine.gate;

/**
 * The exit codes of the perfgate command line, defined once: the gate's verdicts map to them ({@link GateResult}),
 * and the CLI's commands and help texts refer to them (docs/cli.md, docs/gate.md).
 */
public final class ExitCodes {

    /** The gate passed (or, without criteria, the run completed). */
    public static final int PASS = 0;
    /** The gate failed, or a run did not complete. */
    public static final int FAIL = 1;
    /** A usage error (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** Unreadable or invalid input: summaries, criteria, plans, history. */
    public static final int INVALID_INPUT = 3;
    /** The gate's verdict is unstable. */
    public static final int UNSTABLE = 4;

    /** The gate's codes as the help of {@code perfgate gate} lists them (a constant: annotations need one). */
    public static final String GATE_HELP = PASS + " pass, " + FAIL + " fail, " + UNSTABLE + " unstable, "
            + INVALID_INPUT + " invalid input";

    private ExitCodes() {
    }
}
