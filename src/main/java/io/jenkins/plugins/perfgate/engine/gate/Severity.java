package io.jenkins.plugins.perfgate.engine.gate;

import java.util.Locale;

/** What a violated criterion does to the verdict: fail it, make it unstable, or only warn. */
public enum Severity {
    FAIL, UNSTABLE, WARN;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a violated criterion of this severity. */
    public Outcome outcome() {
        return switch (this) {
            case FAIL -> Outcome.FAIL;
            case UNSTABLE -> Outcome.UNSTABLE;
            case WARN -> Outcome.WARN;
        };
    }
}
