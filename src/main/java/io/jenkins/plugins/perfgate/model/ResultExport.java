package io.jenkins.plugins.perfgate.model;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * What Jenkins' REST API shows of a build's perfgate result ({@code .../42/perfgate[-ID]/api/json}): verdict, run
 * status, the baseline compared with, the key figures overall and per label (and the baseline's), and every criteria
 * line with its outcome. Read-only view of {@link PerfgateBuildAction}; the API's own permission check (the build's
 * Item/Read) applies.
 */
@ExportedBean(defaultVisibility = 2)
public final class ResultExport {

    private final PerfgateBuildAction a;

    ResultExport(PerfgateBuildAction a) {
        this.a = a;
    }

    /** The result id; empty for the result without id. */
    @Exported
    public String getId() {
        return a.getId();
    }

    /** PASS, UNSTABLE, FAIL or NONE. */
    @Exported
    public String getVerdict() {
        return a.getVerdict();
    }

    @Exported
    public String getStatus() {
        return a.getStatus();
    }

    @Exported
    public String getStatusReason() {
        return a.getStatusReason();
    }

    @Exported
    public long getSamples() {
        return a.getSamples();
    }

    /** Which baseline the verdict compared with ({@code median of 5 passing builds (...)}), or why there was none. */
    @Exported
    public String getBaseline() {
        return a.getBaselineDescription();
    }

    /** The baseline's build in this job (the newest of a median's), 0 when none or another job's. */
    @Exported
    public int getBaselineBuild() {
        return a.getBaselineBuild();
    }

    @Exported
    public String getCriteriaText() {
        return a.getCriteriaText();
    }

    @Exported
    public String getBaselinePolicy() {
        return a.getBaselinePolicy();
    }

    /** Key figures of all samples ({@code p95}, {@code rps}, {@code error%}, ...). */
    @Exported
    public Map<String, Object> getOverall() {
        return a.getOverall() == null ? Map.of() : finite(a.getOverall().toMap());
    }

    /** Key figures per label. */
    @Exported
    public Map<String, Object> getLabels() {
        return byLabel(a.getLabels());
    }

    /** The baseline's key figures of all samples; empty without a baseline. */
    @Exported
    public Map<String, Object> getBaselineOverall() {
        return a.getBaselineOverall() == null ? Map.of() : finite(a.getBaselineOverall().toMap());
    }

    /** Each criteria line: criterion, label, severity, outcome, value, threshold, baseline, detail. */
    @Exported
    public List<Map<String, Object>> getCriteria() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (GateLine g : a.getCriteria()) {
            out.add(g.toMap());
        }
        return out;
    }

    /** JSON has no NaN or infinity: a figure that is not a number (no samples, no Apdex) is null. */
    private static Map<String, Object> finite(Map<String, Object> figures) {
        Map<String, Object> m = new LinkedHashMap<>();
        figures.forEach((k, v) -> m.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return m;
    }

    private static Map<String, Object> byLabel(List<LabelFigures> figures) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (LabelFigures f : figures) {
            m.put(f.getLabel(), finite(f.toMap()));
        }
        return m;
    }
}
