package io.jenkins.plugins.perfgate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the run plan the command line executes: the user's plan file as is, or one made from the step's inline
 * settings (inline values override the plan's). Only translates settings into the runner's plan format.
 */
final class RunPlans {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunPlans() {
    }

    /** Writes the plan to {@code target} and returns a title for logs and pages. */
    static String write(TestSettings s, EnvVars env, FilePath ws, FilePath target)
            throws IOException, InterruptedException {
        String plan = env.expand(s.plan);
        String template = env.expand(s.template);
        if (plan.isEmpty() && template.isEmpty()) {
            throw new AbortException("perfgate: give a run plan (plan: 'perf/plan.yaml') or a template "
                    + "(template: 'perf/load.jmx')");
        }
        ObjectNode root = JSON.createObjectNode();
        if (!plan.isEmpty()) {
            FilePath p = ws.child(plan);
            if (!p.exists()) {
                throw new AbortException("perfgate: run plan " + plan + " is not in the workspace");
            }
            root.put("extends", p.getRemote());
        }
        if (!template.isEmpty()) {
            FilePath t = ws.child(template);
            if (!t.exists()) {
                throw new AbortException("perfgate: template " + template + " is not in the workspace");
            }
            root.put("template", t.getRemote());
        }
        ObjectNode props = root.putObject("properties");
        for (Map.Entry<String, String> e : s.parsedProperties().entrySet()) {
            props.put(e.getKey(), env.expand(e.getValue()));
        }
        if (!s.generators.isEmpty() || plan.isEmpty()) {
            root.put("generators", s.effectiveGenerators());
        }
        if (s.duration > 0) {
            root.put("durationSeconds", s.duration);
        }
        if (s.timeLimit > 0) {
            root.put("timeLimitSeconds", s.timeLimit);
        }
        if (s.apdexT > 0) {
            root.put("apdexT", s.apdexT);
        }
        String jmeterHome = PerfgateConfiguration.get().getJmeterHome();
        if (!jmeterHome.isEmpty()) {
            root.put("jmeterHome", env.expand(jmeterHome));
        }
        target.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8.name());
        return !template.isEmpty() ? template : plan;
    }
}
