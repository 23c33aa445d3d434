package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Label;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.perfgate.config.GeneratorPool;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.Summarizer;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jenkins.security.MasterToSlaveCallable;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.SleepBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code generators: 'agents:LABEL:N'} in a real Jenkins with real agents (separate JVMs, own root folders), real
 * JMeter on each against an HTTP server on 127.0.0.1.
 */
@WithJenkins
class AgentGeneratorsTest {

    private TargetServer target;

    @BeforeEach
    void startTarget() throws Exception {
        target = new TargetServer();
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    private String props(int threads, int iterations, String path) {
        return "host=127.0.0.1\nport=" + target.port() + "\nthreads=" + threads + "\niterations=" + iterations
                + "\npath=" + path;
    }

    static WorkflowJob job(JenkinsRule j, String name, String generators, String props, String extra)
            throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        PerformanceTestStepTest.putTemplate(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition("node('built-in') {\n"
                + "  performanceTest template: 'perf/smoke.jmx', generators: '" + generators + "',\n"
                + "      properties: '''" + props + "'''" + extra + "\n}", true));
        return job;
    }

    @Test
    void threeMatchingAgentsShareTheThreadsExactlyAndTheirSummariesMergeExactly(JenkinsRule j) throws Exception {
        KitWorkarounds.agentJarUnderItsVersionedName(j);
        List<DumbSlave> gens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            gens.add(j.createSlave("gen-" + i, "loadgen linux", null));
        }
        DumbSlave windows = j.createSlave("win", "loadgen windows", null);
        for (DumbSlave s : gens) {
            j.waitOnline(s);
        }
        j.waitOnline(windows);
        // the agents are JVMs of their own, each with its own root folder
        Set<Long> pids = new HashSet<>();
        Set<String> roots = new HashSet<>();
        for (DumbSlave s : gens) {
            pids.add(s.getChannel().call(new Pid()));
            roots.add(s.getRemoteFS());
        }
        assertEquals(3, pids.size());
        assertTrue(!pids.contains(ProcessHandle.current().pid()));
        assertEquals(3, roots.size());

        // 7 threads x 40 iterations on /slow (60 ms): a few seconds; shares 3 + 2 + 2, never 7 on each
        WorkflowJob job = job(j, "agents-load", "agents:loadgen && !windows:3", props(7, 40, "/slow"),
                ", archiveResults: true");
        WorkflowRun r = j.buildAndAssertSuccess(job);
        PerfgateBuildAction a = r.getAction(PerfgateBuildAction.class);
        assertEquals("COMPLETE", a.getStatus());
        assertEquals(280, a.getOverall().getCount(), "7 threads x 40 iterations in all, split, not copied");
        assertEquals(280, target.requests(), "the target saw exactly the plan's load");
        RunSummary merged = SummaryJson.read(new File(r.getRootDir(), "perfgate/summary.json").toPath());
        Set<String> names = new HashSet<>();
        gens.forEach(g -> names.add(g.getNodeName()));
        assertEquals(names, merged.generators().keySet(), "one generator per matching agent, not the windows one");
        List<Long> perAgent = merged.generators().values().stream().map(s -> s.count()).sorted().toList();
        assertEquals(List.of(80L, 80L, 120L), perAgent, "thread shares 2, 2 and 3");
        j.assertLogContains("[perfgate] agents ", r);
        for (DumbSlave g : gens) {
            j.assertLogContains(" | " + g.getNodeName() + " ", r);
        }
        j.assertLogNotContains(windows.getNodeName() + " running", r);

