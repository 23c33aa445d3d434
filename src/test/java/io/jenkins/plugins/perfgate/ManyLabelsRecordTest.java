package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.engine.report.HeadlessChromium;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Two builds with 2,000 labels: build.xml keeps the busiest labels and those the criteria name, not all of them, yet
 * the build page (its search), the REST API and the Pipeline result show every label's figures and its change
 * against the baseline (read from the build's label figures file); the job page is sent the busiest labels only and its filter
 * asks {@code labelOptions} for the others, which needs Job/Read.
 */
@WithJenkins
class ManyLabelsRecordTest {

    static final int LABELS = 2_000;
    /** A quiet label (10 samples), far below the busiest 50: not kept in build.xml unless a criterion names it. */
    static final String QUIET = "GET /api/resource-1997";
    static final String NAMED = "GET /api/resource-1500";

    /** Label i has 3 + i % 10 samples of {@code 10 + i % 50 + shift} to 16 + i % 50 + shift ms. */
    static String results(int shift) {
        Jtl jtl = new Jtl().add("zz busiest", 400, 5 + shift, 10, 0).add(PublishTest.HOSTILE, 50, 5, 10, 0);
        for (int i = 0; i < LABELS - 2; i++) {
            jtl.add(label(i), 3 + i % 10, 10 + i % 50 + shift, 7, 0);
        }
        return jtl.text();
    }

    static String label(int i) {
        return String.format(Locale.ROOT, "GET /api/resource-%04d", i);
    }

    /** The p95 of label i, nearest rank over the written times (independent of perfgate). */
    static long p95(int i, int shift) {
        return new Jtl().add(label(i), 3 + i % 10, 10 + i % 50 + shift, 7, 0).percentile(95);
    }

    @Test
    void buildRecordKeepsKeyLabelsAndPagesShowEveryLabel(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("many");
        p.getBuildersList().add(TestBuilders.writeFile("results/run.jtl", results(0)));
        PerfgateRecorder recorder = new PerfgateRecorder("results/*.jtl");
        recorder.setCriteria("p95[label=\"" + NAMED + "\"] < 10s\nerror% < 50");
        p.getPublishersList().add(recorder);
        j.buildAndAssertSuccess(p);
        p.getBuildersList().replace(TestBuilders.writeFile("results/run.jtl", results(20)));
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        PerfgateBuildAction a = b.getAction(PerfgateBuildAction.class);
        assertEquals(1, a.getBaselineBuild(), "compared with build 1");

        // the record: small, with the busiest labels and the one a criterion names, not the quiet one
        String xml = Files.readString(new File(b.getRootDir(), "build.xml").toPath());
        System.out.printf("[many labels] build.xml %,d bytes with %,d labels%n", xml.length(), LABELS);
        assertTrue(xml.length() < 150_000, "build.xml of " + xml.length() + " bytes");
        assertTrue(xml.contains("zz busiest") && xml.contains(NAMED), "busiest and named labels kept");
        assertFalse(xml.contains(QUIET), "a quiet label is not in build.xml");

        // every label's figures, from the label figures file: the quiet one's exact count and p95
        assertEquals(LABELS, a.getLabels().size());
        assertEquals(LABELS, a.getLabelCount());
        LabelFigures quiet = a.getLabels().stream().filter(f -> f.label().equals(QUIET)).findFirst().orElseThrow();
        assertEquals(10, quiet.count());
        assertEquals(p95(1997, 20), quiet.getP95());
        String change = String.format(Locale.ROOT, "%+.1f %%", (p95(1997, 20) - p95(1997, 0)) * 100.0
                / p95(1997, 0));
        assertEquals(change, a.delta(quiet, "p95"), "the baseline's figures of a label not in build.xml");

        // what a Pipeline step returns
        java.util.Map<?, ?> stepLabels = (java.util.Map<?, ?>) a.toResultMap().get("labels");
        assertEquals(LABELS, stepLabels.size());
        assertEquals(10L, ((java.util.Map<?, ?>) stepLabels.get(QUIET)).get("count"));

        // the build page's row of the quiet label, and the REST API
        JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false);
        // (not among the 200 busiest rows the page shows: the filter's Enter searches every label on the server)
        HtmlPage page = wc.getPage(b, "perfgate/?q=RESOURCE-1997");
        List<HtmlTableRow> rows = page.getElementById("perfgate-labels").querySelectorAll("tr").stream()
                .map(HtmlTableRow.class::cast).toList();
        assertEquals(3, rows.size(), "header, all samples and the one label matching");
        assertTrue(page.getElementById("perfgate-matching").asNormalizedText().startsWith("1 matching"));
        HtmlTableRow row = rows.get(2);
        assertEquals(QUIET, row.getCell(0).asNormalizedText());
        assertEquals("10", row.getCell(1).asNormalizedText(), "samples");
        assertEquals(String.valueOf(p95(1997, 20)), row.getCell(7).asNormalizedText(), "p95");
        assertEquals(change, row.getCell(11).asNormalizedText(), "p95 vs baseline");
        JsonNode api = new ObjectMapper().readTree(wc.goTo(b.getUrl() + "perfgate/api/json", "application/json")
                .getWebResponse().getContentAsString());
        assertEquals(LABELS, api.path("labels").size());
        assertEquals(10, api.path("labels").path(QUIET).path("count").asInt());
        assertEquals(p95(1997, 20), api.path("labels").path(QUIET).path("p95").asLong());

        // the job page: the busiest labels only, the filter's source for the others
        HtmlPage job = wc.goTo("job/many/");
        HtmlSelect select = (HtmlSelect) job.getElementById("perfgate-trend-labels");
        assertEquals(201, select.getOptionSize(), "all samples and the 200 busiest labels");
        assertEquals("zz busiest", select.getOption(1).getValueAttribute());
        assertEquals("/jenkins/job/many/perfgate/labelOptions", select.getAttribute("data-perfgate-more"));
        JsonNode found = options(wc, "resource-1997");
        assertEquals(1, found.path("total").asInt());
        assertEquals(QUIET, found.path("options").path(0).path("name").asText());
        assertTrue(found.path("options").path(0).path("caption").asText().contains("%"), found.toString());
        assertEquals(LABELS, options(wc, "").path("total").asInt(), "every label matches nothing typed");
        assertEquals(200, options(wc, "").path("options").size(), "at most 200 sent");
        assertEquals(PublishTest.HOSTILE, options(wc, "onerror").path("options").path(0).path("name").asText());
        // a label chosen outside the busiest is still an option, and the trend shows it
        HtmlSelect chosen = (HtmlSelect) wc.goTo("job/many/?perfgateLabel=" + java.net.URLEncoder.encode(QUIET,
                java.nio.charset.StandardCharsets.UTF_8)).getElementById("perfgate-trend-labels");
        assertEquals(QUIET, chosen.getSelectedOptions().get(0).getValueAttribute());

        // in a browser: typing in the filter box fetches the labels the page was not sent (Chromium: HtmlUnit's
        // JavaScript engine took a quarter of this test to run the job page's scripts)
        Path profile = Files.createTempDirectory("perfgate-chromium");
        ChromeDriver browser = HeadlessChromium.start(profile);
        try {
            // the browser resolves no host name but 127.0.0.1
            browser.get(j.getURL().toString().replace("//localhost:", "//127.0.0.1:") + "job/many/");
            browser.findElement(By.cssSelector("input[data-perfgate-filter=perfgate-trend-labels]"))
                    .sendKeys("resource-1997");
            List<String> expected = List.of("", QUIET);
            List<String> shown = List.of();
            for (long end = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < end
                    && !shown.equals(expected); Thread.sleep(100)) {
                // read at once in the page: the script replaces the options while they are read one by one
                shown = ((List<?>) browser.executeScript("return Array.from(document.getElementById("
                        + "'perfgate-trend-labels').options).map(o => o.value);")).stream().map(String::valueOf)
                        .toList();
            }
            assertEquals(expected, shown, "all samples and the one label found among all");
        } finally {
            browser.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }

        // labelOptions needs Job/Read
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader", "outsider").grant(Item.READ).onItems(p).to("reader"));
        assertEquals(QUIET, options(j.createWebClient().login("reader"), "resource-1997").path("options").path(0)
                .path("name").asText());
        JenkinsRule.WebClient outsider = j.createWebClient().login("outsider");
        outsider.setThrowExceptionOnFailingStatusCode(false);
        Page refused = outsider.goTo("job/many/perfgate/labelOptions?q=resource", null);
        assertEquals(404, refused.getWebResponse().getStatusCode(), "a job one may not read is not there");
        assertFalse(refused.getWebResponse().getContentAsString().contains(QUIET));
    }

    private static JsonNode options(JenkinsRule.WebClient wc, String q) throws Exception {
        try {
            Page page = wc.goTo("job/many/perfgate/labelOptions?q=" + java.net.URLEncoder.encode(q,
                    java.nio.charset.StandardCharsets.UTF_8), "application/json");
            assertEquals("nosniff", page.getWebResponse().getResponseHeaderValue("X-Content-Type-Options"));
            return new ObjectMapper().readTree(page.getWebResponse().getContentAsString());
        } catch (FailingHttpStatusCodeException e) {
            throw new AssertionError("labelOptions answered " + e.getStatusCode(), e);
        }
    }
}
