package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Pin, accept and unpin on the build page: Item/Configure and a CSRF crumb are required, the decision is in the job's
 * audit list (surviving a restart) and the next builds are gated against it.
 */
class BaselineMarksJenkinsTest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    /** Builds 1 and 2 answer in ~100 ms, every later one in ~300 ms: a regression at #3. */
    static final class SlowerFromThree extends TestBuilder {
        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            long base = build.getNumber() <= 2 ? 100 : 300;
            build.getWorkspace().child("results/run.jtl").write(new Jtl().add("api", 100, base, 10, 0).text(),
                    StandardCharsets.UTF_8.name());
            return true;
        }
    }

    private static void secure(JenkinsRule j) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
    }

    private static int post(JenkinsRule.WebClient wc, String path, boolean crumb) throws Exception {
        WebRequest req = new WebRequest(new URL(wc.getContextPath() + path), HttpMethod.POST);
        if (crumb) {
            wc.addCrumb(req);
        }
        wc.setThrowExceptionOnFailingStatusCode(false);
        wc.setRedirectEnabled(false);
        return wc.getPage(req).getWebResponse().getStatusCode();
    }

    private static String compared(FreeStyleBuild b) {
        return b.getAction(PerfgateBuildAction.class).getBaselineDescription();
    }

    @Test
    void pinAndAcceptNeedPermissionAndCrumbAndGateTheNextBuildsAcrossRestarts() throws Throwable {
        sessions.then(j -> {
            secure(j);
            FreeStyleProject p = j.createFreeStyleProject("shop");
            p.getBuildersList().add(new SlowerFromThree());
            PerfgateRecorder r = new PerfgateRecorder("results/*.jtl");
            r.setBaseline("previous");
            r.setCriteria("p95 vs baseline < +50%");
            r.setHtml(false);
            p.getPublishersList().add(r);
            j.buildAndAssertSuccess(p);
            j.buildAndAssertSuccess(p);
            j.buildAndAssertStatus(Result.FAILURE, p); // #3: the regression

            JenkinsRule.WebClient reader = j.createWebClient().login("reader");
            assertEquals(403, post(reader, "job/shop/3/perfgate/marks/accept?reason=ok", true));
            JenkinsRule.WebClient admin = j.createWebClient().login("admin");
            assertEquals(403, post(admin, "job/shop/3/perfgate/marks/accept?reason=ok", false), "no crumb");
            assertEquals(400, post(admin, "job/shop/3/perfgate/marks/accept?reason=", true), "no reason");
            assertEquals(List.of(), new JobHistoryStore(p).marks().marks());

            // a reader sees no buttons; the admin accepts #3 with the page's form
            assertNull(j.createWebClient().login("reader").goTo("job/shop/3/perfgate/").getElementById("perfgate-accept"));
            HtmlPage page = j.createWebClient().login("admin").goTo("job/shop/3/perfgate/");
            HtmlForm accept = page.getFormByName("accept");
            accept.getInputByName("reason").setValue("new search index: 300 ms is the cost of relevance");
            HtmlPage after = j.submit(accept);
            assertTrue(after.getElementById("perfgate-accepted").asNormalizedText().contains("accepted by admin"),
                    after.asNormalizedText());

            FreeStyleBuild b4 = j.buildAndAssertSuccess(p); // judged against the accepted level
            assertEquals("previous build #3, since accepted build #3", compared(b4));

            HtmlForm pin = j.createWebClient().login("admin").goTo("job/shop/1/perfgate/").getFormByName("pin");
            pin.getInputByName("reason").setValue("release 1.0 is the reference");
            j.submit(pin);
            FreeStyleBuild b5 = j.buildAndAssertStatus(Result.FAILURE, p);
            assertEquals("pinned build #1", compared(b5));
        });
        sessions.then(j -> {
            FreeStyleProject p = j.jenkins.getItemByFullName("shop", FreeStyleProject.class);
            p.getBuildersList().add(new SlowerFromThree()); // test builders are not kept across restarts
            FreeStyleBuild b6 = j.buildAndAssertStatus(Result.FAILURE, p);
            assertEquals("pinned build #1", compared(b6), "the pin survives the restart");

            List<BaselineMark> marks = new JobHistoryStore(p).marks().marks();
            assertEquals(List.of(BaselineMark.Kind.ACCEPT, BaselineMark.Kind.PIN),
                    marks.stream().map(BaselineMark::kind).toList());
            assertEquals("admin", marks.get(1).user());
            assertEquals("release 1.0 is the reference", marks.get(1).reason());

            JenkinsRule.WebClient admin = j.createWebClient().login("admin");
            String audit = admin.goTo("job/shop/perfgate/").getElementById("perfgate-audit").asNormalizedText();
            assertTrue(audit.contains("pin") && audit.contains("#1") && audit.contains("release 1.0 is the reference")
                    && audit.contains("accept") && audit.contains("#3"), audit);
            PerformanceHistoryTest.assertPng(admin, "job/shop/perfgate/trend?metric=latency");

            assertEquals(302, post(admin, "job/shop/1/perfgate/marks/unpin", true));
            FreeStyleBuild b7 = j.buildAndAssertSuccess(p);
            assertEquals("previous build #6, since accepted build #3", compared(b7));
        });
    }
}
