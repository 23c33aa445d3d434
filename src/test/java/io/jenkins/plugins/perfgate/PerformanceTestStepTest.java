package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder;
import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Real load tests inside a real Jenkins: JMeter 5.6.3 (provisioned by perfgate) generating load against an HTTP
 * server on 127.0.0.1, started by the freestyle builder and by the {@code performanceTest} / {@code perfgate}
 * Pipeline steps, on the controller's node and on an agent.
 */
@WithJenkins
class PerformanceTestStepTest {

    static final File SMOKE = new File("examples/templates/smoke.jmx");

    private TargetServer target;

    @BeforeEach
    void startTarget() throws Exception {
        target = new TargetServer();
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    private String props(int iterations, String path) {
        return "host=127.0.0.1\nport=" + target.port() + "\niterations=" + iterations + "\npath=" + path;
    }

    static void putTemplate(FilePath ws) throws Exception {
        ws.child("perf/smoke.jmx").copyFrom(new FilePath(SMOKE));
    }

    @Test
    void freestyleBuilderAndPipelineStepsRunRealJMeter(JenkinsRule j) throws Exception {
        // freestyle: the builder runs the template, the build gets the summary and its page shows it
        FreeStyleProject p = j.createFreeStyleProject("free-load");
        p.getBuildersList().add(new TestBuilders.CopyTemplate(SMOKE.getAbsolutePath(), "perf/smoke.jmx"));
        PerformanceTestBuilder builder = new PerformanceTestBuilder();
        builder.setTemplate("perf/smoke.jmx");
        builder.setProperties(props(30, "/"));
        builder.setCriteria("error% < 1");
        builder.setMetrics(true);
        p.getBuildersList().add(builder);
        FreeStyleBuild fb;
        try (Pushgateway push = Pushgateway.start()) {
            PerfgateConfiguration.get().setPushgatewayUrl(push.url());
            fb = j.buildAndAssertSuccess(p);
            // the key figures arrived in a real Pushgateway, grouped by Jenkins job and build
            String metrics = push.metrics();
            assertTrue(metrics.contains("perfgate_samples{") && metrics.contains("job=\"free-load\"")
                    && metrics.contains("build=\"1\""), metrics);
            // and while it ran: the run on the node pushed the figures so far (at least once, at its start)
            assertTrue(java.util.regex.Pattern.compile("live figures pushed to Pushgateway " + push.url()
                    + " [1-9][0-9]* time\\(s\\) during the run").matcher(JenkinsRule.getLog(fb)).find(),
                    JenkinsRule.getLog(fb));
        }
        PerfgateBuildAction fa = fb.getAction(PerfgateBuildAction.class);
        assertNotNull(fa);
        assertEquals("PASS", fa.getVerdict());
        assertEquals("COMPLETE", fa.getStatus());
        assertEquals(30, fa.getOverall().getCount(), "30 iterations of one sampler");
        assertEquals(target.requests(), fa.getOverall().getCount(), "every request the server saw is counted");
        j.assertLogContains("[perfgate] running perf/smoke.jmx on the built-in node", fb);
        j.assertLogContains(" samples 30 ", fb);
        HtmlPage page = j.createWebClient().getPage(fb, "perfgate/");
        assertEquals("PASS", page.getElementById("perfgate-verdict").asNormalizedText());
        assertTrue(page.getElementById("perfgate-labels").asNormalizedText().contains("GET /"));

        // Pipeline, sandboxed: the script reads the result map; a failing gate fails the build; the alias works
        WorkflowJob job = j.createProject(WorkflowJob.class, "pipe-load");
        putTemplate(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  def r = performanceTest template: 'perf/smoke.jmx', properties: '''" + props(20, "/") + "''',\n"
                + "      criteria: 'error% < 1', duration: 45, apdexT: 7\n"
                + "  echo \"verdict=${r.verdict} samples=${r.samples} label=${r.labels.keySet().join(',')}\"\n"
                + "  echo 'plan: ' + readFile('perfgate-results/plan.json').replaceAll('\\\\s', '')\n"
                + "  echo 'apdexT 7: ' + readFile('perfgate-results/summary.json').replaceAll('\\\\s', '')"
                + ".contains('\"apdexTMillis\":7')\n"
                + "  def a = perfgate template: 'smoke', properties: '''" + props(10, "/slow") + "''',\n"
                + "      criteria: 'p95 < 20ms', returnOnly: true, id: 'alias'\n"
                + "  echo \"alias verdict=${a.verdict} p95=${a.overall.p95} url=${a.reportUrl}\"\n"
                // a run plan's own criteria and baseline policy gate the build when the step names none
                + "  writeFile file: 'perf/plan.yaml', text: '''template: smoke.jmx\n"
                + "properties: {host: 127.0.0.1, port: " + target.port() + ", iterations: 5, path: /}\n"
                + "criteria: ['error% < 50', 'rps > 1000000 => unstable']\nbaseline: {policy: previous}\n'''\n"
                + "  def p = performanceTest plan: 'perf/plan.yaml', returnOnly: true\n"
                + "  echo \"plan verdict=${p.verdict} criteria=${p.criteria.size()} baseline=${p.baseline}\"\n"
                // repeat: k with an interleaved baseline target: the gate compares repetitions by the U-test. The
                // median, not the mean: with 3 vs 3 runs one stalled request (a loaded machine) in a baseline
                // repetition must not reach the 60 ms of /slow, or the U-test's p rises above 0.05
                + "  writeFile file: 'perf/rep.yaml', text: '''template: smoke.jmx\n"
                + "properties: {host: 127.0.0.1, port: " + target.port() + ", iterations: 4, path: /slow}\n"
                + "repeat: 3\nbaselineTarget: {properties: {path: /}}\n"
                + "criteria: ['p50 vs baseline < +25%']\nbaseline: {policy: previous, alpha: 0.05}\n'''\n"
                + "  def rr = performanceTest plan: 'perf/rep.yaml', outputDir: 'rep', returnOnly: true\n"
                + "  echo \"rep verdict=${rr.verdict} baseline=${rr.baseline} detail=${rr.criteria[0].detail}\"\n"
                + "  performanceTest template: 'perf/smoke.jmx', properties: '''" + props(10, "/slow") + "''',\n"
                + "      criteria: 'p95 < 20ms'\n"
                + "  echo 'promoted'\n"
                + "}", true));
        WorkflowRun r = j.buildAndAssertStatus(Result.FAILURE, job);
        j.assertLogContains("verdict=PASS samples=20 label=GET /", r);
        // the step's duration is the templates' duration property too, not only the planned duration
        j.assertLogContains("\"duration\":\"45s\"", r);
        j.assertLogContains("\"duration\":\"45\"", r);
        j.assertLogContains("alias verdict=FAIL", r);
        // the alias' result has an id: it stays beside the build's result without id, at its own URL
        j.assertLogContains("url=" + r.getUrl() + "perfgate-alias/", r);
        assertEquals(List.of("", "alias"), r.getActions(PerfgateBuildAction.class).stream()
                .map(PerfgateBuildAction::getId).sorted().toList());
        j.assertLogContains("plan verdict=UNSTABLE criteria=2", r);
        j.assertLogContains("rep verdict=FAIL baseline=baseline target, 3 run(s) interleaved", r);
        j.assertLogContains("Mann-Whitney U", r);
        j.assertLogContains("apdexT 7: true", r);
        j.assertLogContains("performance gate failed", r);
        j.assertLogNotContains("promoted", r);
        j.assertLogContains(" samples 20 ", r);
    }

