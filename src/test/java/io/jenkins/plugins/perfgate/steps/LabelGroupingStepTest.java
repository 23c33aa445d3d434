package io.jenkins.plugins.perfgate.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.perfgate.Jtl;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code perfgatePublish groupPathIds: true, groupQueryStrings: true}: labels that differ only by ids in their path
 * or by a query string are published as one label; without the options each stays a label of its own.
 */
@WithJenkins
class LabelGroupingStepTest {

    private static final String RESULTS = new Jtl().add("GET /items/1", 10, 20, 5, 0)
            .add("GET /items/22", 20, 30, 5, 0).add("GET /items/9f8e7d6c5b?expand=parts", 30, 40, 5, 0)
            .add("GET /about?lang=en", 5, 10, 3, 0).add("GET /about", 5, 10, 3, 0).text().replace("\n", "\\n");

    private static Map<String, Long> publishedCounts(JenkinsRule j, String options) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node {\n  writeFile file: 'r/a.jtl', text: \"" + RESULTS + "\"\n"
                + "  perfgatePublish files: 'r/*.jtl', html: false" + options + "\n}", true));
        WorkflowRun run = j.buildAndAssertSuccess(job);
        Map<String, Long> counts = new TreeMap<>();
        for (LabelFigures f : run.getAction(PerfgateBuildAction.class).getLabels()) {
            counts.put(f.getLabel(), f.getCount());
        }
        return counts;
    }

    @Test
    void pathIdsAndQueryStringsGroupLabelsOnlyWhenAsked(JenkinsRule j) throws Exception {
        assertEquals(Map.of("GET /about", 10L, "GET /items/{id}", 60L),
                publishedCounts(j, ", groupPathIds: true, groupQueryStrings: true"));
        assertEquals(Map.of("GET /about", 5L, "GET /about?lang=en", 5L, "GET /items/{id}", 30L,
                "GET /items/{id}?expand=parts", 30L), publishedCounts(j, ", groupPathIds: true"));
        assertEquals(5, publishedCounts(j, "").size(), "no grouping by default");
    }
}
