package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A result id names folders under the job's and the build's directory. A user who may configure job A must not reach
 * job B's history through an id such as {@code x/../../B/perfgate}, neither by posting A's config.xml nor through an
 * id in a build record.
 */
@WithJenkins
class HostileResultIdTest {

    private static final String HOSTILE = "x/../../B/perfgate";

    /** Job B with one published build: its history index holds build #1. */
    private static File jobBWithHistory(JenkinsRule j) throws Exception {
        FreeStyleProject b = j.createFreeStyleProject("B");
        b.getBuildersList().add(TestBuilders.writeFile("r/a.jtl", new Jtl().add("a", 20, 5, 10, 0).text()));
        b.getPublishersList().add(new PerfgateRecorder("r/*.jtl"));
        j.buildAndAssertSuccess(b);
        File index = new File(b.getRootDir(), "perfgate/history.jsonl");
        assertTrue(index.isFile(), "B has a history index");
        return index;
    }

    @Test
    void aConfigXmlWithAPathLikeIdIsRefusedAndLeavesOtherJobsAlone(JenkinsRule j) throws Exception {
        File bIndex = jobBWithHistory(j);
        byte[] before = Files.readAllBytes(bIndex.toPath());
        FreeStyleProject a = j.createFreeStyleProject("A");
        // results already in the workspace: the job's configuration holds only the recorder (it round-trips as XML)
        j.jenkins.getWorkspaceFor(a).child("r/a.jtl").write(new Jtl().add("a", 20, 5, 10, 0).text(), "UTF-8");
        PerfgateRecorder rec = new PerfgateRecorder("r/*.jtl");
        rec.setId("x");
        a.getPublishersList().add(rec);
        a.save();
        j.buildAndAssertSuccess(a); // A's own folder perfgate-x exists from now on: the path above resolves
        String config = a.getConfigFile().asString();
        assertTrue(config.contains("<id>x</id>"), config);

        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("configurer")
                .grant(Item.READ, Item.CONFIGURE, Item.BUILD).onItems(a).to("configurer"));
        JenkinsRule.WebClient wc = j.createWebClient().withBasicApiToken("configurer");
        wc.setThrowExceptionOnFailingStatusCode(false);
        WebRequest post = new WebRequest(new URL(j.getURL(), "job/A/config.xml"), HttpMethod.POST);
        post.setAdditionalHeader("Content-Type", "application/xml");
        post.setRequestBody(config.replace("<id>x</id>", "<id>" + HOSTILE + "</id>"));
        WebResponse r = wc.getPage(post).getWebResponse();
        assertTrue(r.getStatusCode() >= 400, "refused, was HTTP " + r.getStatusCode() + ": "
                + r.getContentAsString().substring(0, Math.min(400, r.getContentAsString().length())));

        // A still has its own id, and a build of A records into A's history only
        a = j.jenkins.getItemByFullName("A", FreeStyleProject.class);
        assertEquals("x", a.getPublishersList().get(PerfgateRecorder.class).getId());
        j.buildAndAssertSuccess(a);
        assertArrayEquals(before, Files.readAllBytes(bIndex.toPath()), "B's history index is untouched");
        assertTrue(new File(a.getRootDir(), "perfgate-x/history.jsonl").isFile());
    }

    @Test
    void aBuildRecordWithAPathLikeIdCannotTouchAnotherJobWhenDeleted(JenkinsRule j) throws Exception {
        File bIndex = jobBWithHistory(j);
        byte[] before = Files.readAllBytes(bIndex.toPath());
        FreeStyleProject a = j.createFreeStyleProject("A");
        a.getBuildersList().add(TestBuilders.writeFile("r/a.jtl", new Jtl().add("a", 20, 5, 10, 0).text()));
        PerfgateRecorder rec = new PerfgateRecorder("r/*.jtl");
        rec.setId("x");
        a.getPublishersList().add(rec);
        FreeStyleBuild built = j.buildAndAssertSuccess(a);
        File buildXml = new File(built.getRootDir(), "build.xml");
        String xml = Files.readString(buildXml.toPath());
        assertTrue(xml.contains("<id>x</id>"), xml);
        // the build record of A #1, edited on disk: its result now claims the id that leads into B's folder
        Files.writeString(buildXml.toPath(), xml.replace("<id>x</id>", "<id>" + HOSTILE + "</id>"),
                StandardCharsets.UTF_8);
        a.doReload();
        a = j.jenkins.getItemByFullName("A", FreeStyleProject.class);
        FreeStyleBuild reloaded = a.getBuildByNumber(1);
        List<PerfgateBuildAction> loaded = reloaded.getActions(PerfgateBuildAction.class);
        reloaded.delete();
        assertArrayEquals(before, Files.readAllBytes(bIndex.toPath()), "B's history index is untouched");
        assertEquals(List.of(), loaded, "the record with the hostile id is not loaded as a perfgate result");
    }
}
