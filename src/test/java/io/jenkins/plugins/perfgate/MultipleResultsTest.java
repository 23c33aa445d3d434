package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.FormValidation;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import io.jenkins.plugins.perfgate.steps.PerformanceTestStep;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Several perfgate results in one build (an API and a web front tested in the same Pipeline): each id keeps its own
 * report, history, baseline and job-page trend, and every verdict applies to the build result.
 */
@WithJenkins
class MultipleResultsTest {

    /** Results of the API (label "GET /api") and of the web front ("GET /web"), with their own response times. */
    private static Jtl jtl(String label, long base) {
        return new Jtl().add(label, 100, base, 20, 0);
    }

    private static String script(long apiBase, long webBase, boolean publishApiTwice) {
        String api = jtl("GET /api", apiBase).text().replace("\n", "\\n");
        String web = jtl("GET /web", webBase).text().replace("\n", "\\n");
        String gate = "criteria: 'p95 vs baseline < +50% => unstable', baseline: 'previous'";
        return "node {\n"
                + "  writeFile file: 'api/a.jtl', text: \"" + api + "\"\n"
                + "  writeFile file: 'web/w.jtl', text: \"" + web + "\"\n"
                + (publishApiTwice ? "  perfgatePublish id: 'api', files: 'api/*.jtl', html: false\n" : "")
                + "  def w = perfgatePublish id: 'web', files: 'web/*.jtl', outputDir: 'out-web', " + gate + "\n"
                + "  def a = perfgatePublish id: 'api', files: 'api/*.jtl', outputDir: 'out-api', " + gate + "\n"
                + "  echo \"api=${a.id}:${a.verdict}:${a.reportUrl} web=${w.id}:${w.verdict}:${w.reportUrl}\"\n"
                + "}";
    }

    private static Map<String, PerfgateBuildAction> byId(WorkflowRun r) {
        return r.getActions(PerfgateBuildAction.class).stream()
                .collect(Collectors.toMap(PerfgateBuildAction::getId, a -> a));
    }

    @Test
    void twoIdsKeepTheirOwnReportsHistoriesBaselinesAndTrends(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "multi");
        long apiP95 = jtl("GET /api", 10).percentile(95);
        long webP95 = jtl("GET /web", 500).percentile(95);
        // build 1: api p95 ~30 ms, web p95 ~520 ms; api is published twice (the second replaces the first)
        job.setDefinition(new CpsFlowDefinition(script(10, 500, true), true));
        WorkflowRun b1 = j.buildAndAssertSuccess(job);
        Map<String, PerfgateBuildAction> one = byId(b1);
        assertEquals(List.of("api", "web"), one.keySet().stream().sorted().toList(), "one action per id");
        assertEquals(apiP95, one.get("api").getOverall().getP95());
        assertEquals(webP95, one.get("web").getOverall().getP95());
        assertEquals("perfgate-api", one.get("api").getUrlName());
        assertTrue(one.get("api").isHasReport(), "the second publication of 'api' (with a report) replaced the first");
        j.assertLogContains("api=api:PASS:" + b1.getUrl() + "perfgate-api/ web=web:PASS:" + b1.getUrl()
                + "perfgate-web/", b1);

        // build 2: the API got twice as slow (p95 ~60 ms), the web front did not. Each is compared with its own baseline: the
        // API's ~30 ms (against the web's ~520 ms it would pass), the web's ~520 ms (against the API's it would not)
        job.setDefinition(new CpsFlowDefinition(script(40, 500, false), true));
        WorkflowRun b2 = j.buildAndAssertStatus(Result.UNSTABLE, job);
        Map<String, PerfgateBuildAction> two = byId(b2);
        assertEquals("UNSTABLE", two.get("api").getVerdict());
        assertEquals(apiP95, two.get("api").getBaselineOverall().getP95());
        assertEquals("PASS", two.get("web").getVerdict());
        assertEquals(webP95, two.get("web").getBaselineOverall().getP95());

        // each id has its own build folder and history index; the layout without id is untouched
        assertTrue(new File(b2.getRootDir(), "perfgate-api/summary.json").isFile());
        assertTrue(new File(b2.getRootDir(), "perfgate-web/summary.json").isFile());
        assertFalse(new File(b2.getRootDir(), "perfgate").exists());
        assertEquals(List.of(1L, 2L), new JobHistoryStore(job, "api").load().entries().stream()
                .map(e -> e.number()).toList());
        assertEquals(2, new JobHistoryStore(job, "web").load().entries().size());
        assertTrue(new JobHistoryStore(job).load().entries().isEmpty(), "nothing in the history without id");
        // web passed before api made the build UNSTABLE: the final result reaches web's history too
        assertEquals(BuildResult.UNSTABLE, new JobHistoryStore(job, "web").load().entry(2).orElseThrow().build()
                .result());

