package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.Page;
import org.jenkinsci.plugins.workflow.actions.LabelAction;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The gate's signals in a Declarative Pipeline: an UNSTABLE verdict marks its stage with a warning, a FAIL names the
 * failed criteria, the verdict is in the REST API and the history downloads as CSV and JSON (permission-checked,
 * formula cells quoted).
 */
@WithJenkins
class PipelineSignalsTest {

    private static String jtl(long millis) {
        return new Jtl().add("api", 100, millis, 10, 0).add("=SUM(A1)", 20, millis, 5, 0).text();
    }

    /** Build 1 answers in ~100 ms, later builds in ~200 ms. */
    private static String declarative(String criteria) {
        return "def FAST = '''" + jtl(100) + "'''\n"
                + "def SLOW = '''" + jtl(200) + "'''\n"
                + "pipeline {\n"
                + "  agent any\n"
                + "  stages {\n"
                + "    stage('load') { steps { script { writeFile file: 'results/run.jtl', "
                + "text: (env.BUILD_NUMBER == '1' ? FAST : SLOW) } } }\n"
                + "    stage('gate') {\n"
                + "      when { expression { return true } }\n"
                + "      steps { perfgatePublish files: 'results/*.jtl', html: false, baseline: 'previous', "
                + "criteria: '" + criteria + "' }\n"
                + "    }\n"
                + "    stage('never') {\n      when { expression { return false } }\n"
                + "      steps { perfgatePublish files: 'no/*.jtl' }\n    }\n"
                + "  }\n"
                + "  post { always { perfgatePublish id: 'post', files: 'results/*.jtl', html: false } }\n"
                + "}\n";
    }

    private static WorkflowJob job(JenkinsRule j, String name, String criteria) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(declarative(criteria), true));
        return p;
    }

    /** The warnings on the flow nodes of a stage's steps, by the stage's name. */
    private static List<WarningAction> warningsIn(WorkflowRun run) {
        return new DepthFirstScanner().allNodes(run.getExecution()).stream()
                .map(n -> n.getPersistentAction(WarningAction.class)).filter(java.util.Objects::nonNull).toList();
    }

    private static boolean stageHasWarning(WorkflowRun run, String stage) {
        for (FlowNode n : new DepthFirstScanner().allNodes(run.getExecution())) {
            if (n.getPersistentAction(WarningAction.class) != null) {
                for (FlowNode enclosing : n.iterateEnclosingBlocks()) {
                    LabelAction l = enclosing.getPersistentAction(LabelAction.class);
                    if (l != null && stage.equals(l.getDisplayName())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void unstableMarksTheStageFailNamesTheCriteriaAndTheVerdictIsInTheRestApi(JenkinsRule j) throws Exception {
        WorkflowJob p = job(j, "decl", "p95 vs baseline < +20% => unstable; error% < 1");
        j.buildAndAssertSuccess(p);
        WorkflowRun r2 = j.buildAndAssertStatus(Result.UNSTABLE, p);
        assertTrue(stageHasWarning(r2, "gate"), "the gate stage carries the warning");
        WarningAction w = warningsIn(r2).get(0);
        assertEquals(Result.UNSTABLE, w.getResult());
        assertTrue(w.getMessage().startsWith("perfgate: performance gate unstable: p95 vs baseline < +20%"),
                w.getMessage());
        PerfgateBuildAction post = r2.getActions(PerfgateBuildAction.class).stream()
                .filter(a -> a.getId().equals("post")).findFirst().orElseThrow();
        assertEquals("PASS", post.getVerdict(), "post { always } published its own result (default criteria)");

        JenkinsRule.WebClient wc = j.createWebClient();
        JSONObject api = JSONObject.fromObject(wc.goTo("job/decl/2/perfgate/api/json", "application/json")
                .getWebResponse().getContentAsString());
        assertEquals("UNSTABLE", api.getString("verdict"));
        assertEquals("previous build #1", api.getString("baseline"));
        assertEquals(1, api.getInt("baselineBuild"));
        PerfgateBuildAction gate = r2.getAction(PerfgateBuildAction.class);
        assertEquals(gate.getOverall().getP95(), api.getJSONObject("overall").getLong("p95"));
        assertEquals(120, api.getJSONObject("overall").getLong("count"));
        JSONArray criteria = api.getJSONArray("criteria");
        assertEquals("UNSTABLE", criteria.getJSONObject(0).getString("outcome"));
        assertEquals("p95 vs baseline < +20% => unstable", criteria.getJSONObject(0).getString("criterion"));
        assertTrue(api.getJSONObject("labels").has("api"));
        assertEquals("PASS", JSONObject.fromObject(wc.goTo("job/decl/2/perfgate-post/api/json", "application/json")
                .getWebResponse().getContentAsString()).getString("verdict"));

        String csv = wc.goTo("job/decl/perfgate/historyCsv", "text/csv").getWebResponse().getContentAsString();
        assertTrue(csv.contains("'=SUM(A1)"), "a label a spreadsheet would run is quoted: " + csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("api,2,")), csv);
        JSONObject history = JSONObject.fromObject(wc.goTo("job/decl/perfgate/historyJson", "application/json")
                .getWebResponse().getContentAsString());
        assertNotNull(history);

        // a FAIL stops the build and names the failed criterion
        WorkflowJob failing = job(j, "failing", "p95 < 1ms");
        WorkflowRun f = j.buildAndAssertStatus(Result.FAILURE, failing);
        j.assertLogContains("perfgate: performance gate failed: p95 < 1ms: ", f);

        // the downloads check the job's read permission
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy().grant(Jenkins.READ).everywhere()
                .to("bob", "eve").grant(Item.READ).onItems(p).to("bob"));
        JenkinsRule.WebClient eve = j.createWebClient().login("eve");
        eve.setThrowExceptionOnFailingStatusCode(false);
        Page denied = eve.goTo("job/decl/perfgate/historyCsv", "text/html");
        assertEquals(404, denied.getWebResponse().getStatusCode(), "the job is invisible without Item/Read");
        assertEquals(200, j.createWebClient().login("bob").goTo("job/decl/perfgate/historyCsv", "text/csv")
                .getWebResponse().getStatusCode());
    }
}
