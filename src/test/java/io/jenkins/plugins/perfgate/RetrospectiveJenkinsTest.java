package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.perfgate.engine.history.BuildRef;
import io.jenkins.plugins.perfgate.engine.history.BuildResult;
import io.jenkins.plugins.perfgate.engine.history.Note;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import io.jenkins.plugins.perfgate.history.JobHistoryStore;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The retrospective page of a release range: change points with their builds, failed criteria, exports; notes need
 * Item/Configure, a POST and the crumb, and are shown escaped; a lesson comes back on a later failing build's verdict,
 * build page and HTML report.
 */
@WithJenkins
class RetrospectiveJenkinsTest {

    /** Builds 1..6 answer in ~100 ms, 7..12 in ~300 ms (a regression at #7), later ones in ~900 ms. */
    static final class Releases extends TestBuilder {
        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            int n = build.getNumber();
            long base = n <= 6 ? 100 : n <= 12 ? 300 : 900;
            Jtl jtl = new Jtl().add("api", 200, base + n % 3, 20, 0);
            build.getWorkspace().child("results/run.jtl").write(jtl.text(), StandardCharsets.UTF_8.name());
            return true;
        }
    }

    private static WebResponse request(JenkinsRule.WebClient wc, HttpMethod method, String path, boolean crumb)
            throws Exception {
        WebRequest req = new WebRequest(new URL(wc.getContextPath() + path), method);
        if (crumb) {
            wc.addCrumb(req);
        }
        wc.setThrowExceptionOnFailingStatusCode(false);
        wc.setRedirectEnabled(false);
        return wc.getPage(req).getWebResponse();
    }

    /** Records builds {@code from..to} in the index with the figures of {@code real}. */
    private static void copies(JobHistoryStore store, FreeStyleBuild real, int from, int to) throws IOException {
        RunSummary s = SummaryJson.read(new File(real.getRootDir(), "perfgate/summary.json").toPath());
        for (int n = from; n <= to; n++) {
            store.record(BuildRef.of(n, real.getStartTimeInMillis() + n, BuildResult.SUCCESS), s);
        }
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void rangePageNotesWithPermissionEscapedExportsAndLessonsThatComeBack(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        FreeStyleProject p = j.createFreeStyleProject("shop");
        p.getBuildersList().add(new Releases());
        PerfgateRecorder rec = new PerfgateRecorder("results/*.jtl");
        rec.setBaseline("previous");
        rec.setCriteria("p95[label=~\".*\"] vs baseline < +50%");
        rec.setHtml(false);
        p.getPublishersList().add(rec);
        // real builds #1 (v1.3), #7 (the regression) and #12 (v1.4); the builds between are their figures again,
        // recorded in the index directly (a real build takes seconds: the CLI runs as its own process)
        rec.setReleaseTag("v1.3");
        FreeStyleBuild b1 = j.buildAndAssertSuccess(p);
        JobHistoryStore store = new JobHistoryStore(p);
        copies(store, b1, 2, 6);
        p.updateNextBuildNumber(7);
        rec.setReleaseTag("");
        FreeStyleBuild b7 = j.buildAndAssertStatus(Result.FAILURE, p);
        copies(store, b7, 8, 11);
        p.updateNextBuildNumber(12);
        rec.setReleaseTag("v1.4");
        j.buildAndAssertSuccess(p);

        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        HtmlPage page = reader.goTo("job/shop/perfgate/retro/?from=v1.3&to=v1.4");
        String changes = page.getElementById("perfgate-retro-changes").asNormalizedText();
        assertTrue(changes.contains("#7") && changes.contains("p95") && changes.contains("regression"), changes);
        String failed = page.getElementById("perfgate-retro-failed").asNormalizedText();
        assertFalse(failed.contains("WARN"), "a warning (no baseline for #1) is no failure: " + failed);
        assertTrue(failed.contains("#7") && failed.contains("FAIL") && failed.contains("p95[label=~\".*\"] vs baseline < +50%"),
                failed);
        assertTrue(page.getElementById("perfgate-retro-releases").asNormalizedText().contains("v1.4"));
        assertTrue(page.getElementById("perfgate-retro-noise").asNormalizedText().contains("p95"));
        assertNull(page.getElementById("perfgate-note-form"), "a reader gets no note form");
        assertEquals(400, request(reader, HttpMethod.GET, "job/shop/perfgate/retro/?from=v1.2&to=v1.4", false)
                .getStatusCode());

        String note = "job/shop/perfgate/retro/note?build=7&label=api&metric=p95&from=v1.3&to=v1.4&text="
                + q("<script>alert(1)</script> the pool shrank");
        assertEquals(403, request(reader, HttpMethod.POST, note, true).getStatusCode(), "a reader cannot note");
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        assertEquals(403, request(admin, HttpMethod.POST, note, false).getStatusCode(), "no crumb");
        assertEquals(405, request(admin, HttpMethod.GET, note, false).getStatusCode(), "GET never writes");
        assertEquals(400, request(admin, HttpMethod.POST, "job/shop/perfgate/retro/note?build=99&text=x", true)
                .getStatusCode());
        assertEquals(302, request(admin, HttpMethod.POST, note, true).getStatusCode());
        assertEquals(302, request(admin, HttpMethod.POST, "job/shop/perfgate/retro/note?build=7&label=api"
                + "&criterion=p95&text=" + q("connection pool too small"), true).getStatusCode());
        List<Note> notes = store.notes();
        assertEquals(2, notes.size());
        assertEquals("admin", notes.get(0).author());

        admin.setRedirectEnabled(true);
        admin.setThrowExceptionOnFailingStatusCode(true);
        HtmlPage withNotes = admin.goTo("job/shop/perfgate/retro/?from=v1.3&to=v1.4");
        String html = withNotes.getWebResponse().getContentAsString();
        assertFalse(html.contains("<script>alert(1)"), "a note is escaped");
        assertTrue(html.contains("&lt;script>alert(1)&lt;/script> the pool shrank"), html);
        assertTrue(withNotes.getElementById("perfgate-retro-changes").asNormalizedText().contains("the pool shrank"));
        assertTrue(withNotes.getElementById("perfgate-retro-notes").asNormalizedText()
                .contains("connection pool too small"));

        WebResponse mdResponse = request(reader, HttpMethod.GET, "job/shop/perfgate/retro/markdown?from=v1.3&to=v1.4",
                false);
        String md = mdResponse.getContentAsString(StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# Performance retrospective: v1.3 → v1.4"), mdResponse.getStatusCode() + " "
                + mdResponse.getContentType() + ": " + md);
        assertTrue(md.contains("| #7 | FAIL | p95[label=~\".*\"] vs baseline &lt; +50% | api |"), md);
        assertTrue(md.contains("admin: &lt;script&gt;alert(1)&lt;/script&gt; the pool shrank"), md);
        String csv = request(reader, HttpMethod.GET, "job/shop/perfgate/retro/csv?from=v1.3&to=v1.4", false)
                .getContentAsString(StandardCharsets.UTF_8);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("changepoint,7,,,api,p95,")), csv);
        JsonNode json = new ObjectMapper().readTree(request(reader, HttpMethod.GET,
                "job/shop/perfgate/retro/json?from=v1.3&to=v1.4", false).getContentAsString(StandardCharsets.UTF_8));
        assertEquals(12, json.path("builds").size());
        assertEquals("<script>alert(1)</script> the pool shrank", json.path("notes").get(0).path("text").asText());

        // build 13 fails the same criterion on the same label: the lesson comes back everywhere
        rec.setReleaseTag("");
        rec.setHtml(true);
        FreeStyleBuild b13 = j.buildAndAssertStatus(Result.FAILURE, p);
        PerfgateBuildAction a = b13.getAction(PerfgateBuildAction.class);
        String lesson = "seen before in #7 (admin, ";
        assertTrue(a.getNotes().stream().anyMatch(n -> n.startsWith(lesson) && n.endsWith("connection pool too small")),
                a.getNotes().toString());
        assertTrue(a.getNotes().stream().anyMatch(n -> n.startsWith(lesson) && n.endsWith("the pool shrank")),
                "the note on the change point of api's p95 is a lesson for api's p95 too: " + a.getNotes());
        HtmlPage buildPage = admin.getPage(b13, "perfgate/");
        assertTrue(buildPage.asNormalizedText().contains(lesson));
        assertFalse(buildPage.getWebResponse().getContentAsString().contains("<script>alert(1)"));
        File report = new File(b13.getRootDir(), "perfgate/report/index.html");
        assertTrue(Files.readString(report.toPath()).contains("seen before in #7"), "the HTML report shows it");
        assertTrue(j.getLog(b13).contains(lesson), j.getLog(b13));
    }
}
