package io.jenkins.plugins.perfgate.engine.gate;

import java.util.Locale;

/** The effect of one verdict line, ordered from harmless to worst. */
public enum Outcome {
    PASS, WARN, UNSTABLE, FAIL;

    public Outcome worst(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
