package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.perfgate.engine.gate.Playbook;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.model.SummaryCache;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import java.io.File;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The pages of a build whose criteria failed, in a real Jenkins: each failed criterion links the playbook of its
 * kind (build page, result page, HTML report), next to escaped data; the run's charts parse the stored summary once.
 */
@WithJenkins
class FailedBuildPageTest {

    @Test
    void failedCriteriaLinkTheirPlaybookAndChartsParseTheSummaryOnce(JenkinsRule j) throws Exception {
        // home: 100 samples 10..109 ms, 5 % errors; hostile label: 50 samples 200..249 ms
        Jtl jtl = new Jtl().add("home", 100, 10, 100, 20).add(PublishTest.HOSTILE, 50, 200, 50, 0);
        FreeStyleProject p = j.createFreeStyleProject("failing");
        p.getBuildersList().add(TestBuilders.writeFile("results/run.jtl", jtl.text()));
        PerfgateRecorder recorder = new PerfgateRecorder("results/*.jtl");
        recorder.setCriteria("p95[label~\"*\"] < 150ms\nerror% < 1 => unstable\nrps > 0.001");
        p.getPublishersList().add(recorder);
        FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);
        PerfgateBuildAction a = b.getAction(PerfgateBuildAction.class);
        assertEquals("FAIL", a.getVerdict());

        JenkinsRule.WebClient wc = j.createWebClient();
        // build page: the failed lines (p95 on the hostile label, error% overall) link their playbooks
        HtmlPage build = wc.getPage(b);
        assertEquals(List.of(Playbook.LATENCY.url(), Playbook.ERRORS.url()), playbookLinks(build));
        PublishTest.assertNoRawMarkup(build);
        // result page: in the criteria table, on the failed lines only
        HtmlPage result = wc.getPage(b, "perfgate/");
        assertEquals(List.of(Playbook.LATENCY.url(), Playbook.ERRORS.url()), playbookLinks(result));
        String table = result.getElementById("perfgate-criteria").asNormalizedText();
        assertTrue(table.contains("Playbook: p95 regressed"), table);
        assertFalse(table.contains(Playbook.THROUGHPUT.title()), "the passed rps line has none: " + table);
        PublishTest.assertNoRawMarkup(result);
        // the HTML report written on the node links them too
        String report = wc.goTo(b.getUrl() + "perfgate/report/index.html", null).getWebResponse()
                .getContentAsString();
        assertTrue(report.contains("class=\"playbook\" href=\"" + Playbook.LATENCY.url() + "\""), "report link");
        assertFalse(report.contains(PublishTest.HOSTILE), "hostile label escaped in the report");

        // two charts of one build: the summary is parsed once; a changed file is read again
        SummaryCache cache = SummaryCache.get();
        long before = cache.parses();
        wc.goTo(b.getUrl() + "perfgate/chart?kind=p95", "image/png");
        wc.goTo(b.getUrl() + "perfgate/chart?kind=throughput", "image/png");
        wc.goTo(b.getUrl() + "perfgate/chart?kind=errors", "image/png");
        assertEquals(before + 1, cache.parses(), "three charts, one parse");
        File summary = new File(b.getRootDir(), "perfgate/summary.json");
        assertTrue(summary.setLastModified(summary.lastModified() - 60_000));
        wc.getCache().clear(); // charts are sent with max-age: ask the server again
        wc.goTo(b.getUrl() + "perfgate/chart?kind=p95", "image/png");
        assertEquals(before + 2, cache.parses(), "the changed summary is read again");
    }

    /** The playbook links of a page, in order, each once. */
    private static List<String> playbookLinks(HtmlPage page) {
        List<String> links = page.getBody().getElementsByAttribute("a", "class", "perfgate-playbook").stream()
                .map(e -> ((DomElement) e).getAttribute("href")).distinct().toList();
        assertNotNull(links);
        return links;
    }
}
