package io.jenkins.plugins.perfgate.engine.gate;

import java.util.Locale;

/** The verdict of the gate, with the CLI's exit code for it ({@link ExitCodes}: 0 pass, 1 fail, 4 unstable). */
public enum GateResult {
    PASS(ExitCodes.PASS), UNSTABLE(ExitCodes.UNSTABLE), FAIL(ExitCodes.FAIL);

    private final int exitCode;

    GateResult(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Warnings do not change a pass. */
    public static GateResult of(Outcome worst) {
        return switch (worst) {
            case PASS, WARN -> PASS;
            case UNSTABLE -> UNSTABLE;
            case FAIL -> FAIL;
        };
    }

    /** The build result a history records for a build judged so. */
    public io.jenkins.plugins.perfgate.engine.history.BuildResult buildResult() {
        return switch (this) {
            case PASS -> io.jenkins.plugins.perfgate.engine.history.BuildResult.SUCCESS;
            case UNSTABLE -> io.jenkins.plugins.perfgate.engine.history.BuildResult.UNSTABLE;
            case FAIL -> io.jenkins.plugins.perfgate.engine.history.BuildResult.FAILURE;
        };
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
