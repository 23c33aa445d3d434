package io.jenkins.plugins.perfgate.model;

import io.jenkins.plugins.perfgate.engine.gate.Playbook;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One criterion's outcome for one label as a build keeps it (already formatted by the engine's verdict): small,
 * plain, XStream-friendly.
 */
public final class GateLine implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String criterion;
    private final String label;
    private final String severity;
    private final String outcome;
    private final String value;
    private final String threshold;
    private final String baseline;
    private final String detail;

    public GateLine(String criterion, String label, String severity, String outcome, String value, String threshold,
            String baseline, String detail) {
        this.criterion = criterion;
        this.label = label;
        this.severity = severity;
        this.outcome = outcome;
        this.value = value;
        this.threshold = threshold;
        this.baseline = baseline;
        this.detail = detail;
    }

    public String getCriterion() {
        return criterion;
    }

    public String getLabel() {
        return label;
    }

    public String getSeverity() {
        return severity;
    }

    /** PASS, WARN, UNSTABLE, FAIL or SKIPPED as the engine said. */
    public String getOutcome() {
        return outcome;
    }

    public String getValue() {
        return value;
    }

    public String getThreshold() {
        return threshold;
    }

    public String getBaseline() {
        return baseline;
    }

    public String getDetail() {
        return detail;
    }

    public boolean isPassed() {
        return "PASS".equals(outcome);
    }

    /**
     * What to check first when this line failed or made the build unstable (docs/playbooks/, found from the
     * criterion as written, so builds recorded before playbooks existed get it too); null otherwise.
     */
    public Playbook getPlaybook() {
        if (!"FAIL".equals(outcome) && !"UNSTABLE".equals(outcome)) {
            return null;
        }
        return Playbook.forCriterion(criterion).orElse(null);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("criterion", criterion);
        m.put("label", label);
        m.put("severity", severity);
        m.put("outcome", outcome);
        m.put("value", value);
        m.put("threshold", threshold);
        m.put("baseline", baseline);
        m.put("detail", detail);
        return m;
    }
}