        JenkinsRule.WebClient wc = j.createWebClient();
        // the build page: one summary box per id
        String buildText = wc.getPage(b2).asNormalizedText();
        assertTrue(buildText.contains("Performance: api") && buildText.contains("Performance: web"), buildText);
        // each id's page and report, with its own figures
        HtmlPage api = wc.getPage(b2, "perfgate-api/");
        assertEquals(200, api.getWebResponse().getStatusCode());
        assertEquals("UNSTABLE", api.getElementById("perfgate-verdict").asNormalizedText());
        String apiLabels = api.getElementById("perfgate-labels").asNormalizedText();
        assertTrue(apiLabels.contains("GET /api") && !apiLabels.contains("GET /web"), apiLabels);
        HtmlPage web = wc.getPage(b2, "perfgate-web/");
        assertEquals("PASS", web.getElementById("perfgate-verdict").asNormalizedText());
        assertTrue(web.getElementById("perfgate-labels").asNormalizedText().contains("GET /web"));
        Page webReport = wc.goTo(b1.getUrl() + "perfgate-web/report/index.html", null);
        assertEquals(200, webReport.getWebResponse().getStatusCode());
        String reportBody = webReport.getWebResponse().getContentAsString();
        assertTrue(reportBody.contains("GET /web") && !reportBody.contains("GET /api"), "web's own report");

        // the job page: one trend section per id; each history page lists its builds, linking to its own pages
        HtmlPage jobPage = wc.getPage(job);
        assertNotNull(jobPage.getElementById("perfgate-api-trend"), "api trend on the job page");
        assertNotNull(jobPage.getElementById("perfgate-web-trend"), "web trend on the job page");
        assertNull(jobPage.getElementById("perfgate-trend"), "no trend for results without id");
        // each section has its own label selector
        String selected = wc.goTo("job/multi/?perfgateLabel-api=GET%20/api").getWebResponse().getContentAsString();
        assertTrue(selected.contains("perfgate-api/trend?metric=latency&amp;label=GET+%2Fapi"), "api's label chosen");
        assertTrue(selected.contains("perfgate-web/trend?metric=latency&amp;label=\""), "web's section unchanged");
        HtmlPage apiHistory = wc.goTo("job/multi/perfgate-api/");
        String rows = apiHistory.getElementById("perfgate-history").asNormalizedText();
        assertTrue(rows.contains("#2") && rows.contains("#1"), rows);
        assertTrue(apiHistory.getWebResponse().getContentAsString().contains("../2/perfgate-api/"));
        Page png = wc.goTo("job/multi/perfgate-web/trend?metric=latency", "image/png");
        try (InputStream in = png.getWebResponse().getContentAsStream()) {
            BufferedImage img = ImageIO.read(in);
            assertNotNull(img, "web's trend decodes");
        }
        assertEquals(Result.UNSTABLE, b2.getResult(), "the worst verdict");

        // a deleted build leaves every id's history
        b1.delete();
        assertEquals(List.of(2L), new JobHistoryStore(job, "api").load().entries().stream().map(e -> e.number())
                .toList());
        assertEquals(1, new JobHistoryStore(job, "web").load().entries().size());
    }

    @Test
    void freestyleRecorderWithAnIdAndInvalidIds(JenkinsRule j) throws Exception {
        // the freestyle recorder publishes under its id too
        FreeStyleProject p = j.createFreeStyleProject("free-id");
        p.getBuildersList().add(TestBuilders.writeFile("r/w.jtl", jtl("GET /web", 500).text()));
        PerfgateRecorder recorder = new PerfgateRecorder("r/*.jtl");
        recorder.setId("web");
        p.getPublishersList().add(recorder);
        FreeStyleBuild fb = j.buildAndAssertSuccess(p);
        PerfgateBuildAction fa = fb.getAction(PerfgateBuildAction.class);
        assertEquals("web", fa.getId());
        assertTrue(new File(fb.getRootDir(), "perfgate-web/report/index.html").isFile());
        assertEquals(1, new JobHistoryStore(p, "web").load().entries().size());
        JenkinsRule.WebClient wc = j.createWebClient();
        assertTrue(wc.getPage(fb, "perfgate-web/").asNormalizedText().contains("Performance: web"));
        assertNotNull(wc.getPage(p).getElementById("perfgate-web-trend"));

        WorkflowJob job = j.createProject(WorkflowJob.class, "bad-id");
        job.setDefinition(new CpsFlowDefinition("node { perfgatePublish id: 'API v2', files: 'x/*.jtl' }", true));
        WorkflowRun r = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("id must be 1 to 40 lower-case letters", r);
        j.assertLogContains("was 'API v2'", r);
        assertTrue(r.getActions(PerfgateBuildAction.class).isEmpty());

        // the forms say so while typing (ConfigurationTest checks that they need Job/Configure and POST)
        PerfgateRecorder.DescriptorImpl d = j.jenkins.getDescriptorByType(PerfgateRecorder.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckId(job, "../x").kind);
        assertTrue(d.doCheckId(job, "../x").getMessage().contains("id must be"));
        assertEquals(FormValidation.Kind.OK, d.doCheckId(job, "web-2").kind);
        PerformanceTestStep.DescriptorImpl s = j.jenkins.getDescriptorByType(PerformanceTestStep.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.ERROR, s.doCheckId(job, "Web").kind);
        assertEquals(FormValidation.Kind.OK, s.doCheckId(job, "").kind);
    }
}
