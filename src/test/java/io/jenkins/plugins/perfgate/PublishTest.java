package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import java.awt.image.BufferedImage;
import java.io.InputStream;
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
 * Publishing result files in a real Jenkins: the freestyle recorder and the {@code perfgatePublish} step summarise
 * JMeter CSV files through the perfgate command line on the node, gate them, and show the result on the build, the
 * job and the history pages.
 */
@WithJenkins
class PublishTest {

    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private static Jtl results() {
        // home: 100 samples 10..109 ms, every 20th fails (5 %); hostile label: 50 samples 200..249 ms
        return new Jtl().add("home", 100, 10, 100, 20).add(HOSTILE, 50, 200, 50, 0);
    }

    @Test
    void recorderGatesTheBuildAndPagesShowTheResult(JenkinsRule j) throws Exception {
        Jtl jtl = results();
        FreeStyleProject p = j.createFreeStyleProject("free");
        p.getBuildersList().add(TestBuilders.writeFile("results/run.jtl", jtl.text()));
        PerfgateRecorder recorder = new PerfgateRecorder("results/*.jtl");
        recorder.setCriteria("p95 < 100s\nerror% < 50");
        recorder.setBaseline("previous");
        p.getPublishersList().add(recorder);

        FreeStyleBuild b1 = j.buildAndAssertSuccess(p);
        PerfgateBuildAction a1 = b1.getAction(PerfgateBuildAction.class);
        assertNotNull(a1, "the build has the perfgate action");
        assertEquals("PASS", a1.getVerdict());
        assertEquals(jtl.count(), a1.getOverall().getCount());
        assertEquals(jtl.percentile(95), a1.getOverall().getP95());
        assertEquals(2, a1.getLabels().size());
        j.assertLogContains("[perfgate] summarising 1 result file(s)", b1);

        // a criterion that must fail, then one that must only warn
        recorder.setCriteria("error% < 1");
        FreeStyleBuild b2 = j.buildAndAssertStatus(Result.FAILURE, p);
        assertEquals("FAIL", b2.getAction(PerfgateBuildAction.class).getVerdict());
        recorder.setCriteria("error% < 1 => unstable");
        FreeStyleBuild b3 = j.buildAndAssertStatus(Result.UNSTABLE, p);
        PerfgateBuildAction a3 = b3.getAction(PerfgateBuildAction.class);
        assertEquals("UNSTABLE", a3.getVerdict());
        assertTrue(a3.getBaselineDescription().contains("#2"), a3.getBaselineDescription());
        assertEquals(2, a3.getBaselineBuild(), "the build the verdict compared with");
        assertEquals(0, a1.getBaselineBuild(), "the first build has no baseline");

        JenkinsRule.WebClient wc = j.createWebClient();
        // build page: summary box with verdict, figures and the comparison
        HtmlPage build = wc.getPage(b3);
        String buildText = build.asNormalizedText();
        assertTrue(buildText.contains("UNSTABLE"), buildText);
        assertTrue(buildText.contains("p95 " + jtl.percentile(95) + " ms"), buildText);
        assertTrue(buildText.contains("Compared with previous build #2"), buildText);
        assertTrue(buildText.contains("(baseline build #2)"), buildText);
        HtmlPage b3Report = wc.getPage(b3, "perfgate/");
        String baselineLink = b3Report.getElementById("perfgate-baseline-build").getAttribute("href");
        assertTrue(baselineLink.endsWith("/" + b2.getUrl() + "perfgate/"), baselineLink);

        // action page: per-label figures, the hostile label shown as text, never as markup
        HtmlPage report = wc.getPage(b1, "perfgate/");
        String table = report.getElementById("perfgate-labels").asNormalizedText();
        assertTrue(table.contains(HOSTILE), table);
        assertTrue(table.contains("home"), table);
        assertEquals("PASS", report.getElementById("perfgate-verdict").asNormalizedText());
        assertNoRawMarkup(report);
        assertNoRawMarkup(build);

        // job page (trend box with the label selector) and history page
        HtmlPage jobPage = wc.getPage(p);
        assertNotNull(jobPage.getElementById("perfgate-trend"), "trend box on the job page");
        assertNoRawMarkup(jobPage);
        HtmlPage labelled = wc.goTo("job/free/?perfgateLabel=home");
        assertTrue(labelled.getWebResponse().getContentAsString().contains("label=home"));
        HtmlPage history = wc.goTo("job/free/perfgate/");
        assertTrue(history.getElementById("perfgate-history").asNormalizedText().contains("#3"));
        assertNoRawMarkup(history);

        // trend graphs are PNGs drawn from the history index
        for (String metric : new String[] {"latency", "throughput", "errors"}) {
            Page png = wc.goTo("job/free/perfgate/trend?metric=" + metric + "&label=home", "image/png");
            try (InputStream in = png.getWebResponse().getContentAsStream()) {
                BufferedImage img = ImageIO.read(in);
                assertNotNull(img, metric + " trend decodes");
                assertEquals(500, img.getWidth());
            }
        }
        // the run's over-time chart is a PNG too
        Page chart = wc.goTo(b1.getUrl() + "perfgate/chart?kind=p95", "image/png");
        try (InputStream in = chart.getWebResponse().getContentAsStream()) {
            assertNotNull(ImageIO.read(in));
        }
        assertEquals(3, new JobHistoryStore(p).load().entries().size());
        // the build record keeps only small figures; histograms stay in the build's summary.json
        String buildXml = java.nio.file.Files.readString(new java.io.File(b1.getRootDir(), "build.xml").toPath());
        assertTrue(buildXml.contains("PerfgateBuildAction") && buildXml.length() < 20_000, buildXml);
        assertFalse(buildXml.contains("istogram"), "no histograms in build.xml");
        assertTrue(b1.getArtifacts().isEmpty(), "raw results are not archived by default");

        // the archived HTML report, served with Jenkins' Content-Security-Policy for user content
        assertTrue(report.asNormalizedText().contains("Full HTML report"));
        Page html = wc.goTo(b1.getUrl() + "perfgate/report/index.html", null);
        String csp = html.getWebResponse().getResponseHeaderValue("Content-Security-Policy");
        assertNotNull(csp, "archived report is served with a CSP");
        assertTrue(csp.contains("sandbox") && csp.contains("default-src 'none'"), csp);
        String body = html.getWebResponse().getContentAsString();
        assertTrue(body.contains("home"), "report lists the labels");
        assertFalse(body.contains(HOSTILE), "hostile label escaped in the HTML report");
    }

