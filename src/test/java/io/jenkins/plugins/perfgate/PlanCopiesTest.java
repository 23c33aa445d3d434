package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The temporary copy of a run plan with step overrides, written beside the user's plan, never stays behind: not
 * after a failed run, and a copy left by an earlier build that never finished goes with the job's next run.
 */
@WithJenkins
class PlanCopiesTest {

    @Test
    void copiesOfThisJobsFinishedBuildsAreRemovedAndTheRunsOwnToo(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("copies");
        FilePath perf = j.jenkins.getWorkspaceFor(p).child("perf");
        perf.child("plan.yaml").write("template: missing.jmx\n", "UTF-8"); // the run fails fast: no template
        FilePath stale = perf.child(".plan.yaml.copies-99.perfgate.json");
        stale.write("{}", "UTF-8"); // left by a build #99 the controller never finished
        FilePath otherJob = perf.child(".plan.yaml.other-5.perfgate.json");
        otherJob.write("{}", "UTF-8");
        PerformanceTestBuilder b = new PerformanceTestBuilder();
        b.setPlan("perf/plan.yaml");
        b.setProperties("threads=1"); // an override: the step writes a copy beside the plan
        p.getBuildersList().add(b);
        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("removed .plan.yaml.copies-99.perfgate.json, a plan copy left by build #99", build);
        assertFalse(stale.exists(), "the stale copy is gone");
        assertFalse(perf.child(".plan.yaml.copies-1.perfgate.json").exists(), "the run's own copy is gone");
        assertTrue(otherJob.exists(), "another job's copy is not this job's to remove");
    }
}
