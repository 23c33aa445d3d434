package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTable;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A build with 2,000 labels in a real Jenkins: the job page's label selector lists the busiest first with a filter
 * box that narrows them as one types (and asks the server for the others), the build page's table likewise, both escaped. Prints (never asserts) the
 * render time of the pages and the size of build.xml and of the history index, the figures docs/jenkins.md quotes.
 */
@WithJenkins
class ManyLabelsPagesTest {

    static final int LABELS = 2_000;
    static final String BUSIEST = "zz busiest";

    /** 2,000 labels of 3 to 12 samples each, one label far busier although last by name, one hostile label. */
    static Jtl results() {
        Jtl jtl = new Jtl().add(BUSIEST, 400, 5, 10, 0).add(PublishTest.HOSTILE, 50, 5, 10, 0);
        for (int i = 0; i < LABELS - 2; i++) {
            jtl.add(String.format("GET /api/resource-%04d", i), 3 + i % 10, 10 + i % 50, 7, 0);
        }
        return jtl;
    }

    @Test
    void selectorAndTableStayUsableWithTwoThousandLabels(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("many");
        p.getBuildersList().add(TestBuilders.writeFile("results/run.jtl", results().text()));
        p.getPublishersList().add(new PerfgateRecorder("results/*.jtl"));
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        assertEquals(LABELS, b.getAction(PerfgateBuildAction.class).getLabels().size());

        // server render time: pages fetched without running their scripts (HtmlUnit's JavaScript would dominate)
        JenkinsRule.WebClient raw = j.createWebClient().withJavaScriptEnabled(false);
        raw.goTo("job/many/"); // warm up the views once: the timing below is a steady page, not Jelly compilation
        HtmlPage job = timed("job page", () -> raw.goTo("job/many/"));
        HtmlSelect select = (HtmlSelect) job.getElementById("perfgate-trend-labels");
        List<HtmlOption> options = select.getOptions();
        assertEquals(201, options.size(), "all samples and the busiest 200 labels (the filter asks for the others)");
        assertEquals(BUSIEST, options.get(1).getValueAttribute(), "busiest first");
        assertTrue(options.get(1).getText().contains("%"), options.get(1).getText());
        assertFalse(job.getWebResponse().getContentAsString().contains(PublishTest.HOSTILE), "escaped");
        assertNotNull(job.querySelector("input[data-perfgate-filter=perfgate-trend-labels]"), "filter box");
        raw.getPage(b, "perfgate/");
        timed("build page", () -> raw.getPage(b, "perfgate/"));
        timed("build page, all labels", () -> raw.getPage(b, "perfgate/?labels=all"));
        timed("build summary", () -> raw.getPage(b));

        // the build page's table: the busiest 200, a link to all of them
        HtmlPage busiest = raw.getPage(b, "perfgate/");
        assertEquals(202, ((HtmlTable) busiest.getElementById("perfgate-labels")).getRowCount(),
                "header, all samples and the 200 busiest labels");
        assertEquals("?labels=all", busiest.getElementById("perfgate-all-labels").getAttribute("href"));

        // the filter script narrows the build page's table (the selector uses the same code on options)
        HtmlPage build = j.createWebClient().getPage(b, "perfgate/?labels=all");
        HtmlTable table = (HtmlTable) build.getElementById("perfgate-labels");
        assertEquals(LABELS + 2, table.getRowCount(), "header, all samples and every label");
        assertEquals(BUSIEST, table.getRow(2).getCell(0).asNormalizedText(), "busiest first above 50 labels");
        HtmlInput filter = build.querySelector("input[data-perfgate-filter]");
        filter.setValue("RESOURCE-1997");
        filter.fireEvent("input");
        long shown = table.getRows().stream().filter(r -> !r.hasAttribute("hidden")).count();
        assertEquals(3, shown, "header, all samples and the match");

        System.out.printf("[many labels] build.xml %,d bytes, history index %,d bytes%n",
                Files.size(new File(b.getRootDir(), "build.xml").toPath()), indexSize(p.getRootDir().toPath()));
        if (System.getProperty("perfgate.screenshots") != null) {
            // -Dperfgate.screenshots: the pages as a browser shows them, for a person to look at
            screenshot(j.getURL() + "job/many/", "job.png");
            screenshot(j.getURL() + b.getUrl() + "perfgate/", "build.png");
            screenshot(j.getURL() + b.getUrl() + "perfgate/?q=resource-199", "build-search.png");
            screenshot(new File(b.getRootDir(), "perfgate/report/index.html").toURI().toString(), "report.png");
        }
    }

    private static void screenshot(String url, String name) throws Exception {
        File dir = new File("target/many-labels-screenshots");
        Files.createDirectories(dir.toPath());
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1400,1600", "--virtual-time-budget=8000",
                "--user-data-dir=" + new File(dir, "profile").getAbsolutePath(),
                "--screenshot=" + new File(dir, name).getAbsolutePath(), url).inheritIO().start();
        assertTrue(chromium.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "chromium finished");
    }

    private static long indexSize(Path jobDir) throws IOException {
        try (Stream<Path> files = Files.walk(jobDir)) {
            return files.filter(f -> f.getFileName().toString().equals("history.jsonl")).mapToLong(f -> f.toFile()
                    .length()).sum();
        }
    }

    private interface PageGet {
        HtmlPage get() throws Exception;
    }

    private static HtmlPage timed(String what, PageGet get) throws Exception {
        long t0 = System.nanoTime();
        HtmlPage page = get.get();
        System.out.printf("[many labels] %s: %d ms, %,d bytes%n", what, (System.nanoTime() - t0) / 1_000_000,
                page.getWebResponse().getContentAsString().length());
        return page;
    }
}
