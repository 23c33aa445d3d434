package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.perfgate.cli.PerfgateCli;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import picocli.CommandLine;

/** The compare page of two builds shows exactly the figures {@code perfgate compare} prints for their summaries. */
@WithJenkins
class CompareBuildsTest {

    /** Each build a little slower than the one before; build 3 adds a label and build 1 has one of its own. */
    static final class Slower extends TestBuilder {
        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            int n = build.getNumber();
            Jtl jtl = new Jtl().add("api", 120, 100 + 40L * n, 15, n == 3 ? 10 : 0).add("home", 60, 50, 5, 0);
            jtl.add(n == 1 ? "legacy" : n == 3 ? "search" : "home", 20, 70, 3, 0);
            build.getWorkspace().child("results/run.jtl").write(jtl.text(), StandardCharsets.UTF_8.name());
            return true;
        }
    }

    @Test
    void comparePageFiguresEqualTheCommandLines(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("shop");
        p.getBuildersList().add(new Slower());
        PerfgateRecorder r = new PerfgateRecorder("results/*.jtl");
        r.setHtml(false);
        p.getPublishersList().add(r);
        for (int i = 0; i < 3; i++) {
            j.buildAndAssertSuccess(p);
        }

        JenkinsRule.WebClient wc = j.createWebClient();
        // picked on the history page: A = #1, B = #3
        HtmlPage history = wc.goTo("job/shop/perfgate/");
        HtmlForm pick = (HtmlForm) history.getElementById("perfgate-compare-form");
        for (HtmlRadioButtonInput radio : pick.getRadioButtonsByName("a")) {
            radio.setChecked(radio.getValueAttribute().equals("1"));
        }
        HtmlPage page = j.submit(pick);
        assertTrue(page.getUrl().toString().endsWith("job/shop/perfgate/compare/?a=1&b=3"), page.getUrl().toString());

        List<String> pageRows = new ArrayList<>();
        String label = "";
        for (HtmlTableRow row : ((HtmlTable) page.getElementById("perfgate-compare")).getRows()) {
            if (row.getCells().get(0).asNormalizedText().equals("Label")) {
                continue;
            }
            String l = row.getCell(0).asNormalizedText();
            label = l.isEmpty() ? label : l;
            pageRows.add(String.join("|", label, row.getCell(1).asNormalizedText(), row.getCell(2).asNormalizedText(),
                    row.getCell(3).asNormalizedText(), row.getCell(4).asNormalizedText(),
                    row.getCell(5).asNormalizedText()));
        }
        String cli = cliCompare(summary(p, 3), summary(p, 1));
        List<String> cliRows = new ArrayList<>();
        for (String line : cli.split("\\R")) {
            String[] f = line.trim().split("\\s{2,}");
            if (f.length == 6 && !f[0].equals("label")) {
                cliRows.add(String.join("|", f));
            }
        }
        assertEquals(cliRows.size(), pageRows.size(), cli);
        assertEquals(cliRows, pageRows);
        assertTrue(cli.contains("added (not in the baseline): search"), cli);
        String text = page.asNormalizedText();
        assertTrue(text.contains("Only in B: search") && text.contains("Only in A: legacy"), text);
        // api's p95 went from ~160 to ~240 ms; with two earlier builds, noise is not assessed (three needed)
        assertTrue(text.contains("not assessed (2 baseline runs)"), text);

        PerformanceHistoryTest.assertPng(wc, "job/shop/perfgate/compare/chart?a=1&b=3&kind=p95");
        wc.setThrowExceptionOnFailingStatusCode(false);
        assertEquals(400, wc.goTo("job/shop/perfgate/compare?a=1&b=9").getWebResponse().getStatusCode());
        assertEquals(400, wc.goTo("job/shop/perfgate/compare?a=2&b=2").getWebResponse().getStatusCode());
        // the build page links to the comparison with its baseline
        HtmlPage build = wc.goTo("job/shop/3/perfgate/");
        assertTrue(build.getElementById("perfgate-compare-link").getAttribute("href")
                .endsWith("job/shop/perfgate/compare?a=2&b=3"));
    }

    private static File summary(FreeStyleProject p, int n) {
        return new File(p.getBuildByNumber(n).getRootDir(), "perfgate/summary.json");
    }

    /** {@code perfgate compare CURRENT BASELINE --metrics all}, in-process. */
    private static String cliCompare(File current, File baseline) {
        CommandLine cl = PerfgateCli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("compare", current.getPath(), baseline.getPath(), "--metrics", "all"));
        return out.toString();
    }
}
