package io.jenkins.plugins.perfgate;

import hudson.FilePath;
import hudson.model.Result;
import java.io.File;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code performanceTest} with a plan naming a class the provisioned JMeter lacks: the build fails before any load,
 * and its log names the element, its path in the plan and the missing class ({@code PlanClassCheck}).
 */
@WithJenkins
class PlanClassCheckJenkinsTest {

    @Test
    void aPlanWithAMissingClassFailsTheBuildNamingIt(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "missing-class");
        FilePath ws = j.jenkins.getWorkspaceFor(job);
        ws.child("perf/vendor.jmx").copyFrom(new FilePath(new File(
                "src/test/resources/io/jenkins/plugins/perfgate/cli/unknown-class-plan.jmx")));
        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  performanceTest template: 'perf/vendor.jmx'\n"
                + "  echo 'after the run'\n"
                + "}", true));
        WorkflowRun r = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("the test plan needs 1 class this JMeter does not have; nothing was run", r);
        j.assertLogContains("'vendor sampler' (unknown > users > vendor sampler) needs "
                + "com.example.perfgate.NoSuchSampler", r);
        j.assertLogNotContains("after the run", r);
    }
}
