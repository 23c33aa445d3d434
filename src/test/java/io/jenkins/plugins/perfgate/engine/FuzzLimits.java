package io.jenkins.plugins.perfgate.engine;

/**
 * Bounds of one fuzzing run ({@code JAZZER_FUZZ=1}, docs/security.md, Fuzzing) shared by every {@code @FuzzTest}:
 * whichever comes first. The normal test command ignores them: it runs only the seed inputs.
 */
public final class FuzzLimits {

    /**
     * Only a guard against a stuck machine: the executions come first (the slowest target, CSV results, needs ~17
     * minutes on a loaded 2-core machine). Annotation values must be constants, so this is where to raise it.
     */
    public static final String DURATION = "2h";
    public static final long EXECUTIONS = 1_000_000;

    private FuzzLimits() {
    }
}
