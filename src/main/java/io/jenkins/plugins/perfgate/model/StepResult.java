package io.jenkins.plugins.perfgate.model;

import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The map a Pipeline step returns for a build's result: verdict, figures per label, criteria, summary path. */
final class StepResult {

    private StepResult() {
    }

    static Map<String, Object> of(PerfgateBuildAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.getId());
        m.put("verdict", a.getVerdict());
        m.put("status", a.getStatus());
        m.put("statusReason", a.getStatusReason());
        m.put("samples", a.getSamples());
        m.put("overall", a.getOverall() == null ? Map.of() : a.getOverall().toMap());
        Map<String, Object> perLabel = new LinkedHashMap<>();
        for (LabelFigures f : a.getLabels()) {
            perLabel.put(f.getLabel(), f.toMap());
        }
        m.put("labels", perLabel);
        m.put("baseline", a.getBaselineDescription());
        List<Object> lines = new ArrayList<>();
        for (GateLine g : a.getCriteria()) {
            lines.add(g.toMap());
        }
        m.put("criteria", lines);
        m.put("summary", a.getWorkspaceSummary());
        if (a.getRun() != null) {
            m.put("reportUrl", a.getRun().getUrl() + a.getUrlName() + "/");
        }
        return m;
    }
}