    @Test
    void pipelinePublishReturnsTheVerdictAndAFailingGateFailsTheBuild(JenkinsRule j) throws Exception {
        Jtl jtl = new Jtl().add("login", 40, 100, 40, 0).add("search", 60, 20, 30, 10);
        WorkflowJob job = j.createProject(WorkflowJob.class, "pipe");
        String text = jtl.text().replace("\n", "\\n");
        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  writeFile file: 'out/a.jtl', text: \"" + text + "\"\n"
                + "  def r = perfgatePublish files: 'out/*.jtl', criteria: 'p95[label=login] < 10s', archiveResults: true\n"
                + "  echo \"verdict=${r.verdict} samples=${r.samples} loginP95=${r.labels.login.p95} summary=${r.summary}\"\n"
                + "}", true));
        WorkflowRun r1 = j.buildAndAssertSuccess(job);
        assertEquals(java.util.List.of("out/a.jtl"), r1.getArtifacts().stream().map(a -> a.relativePath).toList(),
                "raw results archived on request");
        j.assertLogContains("verdict=PASS samples=" + jtl.count() + " loginP95=" + new Jtl().add("login", 40, 100, 40, 0)
                .percentile(95) + " summary=perfgate-results/summary.json", r1);

        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  writeFile file: 'out/a.jtl', text: \"" + text + "\"\n"
                + "  perfgatePublish files: 'out/*.jtl', criteria: 'error% < 1'\n"
                + "  echo 'promoted'\n"
                + "}", true));
        WorkflowRun r2 = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("performance gate failed", r2);
        j.assertLogNotContains("promoted", r2);

        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  writeFile file: 'out/a.jtl', text: \"" + text + "\"\n"
                + "  def r = perfgatePublish files: 'out/*.jtl', criteria: 'error% < 1', returnOnly: true\n"
                + "  echo \"script decides on ${r.verdict}\"\n"
                + "}", true));
        WorkflowRun r3 = j.buildAndAssertSuccess(job);
        j.assertLogContains("script decides on FAIL", r3);

        // no result files: a clear error, never a pass
        job.setDefinition(new CpsFlowDefinition("node { perfgatePublish files: 'missing/*.jtl' }", true));
        WorkflowRun r4 = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("no result files match 'missing/*.jtl'", r4);
    }

    @Test
    void recorderAndPublishStepExportMetricsWithTheConfiguredCredentials(JenkinsRule j) throws Exception {
        Jtl jtl = results();
        FreeStyleProject p = j.createFreeStyleProject("free-metrics");
        p.getBuildersList().add(TestBuilders.writeFile("results/run.jtl", jtl.text()));
        PerfgateRecorder recorder = new PerfgateRecorder("results/*.jtl");
        recorder.setMetrics(true);
        p.getPublishersList().add(recorder);
        WorkflowJob job = j.createProject(WorkflowJob.class, "pipe-metrics");
        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  writeFile file: 'out/a.jtl', text: \"" + jtl.text().replace("\n", "\\n") + "\"\n"
                + "  perfgatePublish files: 'out/*.jtl', metrics: true\n"
                + "  perfgatePublish files: 'out/*.jtl', metrics: true, id: 'api'\n"
                + "}", true));
        try (PerformanceTestStepTest.Pushgateway push = PerformanceTestStepTest.Pushgateway.start("perf", "pg-s3cret")) {
            PerfgateConfiguration.get().setPushgatewayUrl(push.url() + "/");
            // without credentials the gateway refuses: a warning in the log, the verdict stands
            FreeStyleBuild refused = j.buildAndAssertSuccess(p);
            j.assertLogContains("metrics export to Pushgateway " + push.url() + " failed: HTTP 401", refused);

            SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                    CredentialsScope.GLOBAL, "pg-creds", "pushgateway", "perf", "pg-s3cret"));
            SystemCredentialsProvider.getInstance().save();
            PerfgateConfiguration.get().setPushgatewayCredentialsId("pg-creds");
            FreeStyleBuild pushed = j.buildAndAssertSuccess(p);
            j.assertLogContains("key figures pushed to Pushgateway", pushed);
            j.assertLogNotContains("pg-s3cret", pushed);
            j.buildAndAssertSuccess(job);

            String metrics = push.metrics();
            assertTrue(metrics.contains("job=\"free-metrics\"") && metrics.contains("build=\"2\"")
                    && metrics.contains("perfgate_samples{") && metrics.contains("label=\"home\""), metrics);
            // the whole run's sample count as the gateway holds it
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("perfgate_samples{") && l.contains("job=\"free-metrics\"")
                    && l.contains("label=\"_overall\"") && l.endsWith(" " + jtl.count())), metrics);
            assertTrue(metrics.contains("job=\"pipe-metrics\""), "perfgatePublish exported too: " + metrics);
            // two results of one build: each under its own id, neither replacing the other in the gateway
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("perfgate_samples{") && l.contains("job=\"pipe-metrics\"")
                    && l.contains("result=\"api\"") && l.contains("label=\"_overall\"")), metrics);
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("perfgate_samples{") && l.contains("job=\"pipe-metrics\"")
                    && !l.contains("result=") && l.contains("label=\"_overall\"")), metrics);
        }
    }

    static void assertNoRawMarkup(HtmlPage page) {
        String html = page.getWebResponse().getContentAsString();
        assertFalse(html.contains(HOSTILE), "the hostile label appears unescaped in " + page.getUrl());
    }
}
