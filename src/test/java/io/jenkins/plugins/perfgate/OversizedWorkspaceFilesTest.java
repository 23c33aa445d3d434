package io.jenkins.plugins.perfgate;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.perfgate.agent.AgentFiles;
import io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A workspace file larger than the controller reads fails the build with a message naming it, before any run. */
@WithJenkins
class OversizedWorkspaceFilesTest {

    @Test
    void aRunPlanOverTheBoundFailsTheBuildNamingIt(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("big-plan");
        StringBuilder plan = new StringBuilder("template: perf/load.jmx\n");
        while (plan.length() <= AgentFiles.MAX_PLAN_BYTES) {
            plan.append("# padding padding padding padding padding padding padding padding padding padding\n");
        }
        j.jenkins.getWorkspaceFor(p).child("perf/plan.yaml").write(plan.toString(), "UTF-8");
        PerformanceTestBuilder b = new PerformanceTestBuilder();
        b.setPlan("perf/plan.yaml");
        p.getBuildersList().add(b);
        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("perfgate: run plan ", build);
        j.assertLogContains("plan.yaml holds more than " + AgentFiles.MAX_PLAN_BYTES + " bytes", build);
    }
}
