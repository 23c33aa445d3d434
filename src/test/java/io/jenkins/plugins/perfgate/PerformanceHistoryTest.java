package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A job's performance history across builds and restarts: the shift a slower release brings shows as a change
 * point, the build page compares with the previous build, and everything is still there after Jenkins restarts.
 */
class PerformanceHistoryTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** Builds 1..6 answer in ~100 ms, later ones in ~200 ms: a regression at #7. */
    static final class ShiftingResults extends TestBuilder {
        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            long base = build.getNumber() <= 6 ? 100 : 200;
            Jtl jtl = new Jtl().add("api", 200, base + build.getNumber() % 3, 20, 0);
            build.getWorkspace().child("results/run.jtl").write(jtl.text(), StandardCharsets.UTF_8.name());
            return true;
        }
    }

    @Test
    void historySurvivesRestartAndNamesTheBuildThatGotSlower() throws Throwable {
        sessions.then(j -> {
            FreeStyleProject p = j.createFreeStyleProject("hist");
            p.getBuildersList().add(new ShiftingResults());
            PerfgateRecorder recorder = new PerfgateRecorder("results/*.jtl");
            recorder.setBaseline("previous");
            recorder.setHtml(false);
            p.getPublishersList().add(recorder);
            for (int i = 0; i < 12; i++) {
                j.buildAndAssertSuccess(p);
            }
            p.getBuildersList().clear(); // the test's builder is not an extension: keep it out of the reload
            p.save();
        });
        sessions.then(j -> {
            FreeStyleProject p = j.jenkins.getItemByFullName("hist", FreeStyleProject.class);
            FreeStyleBuild last = p.getLastBuild();
            assertEquals(12, last.getNumber());
            PerfgateBuildAction a = last.getAction(PerfgateBuildAction.class);
            assertNotNull(a, "the build action is read back after the restart");
            assertEquals(200, a.getOverall().getCount());
            assertEquals(12, new JobHistoryStore(p).load().entries().size());

            JenkinsRule.WebClient wc = j.createWebClient();
            HtmlPage build = wc.getPage(last);
            assertTrue(build.asNormalizedText().contains("Compared with previous build #11"), build.asNormalizedText());
            HtmlPage history = wc.goTo("job/hist/perfgate/");
            String points = history.getElementById("perfgate-change-points").asNormalizedText();
            assertTrue(points.contains("#7") && points.contains("p95") && points.contains("regression"), points);
            assertPng(wc, "job/hist/perfgate/trend?metric=latency&label=api");

            // a long history: 1000 builds' figures in the index; the job page's graphs read only the index
            RunSummary s = SummaryJson.read(new File(last.getRootDir(), "perfgate/summary.json").toPath());
            JobHistoryStore store = new JobHistoryStore(p);
            for (int n = 13; n <= 1012; n++) {
                store.record(BuildRef.of(n, System.currentTimeMillis(), BuildResult.SUCCESS), s);
            }
            assertEquals(1012, store.load().entries().size());
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                assertPng(wc, "job/hist/perfgate/trend?metric=latency&label=api&round=" + round);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("perfgate: trend graph over 1012 builds served in " + ms + " ms (round " + round
                        + (round == 0 ? ", reads the index and finds change points" : ", cached") + ")");
            }
            assertNotNull(wc.goTo("job/hist/").getElementById("perfgate-trend"));
        });
    }

    static void assertPng(JenkinsRule.WebClient wc, String path) throws Exception {
        Page png = wc.goTo(path, "image/png");
        try (InputStream in = png.getWebResponse().getContentAsStream()) {
            BufferedImage img = ImageIO.read(in);
            assertNotNull(img, path + " decodes as PNG");
        }
    }
}
