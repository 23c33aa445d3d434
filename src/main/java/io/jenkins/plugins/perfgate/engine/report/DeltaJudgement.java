package io.jenkins.plugins.perfgate.engine.report;

/**
 * How a change from the baseline is coloured: by whether it stands out from run-to-run noise, not by its sign. A
 * 3 % slower p95 inside the noise band is grey; red and green only where the change is significant.
 */
public enum DeltaJudgement {
    /** Significantly worse (slower, more errors, less throughput). */
    WORSE("delta-worse", "significantly worse"),
    /** Significantly better. */
    BETTER("delta-better", "significantly better"),
    /** Within run-to-run noise. */
    NOISE("delta-noise", "within noise"),
    /** Noise could not be judged (too little history): shown without colour. */
    UNJUDGED("delta-unjudged", "noise not judged");

    private final String cssClass;
    private final String text;

    DeltaJudgement(String cssClass, String text) {
        this.cssClass = cssClass;
        this.text = text;
    }

    public String cssClass() {
        return cssClass;
    }

    public String text() {
        return text;
    }
}
