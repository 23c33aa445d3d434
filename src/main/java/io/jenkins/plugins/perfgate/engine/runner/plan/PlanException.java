package io.jenkins.plugins.perfgate.engine.runner.plan;

/** A run plan that cannot be used; the message names the file and the field. */
public final class PlanException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }

    public PlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
