package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hudson.model.Label;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Benchmark, not a timed test (skipped unless {@code -Dperfgate.bench.agents=true}): the same plan against the same
 * target on {@code local:2} and on {@code agents:bench:2} (two agent JVMs on this machine), printing the aggregate
 * throughputs and their ratio, and the controller JVM's CPU per 1,000 samples/s during the agents run. The target
 * is a separate process so that its work is not counted as the controller's.
 *
 * <pre>./mvnw -o test -Dtest=AgentGeneratorsBenchmarkTest -Dperfgate.bench.agents=true -Dspotbugs.skip</pre>
 */
@WithJenkins
class AgentGeneratorsBenchmarkTest {

    private static final String TARGET = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            public class Target {
                public static void main(String[] a) throws Exception {
                    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(a[0])), 256);
                    s.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
                    s.createContext("/", x -> { byte[] b = "ok".getBytes(); x.sendResponseHeaders(200, b.length);
                        x.getResponseBody().write(b); x.close(); });
                    s.start();
                }
            }
            """;

    @Test
    void agentsThroughputMatchesLocalAndCostsTheControllerLittle(JenkinsRule j) throws Exception {
        assumeTrue(Boolean.getBoolean("perfgate.bench.agents"), "benchmark: -Dperfgate.bench.agents=true");
        KitWorkarounds.agentJarUnderItsVersionedName(j);
        j.createOnlineSlave(Label.get("bench"));
        j.createOnlineSlave(Label.get("bench"));
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path src = Files.createTempDirectory("bench-target").resolve("Target.java");
        Files.writeString(src, TARGET);
        Process target = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
                src.toString(), Integer.toString(port)).inheritIO().start();
        try {
            Thread.sleep(3000);
            String props = "host=127.0.0.1\nport=" + port + "\nthreads=8\niterations=6000\npath=/";
            // warm-up of both paths (JMeter cache, CLI class path copies), then the measured runs
            run(j, "warm-local", "local:2", props);
            run(j, "warm-agents", "agents:bench:2", props);
            double[] local = run(j, "local", "local:2", props);
            double[] agents = run(j, "agents", "agents:bench:2", props);
            System.out.printf(Locale.ROOT, "BENCH whole run (samples / first start to last end): local:2 %.0f req/s, "
                    + "agents:bench:2 %.0f req/s, ratio %.3f%n", local[0], agents[0], agents[0] / local[0]);
            System.out.printf(Locale.ROOT, "BENCH sum of the generators' own rates: local:2 %.0f req/s, "
                    + "agents:bench:2 %.0f req/s, ratio %.3f%n", local[2], agents[2], agents[2] / local[2]);
            System.out.printf(Locale.ROOT, "BENCH controller CPU during the agents run: %.1f ms per second per "
                    + "1000 samples/s (load average %.1f on %d cores)%n", agents[1],
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        } finally {
            target.destroyForcibly();
        }
    }

    /**
     * Aggregate throughput of the run, the controller's CPU ms per wall second per 1,000 samples/s, and the sum of
     * each generator's own throughput (insensitive to generators starting a little apart).
     */
    private static double[] run(JenkinsRule j, String name, String generators, String props) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        PerformanceTestStepTest.putTemplate(j.jenkins.getWorkspaceFor(job));
        job.setDefinition(new CpsFlowDefinition("node('built-in') {\n  performanceTest template: 'perf/smoke.jmx', "
                + "generators: '" + generators + "', properties: '''" + props + "'''\n}", true));
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        WorkflowRun r = j.buildAndAssertSuccess(job);
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        double wallS = (System.nanoTime() - t0) / 1e9;
        RunSummary s = SummaryJson.read(new File(r.getRootDir(), "perfgate/summary.json").toPath());
        double rps = s.overall().throughput();
        double sum = s.generators().values().stream().mapToDouble(g -> g.throughput()).sum();
        return new double[] {rps, cpuMs / wallS / (rps / 1000.0), sum};
    }
}