        // the merged summary equals summarising every agent's raw results together
        FilePath ws = j.jenkins.getWorkspaceFor(job);
        List<Summarizer.Source> sources = new ArrayList<>();
        for (DumbSlave g : gens) {
            FilePath[] jtls = ws.child("perfgate-results/agents/" + g.getNodeName()).list("**/*.jtl");
            assertEquals(1, jtls.length, "archiveResults brings each agent's JTL back");
            sources.add(new Summarizer.Source(Path.of(jtls[0].getRemote()), g.getNodeName()));
        }
        RunSummary together = new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults())
                .summarize(sources);
        assertEquals(together.overall().count(), merged.overall().count());
        assertEquals(together.overall().errors(), merged.overall().errors());
        for (double p : new double[] {50, 90, 95, 99, 100}) {
            assertEquals(together.overall().percentile(p), merged.overall().percentile(p), "p" + p);
        }
        for (Map.Entry<String, io.jenkins.plugins.perfgate.engine.stats.LabelStats> e
                : together.generators().entrySet()) {
            assertEquals(e.getValue().count(), merged.generators().get(e.getKey()).count(), e.getKey());
        }
        // no executor is held after the run
        for (DumbSlave g : gens) {
            awaitIdle(g);
        }

        // a run plan of type agents with a split data file: every row is used once, on one agent
        FilePath users = j.jenkins.getWorkspaceFor(job).child("perf");
        users.child("users-plan.jmx").copyFrom(AgentGeneratorsTest.class.getResource(
                "/io/jenkins/plugins/perfgate/engine/runner/users-plan.jmx"));
        StringBuilder rows = new StringBuilder("user\n");
        for (int i = 1; i <= 41; i++) {
            rows.append(String.format("u%03d%n", i));
        }
        users.child("users.csv").write(rows.toString(), "UTF-8");
        users.child("users.yaml").write("template: users-plan.jmx\n"
                + "properties: {threads: 5, host: 127.0.0.1, port: " + target.port() + ", duration: 20}\n"
                + "generators: {type: agents, count: 3, heap: 256m,\n"
                + "  options: {label: 'loadgen && linux', jvmArgs: '-XX:TieredStopAtLevel=1'}}\n"
                + "dataFiles: [{path: users.csv, property: usersFile, split: true}]\n", "UTF-8");
        job.setDefinition(new CpsFlowDefinition("node('built-in') {\n"
                + "  def u = performanceTest plan: 'perf/users.yaml', outputDir: 'users'\n"
                + "  echo \"users: ${u.samples}\"\n}", true));
        long before = target.requests();
        WorkflowRun second = j.buildAndAssertSuccess(job);
        j.assertLogContains("users: 41", second);
        assertEquals(41, target.requests() - before, "41 rows, each once: shares, not copies");
        RunSummary byAgent = SummaryJson.read(new File(second.getRootDir(), "perfgate/summary.json").toPath());
        assertEquals(List.of(13L, 14L, 14L), byAgent.generators().values().stream().map(s -> s.count()).sorted()
                .toList(), "rows dealt round-robin over the 3 agents");
    }

    @Test
    void fewerFreeAgentsThanAskedIsAClearErrorAfterTheWait(JenkinsRule j) throws Exception {
        KitWorkarounds.agentJarUnderItsVersionedName(j);
        PerfgateConfiguration.get().setAgentWait(3);
        DumbSlave free = j.createOnlineSlave(Label.get("gen"));
        DumbSlave busy = j.createOnlineSlave(Label.get("gen"));
        DumbSlave offline = j.createOnlineSlave(Label.get("gen"));
        offline.toComputer().disconnect(null).get();
        FreeStyleProject other = j.createFreeStyleProject("other");
        other.setAssignedNode(busy);
        other.getBuildersList().add(new SleepBuilder(60_000));
        var otherBuild = other.scheduleBuild2(0).waitForStart();
        while (busy.toComputer().countBusy() == 0) {
            Thread.sleep(50);
        }
        // a freestyle build with a global pool of type agents
        GeneratorPool pool = new GeneratorPool("gen-pool");
        pool.setType("agents");
        pool.setLabel("gen");
        pool.setAgentCount(3);
        PerfgateConfiguration.get().setGeneratorPools(List.of(pool));
        FreeStyleProject p = j.createFreeStyleProject("too-few");
        p.setAssignedLabel(j.jenkins.getSelfLabel());
        p.getBuildersList().add(new TestBuilders.CopyTemplate(PerformanceTestStepTest.SMOKE.getAbsolutePath(),
                "perf/smoke.jmx"));
        PerformanceTestBuilder builder = new PerformanceTestBuilder();
        builder.setTemplate("perf/smoke.jmx");
        builder.setGenerators("gen-pool");
        builder.setProperties(props(3, 1, "/"));
        p.getBuildersList().add(builder);
        long start = System.currentTimeMillis();
        FreeStyleBuild r = j.buildAndAssertStatus(Result.FAILURE, p);
        long took = System.currentTimeMillis() - start;
        j.assertLogContains("only 1 of 3 agent(s) matching 'gen' had a free executor within 3s (2 online of 3 "
                + "matching: ", r);
        assertTrue(took < 30_000, "the wait is bounded: " + took + " ms");
        assertEquals(0, target.requests(), "no load without all the agents");
        // the free agent's executor and the busy agent's queue place are given back
        awaitIdle(free);
        assertTrue(java.util.Arrays.stream(Queue.getInstance().getItems())
                .noneMatch(i -> i.task.getDisplayName().startsWith("perfgate")), "no hold left in the queue");
        otherBuild.doStop();
        j.waitForCompletion(otherBuild);
    }

    static void awaitIdle(DumbSlave s) throws InterruptedException {
        long until = System.currentTimeMillis() + 5_000;
        while (s.toComputer().countBusy() > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertEquals(0, s.toComputer().countBusy(), s.getNodeName() + "'s executor is released");
    }

    static void awaitLoadFrom(WorkflowRun r, DumbSlave... agents) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            String log = JenkinsRule.getLog(r);
            boolean all = true;
            for (DumbSlave s : agents) {
                all &= java.util.regex.Pattern.compile("\\| " + s.getNodeName() + " running [1-9]").matcher(log).find();
            }
            if (all) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no load from every agent:\n" + JenkinsRule.getLog(r));
    }

    /** Waits until no java process runs from the agents' generator folders; fails after {@code millis}. */
    static void awaitNoJava(List<DumbSlave> agents, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        List<String> left = javaUnder(agents);
        while (!left.isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            left = javaUnder(agents);
        }
        assertEquals(List.of(), left, "no generator process left behind within " + millis + " ms");
    }

    private static List<String> javaUnder(List<DumbSlave> agents) {
        List<String> markers = new ArrayList<>();
        for (DumbSlave s : agents) {
            markers.add(new File(s.getRemoteFS(), "perfgate-generators").getPath());
            markers.add(new File(s.getRemoteFS(), "perfgate-cli").getPath());
        }
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(ph -> ph.info().commandLine().orElse(""))
                .filter(c -> c.contains("java") && markers.stream().anyMatch(c::contains)).toList();
    }

    static final class Pid extends MasterToSlaveCallable<Long, RuntimeException> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long call() {
            return ProcessHandle.current().pid();
        }
    }
}
