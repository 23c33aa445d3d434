package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.perfgate.config.GeneratorPool;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.settings.PublishSettings;
import io.jenkins.plugins.perfgate.settings.TestSettings;
import io.jenkins.plugins.perfgate.steps.Forms;
import io.jenkins.plugins.perfgate.steps.PerfgateAliasStep;
import io.jenkins.plugins.perfgate.steps.PerfgatePublishStep;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder;
import io.jenkins.plugins.perfgate.steps.PerformanceTestStep;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Forms keep every field; form checks and pages are guarded by permissions and refuse GET where they must. */
@WithJenkins
class ConfigurationTest {

    @Test
    void configRoundtripKeepsEveryField(JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "influx-creds", "influx", "perf", "secret"));
        SystemCredentialsProvider.getInstance().save();

        FreeStyleProject p = j.createFreeStyleProject("cfg");
        PerformanceTestBuilder builder = new PerformanceTestBuilder();
        builder.setPlan("perf/plan.yaml");
        builder.setTemplate("perf/load.jmx");
        builder.setProperties("threads=4\nhost=127.0.0.1");
        builder.setGenerators("local:2");
        builder.setDuration(30);
        builder.setTimeLimit(90);
        builder.setCriteria("p95 < 800ms\nerror% < 1 => unstable");
        builder.setBaseline("last-passing");
        builder.setApdexT(300);
        builder.setGroupPathIds(true);
        builder.setHtml(false);
        builder.setMetrics(true);
        builder.setArchiveResults(true);
        builder.setReturnOnly(true);
        builder.setPublish(false);
        builder.setReleaseTag("v1.2");
        builder.setOutputDir("out/perf");
        builder.setId("api");
        p.getBuildersList().add(builder);
        PerfgateRecorder recorder = new PerfgateRecorder("results/*.jtl");
        recorder.setCriteria("p99 < 2s");
        recorder.setBaseline("median:7");
        recorder.setApdexT(250);
        recorder.setGroupQueryStrings(true);
        recorder.setGroupPathIds(true);
        recorder.setHtml(true);
        recorder.setArchiveResults(true);
        recorder.setReleaseTag("rc");
        recorder.setOutputDir("pg");
        recorder.setMetrics(true);
        recorder.setId("web");
        p.getPublishersList().add(recorder);

        p = j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(builder, p.getBuildersList().get(PerformanceTestBuilder.class));
        j.assertEqualDataBoundBeans(recorder, p.getPublishersList().get(PerfgateRecorder.class));

        PerfgateConfiguration c = PerfgateConfiguration.get();
        c.setJmeterHome("/opt/jmeter");
        GeneratorPool local = new GeneratorPool("ci-local");
        local.setLocalCount(3);
        GeneratorPool servers = new GeneratorPool("lab");
        servers.setType("servers");
        servers.setHosts("10.0.0.5:1099, 10.0.0.6");
        GeneratorPool agents = new GeneratorPool("fleet");
        agents.setType("agents");
        agents.setLabel("loadgen && linux");
        agents.setAgentCount(4);
        GeneratorPool pods = new GeneratorPool("pods");
        pods.setType("kubernetes");
        pods.setNamespace("load-tests");
        pods.setPodCount(3);
        pods.setImage("eclipse-temurin:21-jre");
        pods.setCpu("2");
        pods.setMemory("1536Mi");
        pods.setCpuLimit("2");
        pods.setMemoryLimit("1536Mi");
        pods.setKubeconfigCredentialsId("kube");
        c.setGeneratorPools(List.of(local, servers, agents, pods));
        c.setAgentWait(42);
        c.setDefaultCriteria("error% < 2");
        c.setDefaultBaseline("previous");
        c.setInfluxUrl("http://127.0.0.1:8086");
        c.setInfluxCredentialsId("influx-creds");
        c.setPushgatewayUrl("http://127.0.0.1:9091");
        c.setPushgatewayCredentialsId("influx-creds");
        j.configRoundtrip();
        PerfgateConfiguration after = PerfgateConfiguration.get();
        assertEquals("/opt/jmeter", after.getJmeterHome());
        assertEquals(4, after.getGeneratorPools().size());
        j.assertEqualDataBoundBeans(pods, after.getGeneratorPools().get(3));
        assertEquals("kubernetes:load-tests:3", after.pool("pods").orElseThrow().toSpec());
        j.assertEqualDataBoundBeans(agents, after.getGeneratorPools().get(2));
        assertEquals("agents:loadgen && linux:4", after.pool("fleet").orElseThrow().toSpec());
        assertEquals(42, after.getAgentWait());
        j.assertEqualDataBoundBeans(local, after.getGeneratorPools().get(0));
        j.assertEqualDataBoundBeans(servers, after.getGeneratorPools().get(1));
        assertEquals("servers:10.0.0.5:1099,10.0.0.6", after.pool("lab").orElseThrow().toSpec());
        assertEquals("error% < 2", after.getDefaultCriteria());
        assertEquals("previous", after.getDefaultBaseline());
        assertEquals("http://127.0.0.1:8086", after.getInfluxUrl());
        assertEquals("influx-creds", after.getInfluxCredentialsId());
        assertEquals("http://127.0.0.1:9091", after.getPushgatewayUrl());
        assertEquals("influx-creds", after.getPushgatewayCredentialsId());
        // the secret is not in the configuration file
        // (kept under the file name of the version before the package split, so upgrades keep their settings)
        String xml = java.nio.file.Files.readString(new java.io.File(j.jenkins.getRootDir(),
                "io.jenkins.plugins.perfgate.PerfgateConfiguration.xml").toPath());
        assertTrue(xml.contains("influx-creds") && !xml.contains("secret"), xml);

        // validation answers (called directly with permission)
        PerformanceTestBuilder.DescriptorImpl d = j.jenkins.getDescriptorByType(PerformanceTestBuilder.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckCriteria(p, "p95 << 800ms").kind);
        assertTrue(d.doCheckCriteria(p, "p95 << 800ms").getMessage().contains("column"));
        assertEquals(FormValidation.Kind.OK, d.doCheckCriteria(p, "p95 < 800ms; error% < 1 => unstable").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckBaseline(p, "yesterday").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckBaseline(p, "median:5").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckDuration(p, "-1").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckDuration(p, "999999").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckApdexT(p, "abc").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckProperties(p, "threads").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckGenerators(p, "ci-local").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckGenerators(p, "local:0").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckGenerators(p, "nowhere").kind);
        assertEquals(FormValidation.Kind.ERROR, d.doCheckTemplate(p, "perf/load.txt").kind);
        assertEquals(FormValidation.Kind.OK, d.doCheckTemplate(p, "smoke").kind, "a bundled template");
        j.buildAndAssertStatus(hudson.model.Result.FAILURE, p); // creates the workspace: template is missing
        assertEquals(FormValidation.Kind.WARNING, d.doCheckTemplate(p, "perf/missing.jmx").kind);
        p.getSomeWorkspace().child("perf/here.jmx").write("<jmeterTestPlan/>", "UTF-8");
        assertEquals(FormValidation.Kind.OK, d.doCheckTemplate(p, "perf/here.jmx").kind);
        assertEquals(FormValidation.Kind.ERROR, after.doCheckInfluxUrl("ftp://x").kind);
        assertEquals(FormValidation.Kind.ERROR,
                j.jenkins.getDescriptorByType(GeneratorPool.DescriptorImpl.class).doCheckHosts("", "servers").kind);
    }

    @Test
    void pipelineStepsKeepTheirDocumentedParameters(JenkinsRule j) throws Exception {
        List<String> gate = List.of("id", "criteria", "baseline", "apdexT", "groupPathIds", "groupQueryStrings",
                "html", "metrics", "archiveResults", "returnOnly", "releaseTag", "outputDir");
        java.util.Set<String> test = new java.util.TreeSet<>(gate);
        test.addAll(List.of("plan", "template", "properties", "secretProperties", "generators",
                "kubeconfigCredentialsId", "duration", "timeLimit", "jmeterPlugins", "libraries", "publish"));
        java.util.Set<String> publish = new java.util.TreeSet<>(gate);
        publish.add("files");
        for (Class<?> c : List.of(PerformanceTestStep.class, PerfgateAliasStep.class, PerformanceTestBuilder.class)) {
            assertEquals(test, parameters(c), c.getName());
        }
        for (Class<?> c : List.of(PerfgatePublishStep.class, PerfgateRecorder.class)) {
            assertEquals(publish, parameters(c), c.getName());
        }
        // every field's help is served, from its one help file (steps and recorder redirect to the builder's)
        JenkinsRule.WebClient wc = j.createWebClient();
        for (Class<? extends hudson.model.Describable> c : List.of(PerformanceTestStep.class, PerfgateAliasStep.class,
                PerformanceTestBuilder.class, PerfgatePublishStep.class, PerfgateRecorder.class)) {
            hudson.model.Descriptor<?> d = j.jenkins.getDescriptorOrDie(c);
            for (String field : parameters(c)) {
                String url = j.executeOnServer(() -> d.getHelpFile(field));
                assertNotNull(url, "help of " + field + " in " + c.getSimpleName());
                String text = wc.goTo(url.substring(1), null).getWebResponse().getContentAsString();
                assertTrue(text.contains("<div>") && text.length() > 40, url + ": " + text);
            }
        }
        String recorderMetrics = j.executeOnServer(() -> j.jenkins.getDescriptorOrDie(PerfgatePublishStep.class)
                .getHelpFile("metrics"));
        assertTrue(wc.goTo(recorderMetrics.substring(1), null).getWebResponse().getContentAsString()
                .contains("from the Jenkins controller"), "perfgatePublish's metrics help is the recorder's");

        // the Snippet Generator shows the steps' forms, which include the freestyle classes' forms
        j.createProject(org.jenkinsci.plugins.workflow.job.WorkflowJob.class, "snippets");
        assertTrue(snippetForm(wc, "performanceTest").contains("Template (.jmx)"), "performanceTest's form");
        assertTrue(snippetForm(wc, "perfgate:").contains("Template (.jmx)"), "the alias' form");
        assertTrue(snippetForm(wc, "perfgatePublish").contains("Result files"), "perfgatePublish's form");

        // every parameter survives Pipeline's map form (what the Snippet Generator prints and scripts pass)
        PerformanceTestStep step = new PerformanceTestStep();
        step.setTemplate("perf/load.jmx");
        step.setProperties("threads=4");
        step.setGenerators("local:2");
        step.setDuration(30);
        step.setTimeLimit(60);
        step.setCriteria("p95 < 800ms");
        step.setBaseline("previous");
        step.setApdexT(300);
        step.setHtml(false);
        step.setMetrics(true);
        step.setArchiveResults(true);
        step.setReturnOnly(true);
        step.setReleaseTag("rc");
        step.setOutputDir("o");
        step.setPublish(false);
        step.setId("api");
        var model = org.jenkinsci.plugins.structs.describable.DescribableModel.of(PerformanceTestStep.class);
        j.assertEqualDataBoundBeans(step, model.instantiate(model.uninstantiate2(step).toMap(), null));
        PerfgatePublishStep pub = new PerfgatePublishStep("r/*.jtl");
        pub.setCriteria("error% < 1");
        pub.setMetrics(true);
        pub.setOutputDir("p");
        pub.setId("web");
        var pubModel = org.jenkinsci.plugins.structs.describable.DescribableModel.of(PerfgatePublishStep.class);
        j.assertEqualDataBoundBeans(pub, pubModel.instantiate(pubModel.uninstantiate2(pub).toMap(), null));
    }

    /** The Snippet Generator's form of a step (rendered on demand when chosen), as text. */
    private static String snippetForm(JenkinsRule.WebClient wc, String stepPrefix) throws Exception {
        org.htmlunit.html.HtmlPage page = wc.goTo("job/snippets/pipeline-syntax/");
        org.htmlunit.html.HtmlSelect select = null;
        for (org.htmlunit.html.DomElement e : page.getElementsByTagName("select")) {
            org.htmlunit.html.HtmlSelect candidate = (org.htmlunit.html.HtmlSelect) e;
            if (candidate.getOptions().stream().anyMatch(o -> o.getText().startsWith("performanceTest"))) {
                select = candidate;
            }
        }
        assertNotNull(select, "the step chooser");
        org.htmlunit.html.HtmlOption option = select.getOptions().stream()
                .filter(o -> o.getText().startsWith(stepPrefix)).findFirst().orElseThrow(() -> new AssertionError(
                        stepPrefix + " not offered"));
        select.setSelectedAttribute(option, true);
        wc.waitForBackgroundJavaScript(10_000);
        return page.asNormalizedText();
    }

    private static java.util.Set<String> parameters(Class<?> c) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        org.jenkinsci.plugins.structs.describable.DescribableModel.of(c).getParameters().forEach(p -> names.add(p.getName()));
        return names;
    }

    @Test
    void jobsStoredBeforeTheRefactoringStillLoad(JenkinsRule j) throws Exception {
        // config.xml as the previous release wrote it: the settings beans as nested elements, metrics in TestSettings
        String xml = """
                <?xml version='1.1' encoding='UTF-8'?>
                <project>
                  <builders>
                    <io.jenkins.plugins.perfgate.PerformanceTestBuilder>
                      <settings>
                        <criteria>p95 &lt; 800ms</criteria>
                        <baseline>previous</baseline>
                        <apdexT>300</apdexT>
                        <html>false</html>
                        <archiveResults>true</archiveResults>
                        <returnOnly>false</returnOnly>
                        <releaseTag>v1</releaseTag>
                        <outputDir>out/${BUILD_NUMBER}</outputDir>
                        <plan></plan>
                        <template>perf/missing.jmx</template>
                        <properties>threads=2</properties>
                        <generators>local:1</generators>
                        <duration>5</duration>
                        <timeLimit>0</timeLimit>
                        <metrics>true</metrics>
                        <publish>true</publish>
                      </settings>
                    </io.jenkins.plugins.perfgate.PerformanceTestBuilder>
                  </builders>
                  <publishers>
                    <io.jenkins.plugins.perfgate.PerfgateRecorder>
                      <files>r/*.jtl</files>
                      <settings>
                        <criteria>error% &lt; 1</criteria>
                        <baseline></baseline>
                        <apdexT>0</apdexT>
                        <archiveResults>false</archiveResults>
                        <returnOnly>true</returnOnly>
                      </settings>
                    </io.jenkins.plugins.perfgate.PerfgateRecorder>
                  </publishers>
                </project>
                """.strip();
        FreeStyleProject p = (FreeStyleProject) j.jenkins.createProjectFromXML("stored",
                new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        PerformanceTestBuilder b = p.getBuildersList().get(PerformanceTestBuilder.class);
        assertEquals("p95 < 800ms", b.getCriteria());
        assertEquals(300, b.getApdexT());
        assertTrue(b.isMetrics() && b.isArchiveResults() && !b.isHtml() && b.isPublish());
        assertEquals("perf/missing.jmx", b.getTemplate());
        assertEquals("threads=2", b.getProperties());
        PerfgateRecorder r = p.getPublishersList().get(PerfgateRecorder.class);
        assertEquals("r/*.jtl", r.getFiles());
        assertEquals("error% < 1", r.getCriteria());
        assertTrue(r.isReturnOnly() && r.isHtml() && !r.isMetrics(), "missing fields take their defaults");
        assertEquals(PublishSettings.DEFAULT_OUTPUT_DIR, r.getOutputDir());
        // a build expands the output folder for itself and leaves the job's configuration as it was
        j.buildAndAssertStatus(hudson.model.Result.FAILURE, p);
        assertEquals("out/${BUILD_NUMBER}", b.getOutputDir());
        assertTrue(p.getSomeWorkspace().child("out/1").isDirectory(), "the build used out/1");
    }

    @Test
    void webMethodsNeedPermissionsAndPost(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("secured");
        p.getBuildersList().add(TestBuilders.writeFile("r/a.jtl", new Jtl().add("a", 20, 5, 10, 0).text()));
        p.getPublishersList().add(new PerfgateRecorder("r/*.jtl"));
        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("dev")
                .grant(Jenkins.READ, Item.READ).everywhere().to("viewer")
                .grant(Jenkins.READ, Item.DISCOVER).everywhere().to("outsider"));

        String builder = "descriptorByName/" + PerformanceTestBuilder.class.getName() + "/";
        String recorder = "descriptorByName/" + PerfgateRecorder.class.getName() + "/";
        String step = "descriptorByName/" + PerformanceTestStep.class.getName() + "/";
        String publish = "descriptorByName/" + PerfgatePublishStep.class.getName() + "/";
        String global = "descriptorByName/" + PerfgateConfiguration.class.getName() + "/";
        String pool = "descriptorByName/" + GeneratorPool.class.getName() + "/";
        List<String> jobChecks = List.of(builder + "checkCriteria?value=x", builder + "checkTemplate?value=a.jmx",
                builder + "checkBaseline?value=x", builder + "checkDuration?value=1", builder + "checkGenerators?value=x",
                builder + "checkProperties?value=x", builder + "checkTimeLimit?value=1",
                builder + "checkApdexT?value=1", builder + "checkPlan?value=x",
                recorder + "checkFiles?value=x", recorder + "checkCriteria?value=x",
                recorder + "checkBaseline?value=x", recorder + "checkApdexT?value=1",
                step + "checkCriteria?value=x", step + "checkBaseline?value=x", step + "checkProperties?value=x",
                step + "checkDuration?value=1", step + "checkTimeLimit?value=1", step + "checkApdexT?value=1",
                step + "checkGenerators?value=x", publish + "checkFiles?value=x", publish + "checkCriteria?value=x",
                publish + "checkBaseline?value=x", publish + "checkApdexT?value=1", builder + "checkId?value=x",
                recorder + "checkId?value=x", step + "checkId?value=x", publish + "checkId?value=x");
        List<String> adminChecks = List.of(global + "checkJmeterHome?value=x", global + "checkDefaultCriteria?value=x",
                global + "checkDefaultBaseline?value=x", global + "checkInfluxUrl?value=x",
                global + "checkPushgatewayUrl?value=x", global + "fillInfluxCredentialsIdItems",
                global + "fillPushgatewayCredentialsIdItems", pool + "checkName?value=x",
                pool + "checkLocalCount?value=1", pool + "checkHosts?value=x", pool + "checkPodCount?value=1",
                pool + "checkNamespace?value=x", pool + "checkCpu?value=1", pool + "checkMemoryLimit?value=1",
                pool + "fillKubeconfigCredentialsIdItems");
        for (String url : jobChecks) {
            assertEquals(403, post(j, "viewer", "job/secured/" + url), url);
            assertEquals(200, post(j, "dev", "job/secured/" + url), url);
            assertRefusedGet(get(j, "dev", "job/secured/" + url), url);
        }
        for (String url : adminChecks) {
            assertEquals(403, post(j, "dev", url), url);
            assertEquals(200, post(j, "admin", url), url);
            assertRefusedGet(get(j, "admin", url), url);
        }
        // the kubeconfig list shows credential ids only to who may configure the job
        SystemCredentialsProvider.getInstance().getCredentials().add(new FileCredentialsImpl(CredentialsScope.GLOBAL,
                "cluster-kc", "cluster", "kubeconfig", SecretBytes.fromBytes(new byte[] {'k'})));
        PerformanceTestBuilder.DescriptorImpl bd =
                j.jenkins.getDescriptorByType(PerformanceTestBuilder.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("dev", true).impersonate2())) {
            assertTrue(optionValues(bd.doFillKubeconfigCredentialsIdItems(p, "")).contains("cluster-kc"));
        }
        try (ACLContext ignored = ACL.as2(User.getById("viewer", true).impersonate2())) {
            assertEquals(List.of("mine"), optionValues(bd.doFillKubeconfigCredentialsIdItems(p, "mine")));
        }
        // pages and images of a job need Job/Read; the archived report and its data need Run/Artifacts too
        String build = b.getUrl() + "perfgate/";
        for (String url : List.of(build, build + "chart?kind=p95", "job/secured/perfgate/",
                "job/secured/perfgate/trend?metric=latency")) {
            assertEquals(403, get(j, "outsider", url), url);
            assertEquals(200, get(j, "viewer", url), url);
        }
        assertEquals(403, get(j, "viewer", build + "report/"), "report without Run/Artifacts");
        assertEquals(403, get(j, "viewer", build + "summaryJson"), "the summary without Run/Artifacts");
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Run.ARTIFACTS).everywhere().to("viewer"));
        clients.clear();
        assertTrue(get(j, "viewer", build + "report/") != 403);
        assertEquals(200, get(j, "viewer", build + "summaryJson"));
    }

    /** Stapler answers a GET on a {@code @POST} method with 404 or 405, never by running it. */
    private static void assertRefusedGet(int status, String url) {
        assertTrue(status == 404 || status == 405, "GET must be refused for " + url + ", was " + status);
    }

    /** One logged-in client per user: logging in is the slow part. */
    private final java.util.Map<String, JenkinsRule.WebClient> clients = new java.util.HashMap<>();

    private JenkinsRule.WebClient client(JenkinsRule j, String user) throws Exception {
        JenkinsRule.WebClient wc = clients.get(user);
        if (wc == null) {
            wc = j.createWebClient();
            wc.getOptions().setJavaScriptEnabled(false);
            wc.withBasicApiToken(user);
            wc.setThrowExceptionOnFailingStatusCode(false);
            clients.put(user, wc);
        }
        return wc;
    }

    private int post(JenkinsRule j, String user, String path) throws Exception {
        WebRequest req = new WebRequest(new URL(j.getURL(), path), HttpMethod.POST);
        // API-token authentication needs no crumb, as for API clients
        WebResponse r = client(j, user).getPage(req).getWebResponse();
        return r.getStatusCode();
    }

    private int get(JenkinsRule j, String user, String path) throws Exception {
        return client(j, user).goTo(path, null).getWebResponse().getStatusCode();
    }

    private static List<String> optionValues(ListBoxModel model) {
        return model.stream().map(o -> o.value).toList();
    }
}
