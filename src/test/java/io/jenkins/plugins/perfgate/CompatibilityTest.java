package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Run;
import io.jenkins.plugins.perfgate.config.GeneratorPool;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.jvnet.hudson.test.recipes.LocalData;

/**
 * What the version before the Jenkins layer was split into packages stored (commit b11c833: its global
 * configuration, a freestyle job with the builder and the recorder and two builds, a Pipeline build with a result
 * id, and their history indexes, in this test's resources) still loads: settings, build records and history.
 */
@WithJenkins
class CompatibilityTest {

    @Test
    @LocalData
    void storedFilesOfEarlierVersionsLoad(JenkinsRule j) throws Exception {
        PerfgateConfiguration c = PerfgateConfiguration.get();
        assertEquals("error% < 5", c.getDefaultCriteria());
        assertEquals("median:3", c.getDefaultBaseline());
        List<GeneratorPool> pools = c.getGeneratorPools();
        assertEquals(2, pools.size());
        assertEquals("local:3", pools.get(0).toSpec());
        assertEquals("servers:127.0.0.5:1099", pools.get(1).toSpec());

        FreeStyleProject free = j.jenkins.getItemByFullName("free", FreeStyleProject.class);
        assertNotNull(free, "the freestyle job loads");
        PerformanceTestBuilder builder = free.getBuildersList().get(PerformanceTestBuilder.class);
        assertNotNull(builder, "the builder loads from config.xml");
        assertEquals("perf/load.jmx", builder.getTemplate());
        assertEquals("local:2", builder.getGenerators());
        assertEquals("api", builder.getId());
        assertEquals("p95 < 800ms", builder.getCriteria());
        PerfgateRecorder recorder = free.getPublishersList().get(PerfgateRecorder.class);
        assertNotNull(recorder, "the recorder loads from config.xml");
        assertEquals("results/*.jtl", recorder.getFiles());
        assertEquals("previous", recorder.getBaseline());

        Run<?, ?> b2 = free.getBuildByNumber(2);
        PerfgateBuildAction a = b2.getAction(PerfgateBuildAction.class);
        assertNotNull(a, "the build action loads from build.xml");
        assertEquals("PASS", a.getVerdict());
        assertEquals(150, a.getOverall().getCount());
        assertEquals(242, a.getOverall().getP95());
        assertEquals(2, a.getLabels().size());
        assertEquals("home", a.getLabels().get(0).getLabel());
        assertEquals(150, a.getBaselineOverall().getCount());
        assertTrue(a.getCriteria().size() >= 2, "criteria lines load");
        assertEquals(2, new JobHistoryStore(free, "").load().entries().size(), "the history index reads");

        WorkflowJob pipe = j.jenkins.getItemByFullName("pipe", WorkflowJob.class);
        PerfgateBuildAction web = pipe.getBuildByNumber(1).getAction(PerfgateBuildAction.class);
        assertNotNull(web, "the Pipeline build's action with an id loads");
        assertEquals("web", web.getId());
        assertEquals("perfgate-web", web.getUrlName());
        assertEquals(1, new JobHistoryStore(pipe, "web").load().entries().size());

        // and the pages render from what was loaded
        JenkinsRule.WebClient wc = j.createWebClient();
        assertTrue(wc.getPage(b2, "perfgate/").asNormalizedText().contains("home"));
        assertTrue(wc.getPage(free, "perfgate/").asNormalizedText().contains("#2"));
    }
}