    @Test
    void stepRunsOnTheAgentAndAbortLeavesNoJMeterBehind(JenkinsRule j) throws Exception {
        KitWorkarounds.agentJarUnderItsVersionedName(j);
        DumbSlave agent = j.createOnlineSlave(Label.get("loadgen"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "agent-load");
        FilePath agentWs = agent.getWorkspaceFor(job);
        putTemplate(agentWs);
        job.setDefinition(new CpsFlowDefinition("node('loadgen') {\n"
                + "  def r = performanceTest template: 'perf/smoke.jmx', properties: '''" + props(15, "/") + "'''\n"
                + "  echo \"agent run: ${r.verdict} ${r.samples} ${r.summary}\"\n"
                // parallel branches that only produce results, gated once together
                + "  parallel a: { performanceTest template: 'perf/smoke.jmx', outputDir: 'pa', publish: false,\n"
                + "                  properties: '''" + props(7, "/") + "''' },\n"
                + "           b: { performanceTest template: 'perf/smoke.jmx', outputDir: 'pb', publish: false,\n"
                + "                  properties: '''" + props(9, "/") + "''' }\n"
                + "  def m = perfgatePublish files: 'pa/**/*.jtl,pb/**/*.jtl', criteria: 'error% < 1'\n"
                + "  echo \"merged: ${m.verdict} ${m.samples}\"\n"
                + "}", true));
        WorkflowRun r = j.buildAndAssertSuccess(job);
        j.assertLogContains("merged: PASS 16", r);
        assertEquals(16, r.getAction(PerfgateBuildAction.class).getOverall().getCount());
        j.assertLogContains("on agent " + agent.getNodeName(), r);
        j.assertLogContains("agent run: PASS 15 perfgate-results/summary.json", r);
        assertTrue(agentWs.child("perfgate-results/summary.json").exists(), "results stay in the agent workspace");
        assertNotNull(r.getAction(PerfgateBuildAction.class), "the controller build has the summary");
        assertTrue(new File(r.getRootDir(), "perfgate/summary.json").isFile());

        // a long run, aborted while it generates load: no JMeter process of this workspace survives
        job.setDefinition(new CpsFlowDefinition("node('loadgen') {\n"
                + "  performanceTest template: 'perf/smoke.jmx', properties: '''" + props(1_000_000, "/slow") + "'''\n"
                + "}", true));
        WorkflowRun running = job.scheduleBuild2(0).waitForStart();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!JenkinsRule.getLog(running).contains(" samples ") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(JenkinsRule.getLog(running).contains(" samples "), "load was running before the abort");
        assertTrue(!jmeterProcesses(agentWs).isEmpty(), "JMeter runs in the agent workspace");
        running.doStop();
        j.waitForCompletion(running);
        j.assertBuildStatus(Result.ABORTED, running);
        long until = System.currentTimeMillis() + 5_000;
        while (!jmeterProcesses(agentWs).isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), jmeterProcesses(agentWs), "no generator left behind within 5 s");
    }

