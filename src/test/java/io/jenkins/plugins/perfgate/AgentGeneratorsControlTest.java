package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.util.Secret;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.engine.runner.metrics.MonitoringServers;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What the controller hands to and judges over its generator agents, in a real Jenkins with two real agents (own
 * JVMs and roots), real JMeter and a real influxd: secret template properties and InfluxDB credentials reach each
 * agent's run through its environment only; each agent's JMeter writes live through its own relay; the plan's abort
 * criteria are judged on the agents' merged live figures and stop every agent; aborting the build leaves no JMeter
 * on either agent; an agent lost mid-run makes the run INCOMPLETE, naming it. One Jenkins for all: it is slow.
 */
@WithJenkins
class AgentGeneratorsControlTest {

    private static final String TOKEN = "tok-ag3nt-5ecr3t";
    private static final String INFLUX_PASSWORD = "infl-ag3nt-pw";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void secretsAndLiveMetricsReachEveryAgentAndMergedAbortCriteriaStopThemAll(JenkinsRule j) throws Exception {
        KitWorkarounds.agentJarUnderItsVersionedName(j);
        DumbSlave a = j.createOnlineSlave(Label.get("pair"));
        DumbSlave b = j.createOnlineSlave(Label.get("pair"));
        Files.createDirectories(tmp.resolve("influx"));
        try (MonitoringServers.Server influx = MonitoringServers.influxd(tmp.resolve("influx"), true);
                TargetServer target = new TargetServer()) {
            // the first user of an auth-enabled influxd may be created without credentials
            assertEquals(200, post(influx.url(), "q=" + enc("CREATE USER \"perf\" WITH PASSWORD '" + INFLUX_PASSWORD
                    + "' WITH ALL PRIVILEGES")).statusCode());
            SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                    CredentialsScope.GLOBAL, "api-token", "t", Secret.fromString(TOKEN)));
            SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                    CredentialsScope.GLOBAL, "influx", "", "perf", INFLUX_PASSWORD));
            PerfgateConfiguration.get().setInfluxUrl(influx.url().toString());
            PerfgateConfiguration.get().setInfluxCredentialsId("influx");

            // 1. one sample per agent of a template that dumps what it sees (environment, JMeter properties)
            WorkflowJob job = j.createProject(WorkflowJob.class, "agents-control");
            FilePath perf = j.jenkins.getWorkspaceFor(job).child("perf");
            perf.child("dump.jmx").copyFrom(AgentGeneratorsControlTest.class.getResource(
                    "/io/jenkins/plugins/perfgate/engine/runner/dump-environment.jmx"));
            Path dump = tmp.resolve("dump.txt");
            perf.child("dump.yaml").write("template: dump.jmx\nproperties: {dumpFile: '" + dump + "'}\n"
                    + "generators: {type: agents, count: 2, options: {label: pair}}\n"
                    + "metrics: {influxdb: {url: 'http://127.0.0.1:1', database: agents_live, live: true}}\n",
                    "UTF-8");
            job.setDefinition(new CpsFlowDefinition("node('built-in') {\n"
                    + "  performanceTest plan: 'perf/dump.yaml', metrics: true, secretProperties: [token: 'api-token']"
                    + "\n}", true));
            WorkflowRun run = j.buildAndAssertSuccess(job);
            String dumped = Files.readString(dump);
            assertTrue(dumped.contains("prop token=" + TOKEN + "\n"), "an agent's JMeter got the secret property");
            assertTrue(dumped.lines().filter(l -> l.startsWith("env ")).noneMatch(l -> l.contains(TOKEN)
                    || l.contains(INFLUX_PASSWORD)), "JMeter saw a secret in its environment");
            j.assertLogNotContains(TOKEN, run);
            j.assertLogNotContains(INFLUX_PASSWORD, run);
            assertNoFileHolds(j.jenkins.getRootDir().toPath(), List.of(TOKEN, INFLUX_PASSWORD));
            for (DumbSlave s : List.of(a, b)) {
                assertNoFileHolds(Path.of(s.getRemoteFS()), List.of(TOKEN, INFLUX_PASSWORD));
            }
            String summary = Files.readString(new File(run.getRootDir(), "perfgate/summary.json").toPath());
            assertTrue(summary.contains("\"property.token\" : \"****\""), summary);
            // live: each agent's JMeter wrote its one sample through the relay on its machine (with the credentials)
            JsonNode live = query(influx.url(), "SELECT sum(\"count\") FROM \"jmeter\" WHERE \"transaction\" = 'dump'"
                    + " AND \"statut\" = 'all'");
            assertEquals(2, live.at("/results/0/series/0/values/0/1").asLong(), live + "\n"
                    + JenkinsRule.getLog(run));
            // each agent's points carry its own name as the generator tag, not gen-1 for all
            JsonNode tags = query(influx.url(), "SHOW TAG VALUES FROM \"jmeter\" WITH KEY = \"generator\"");
            Set<String> generatorTags = new TreeSet<>();
            tags.at("/results/0/series/0/values").forEach(v -> generatorTags.add(v.get(1).asText()));
            assertEquals(new TreeSet<>(List.of(a.getNodeName(), b.getNodeName())), generatorTags, tags.toString());

            // 2. 6 threads on /slow (60 ms): one agent's 3 threads cannot exceed 50 req/s, both together can; only
            // the merged figures trip the criterion, and it stops both agents, which still report what they did
            perf.child("smoke.jmx").copyFrom(new FilePath(PerformanceTestStepTest.SMOKE));
            perf.child("busy.yaml").write("template: smoke.jmx\nproperties: {threads: 6, iterations: 1000000, "
                    + "host: 127.0.0.1, port: " + target.port() + ", path: /slow}\n"
                    + "generators: {type: agents, count: 2, options: {label: pair}}\n"
                    + "sampling: {flushEachSample: true}\ntimeLimit: 90s\nabort: ['rps > 56 for 2s']\n", "UTF-8");
            job.setDefinition(new CpsFlowDefinition("node('built-in') {\n"
                    + "  performanceTest plan: 'perf/busy.yaml', outputDir: 'busy'\n}", true));
            long started = System.currentTimeMillis();
            WorkflowRun aborted = j.buildAndAssertStatus(Result.FAILURE, job);
            String log = JenkinsRule.getLog(aborted);
            PerfgateBuildAction action = aborted.getAction(PerfgateBuildAction.class);
            assertEquals("ABORTED", action.getStatus(), log);
            assertTrue(action.getStatusReason().startsWith("abort criterion 'rps > 56 for 2s' breached (rps = "),
                    action.getStatusReason());
            assertTrue(action.getStatusReason().contains(" on the merged live figures of 2 agent(s): rps "),
                    action.getStatusReason());
            j.assertLogContains("[perfgate] aborting every agent: abort criterion 'rps > 56 for 2s'", aborted);
            assertTrue(System.currentTimeMillis() - started < 80_000, "stopped well before the time limit:\n" + log);
            RunSummary merged = SummaryJson.read(new File(aborted.getRootDir(), "perfgate/summary.json").toPath());
            assertEquals(2, merged.generators().size(), "both agents' results are kept");
            merged.generators().forEach((name, stats) -> assertTrue(stats.count() > 0, name));
            AgentGeneratorsTest.awaitNoJava(List.of(a, b), 5_000);
            long after = target.requests();
            Thread.sleep(1_000);
            assertEquals(after, target.requests(), "no agent generates load after the abort");

            // 3. the build aborted while both agents generate load: no JMeter of either survives 5 s
            WorkflowJob stopped = AgentGeneratorsTest.job(j, "agents-abort", "agents:pair:2", props(target, 2,
                    1_000_000), "");
            WorkflowRun running = stopped.scheduleBuild2(0).waitForStart();
            AgentGeneratorsTest.awaitLoadFrom(running, a, b);
            running.doStop();
            j.waitForCompletion(running);
            j.assertBuildStatus(Result.ABORTED, running);
            AgentGeneratorsTest.awaitNoJava(List.of(a, b), 5_000);

            // 4. agent b's JVM ends mid-run: the run is INCOMPLETE naming it, a's results are kept (last: b is gone)
            WorkflowJob lost = AgentGeneratorsTest.job(j, "agents-lost", "agents:pair:2", props(target, 2, 150),
                    ", returnOnly: true");
            WorkflowRun r = lost.scheduleBuild2(0).waitForStart();
            AgentGeneratorsTest.awaitLoadFrom(r, a, b);
            long pid = b.getChannel().call(new AgentGeneratorsTest.Pid());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            j.waitForCompletion(r);
            PerfgateBuildAction lostAction = r.getAction(PerfgateBuildAction.class);
            assertEquals("INCOMPLETE", lostAction.getStatus(), JenkinsRule.getLog(r));
            assertTrue(lostAction.getStatusReason().contains("agent " + b.getNodeName() + " disconnected"),
                    lostAction.getStatusReason());
            assertEquals(150, lostAction.getOverall().getCount(), "agent " + a.getNodeName()
                    + "'s thread, 150 iterations");
            AgentGeneratorsTest.awaitNoJava(List.of(b), 15_000);
        }
    }

    /**
     * The smoke template's properties on {@code /slow}; each sample flushed at once, so that live progress shows
     * both agents loading even at this low rate.
     */
    private static String props(TargetServer target, int threads, int iterations) {
        return "host=127.0.0.1\nport=" + target.port() + "\nthreads=" + threads + "\niterations=" + iterations
                + "\npath=/slow\njmeter.save.saveservice.autoflush=true";
    }

    /**
     * No file under {@code root} holds a secret: Jenkins' home (but the credential store, its keys, plugins and
     * workspaces) or an agent's root (but jars and classes). Files that vanish while walked (Jenkins' atomic
     * writes) are skipped.
     */
    private static void assertNoFileHolds(Path root, List<String> secrets) throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes at) {
                String name = f.toString();
                if (!name.endsWith(".jar") && !name.endsWith(".class") && !name.contains("credentials.xml")
                        && !name.contains("/secrets/") && !name.contains("/plugins/")
                        && !name.contains("/workspace/")) {
                    files.add(f);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path f, java.io.IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        assertTrue(files.size() > 3, "only " + files.size() + " files under " + root);
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (java.nio.file.NoSuchFileException gone) {
                continue;
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String s : secrets) {
                assertFalse(text.contains(s), "'" + s + "' is stored in " + f);
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(URI influx, String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(influx + "/query?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode query(URI influx, String q) throws Exception {
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("perf:" + INFLUX_PASSWORD).getBytes(
                StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(influx + "/query?db=agents_live&q="
                + enc(q))).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }
}