    /** A real Prometheus Pushgateway (Debian package) on 127.0.0.1, stopped on close. */
    static final class Pushgateway implements AutoCloseable {
        private final Process process;
        private final int port;

        /** The Authorization header the gateway requires, or null. */
        private final String auth;

        private Pushgateway(Process process, int port, String auth) {
            this.process = process;
            this.port = port;
            this.auth = auth;
        }

        static Pushgateway start() throws Exception {
            return start(null, null);
        }

        /**
         * With {@code user} set, the gateway requires HTTP basic authentication (its {@code --web.config.file},
         * bcrypt-hashed password) for pushes and reads alike.
         */
        static Pushgateway start(String user, String password) throws Exception {
            File bin = new File("/usr/bin/prometheus-pushgateway");
            // a missing server fails the test (bin/test-all installs it): a skipped metrics test must not look green
            assertTrue(bin.canExecute(), bin + " is missing: install Debian's prometheus-pushgateway"
                    + " (bin/lib/install-test-deps.sh)");
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            List<String> cmd = new java.util.ArrayList<>(List.of(bin.getPath(),
                    "--web.listen-address=127.0.0.1:" + port));
            String auth = null;
            if (user != null) {
                java.nio.file.Path config = java.nio.file.Files.createTempFile("pushgateway-web", ".yml");
                config.toFile().deleteOnExit();
                java.nio.file.Files.writeString(config, "basic_auth_users:\n  " + user + ": '"
                        + org.springframework.security.crypto.bcrypt.BCrypt.hashpw(password,
                                org.springframework.security.crypto.bcrypt.BCrypt.gensalt(4)) + "'\n");
                cmd.add("--web.config.file=" + config);
                auth = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Pushgateway g = new Pushgateway(p, port, auth);
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline) {
                try {
                    g.metrics();
                    return g;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            p.destroyForcibly();
            throw new IllegalStateException("pushgateway did not start");
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        String metrics() throws java.io.IOException {
            java.net.URLConnection c = java.net.URI.create(url() + "/metrics").toURL().openConnection();
            if (auth != null) {
                c.setRequestProperty("Authorization", auth);
            }
            try (var in = c.getInputStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Command lines of live java processes working for this workspace (the CLI and its JMeter generators). */
    static List<String> jmeterProcesses(FilePath ws) {
        String marker = ws.getRemote();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(ph -> ph.info().commandLine().orElse(""))
                .filter(c -> c.contains(marker) && c.contains("java")).toList();
    }
}
