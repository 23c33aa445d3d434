package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import hudson.FilePath;
import hudson.model.Result;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code performanceTest jmeterPlugins: ...} reaches the run: a Concurrency Thread Group plan, which fails the
 * pre-run class check without the plugin, runs against a real server on 127.0.0.1 once the step names the plugin;
 * a malformed coordinate in the global configuration is refused when set.
 */
@WithJenkins
class JMeterPluginsJenkinsTest {

    @Test
    void theStepParameterPutsThePluginOnJMetersClassPath(JenkinsRule j) throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        server.createContext("/hello", x -> {
            served.incrementAndGet();
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.start();
        try {
            WorkflowJob job = j.createProject(WorkflowJob.class, "plugins");
            FilePath ws = j.jenkins.getWorkspaceFor(job);
            ws.child("perf/ctg.jmx").copyFrom(new FilePath(new File(
                    "src/test/resources/io/jenkins/plugins/perfgate/cli/needs-plugin-concurrency.jmx")));
            String step = "performanceTest template: 'perf/ctg.jmx', properties: 'port="
                    + server.getAddress().getPort() + "', publish: false";
            job.setDefinition(new CpsFlowDefinition("node {\n  " + step + "\n}", true));
            WorkflowRun without = j.buildAndAssertStatus(Result.FAILURE, job);
            j.assertLogContains("jmeterPlugins: [kg.apc:jmeter-plugins-casutg:2.10]", without);

            job.setDefinition(new CpsFlowDefinition("node {\n  def r = " + step
                    + ", jmeterPlugins: 'kg.apc:jmeter-plugins-casutg:2.10'\n  echo \"status=${r.status}\"\n}",
                    true));
            WorkflowRun with = j.buildAndAssertSuccess(job);
            j.assertLogNotContains("this JMeter does not have", with);
            assertTrue(served.get() > 0, "the Concurrency Thread Group sent requests");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMalformedGlobalCoordinateIsRefused(JenkinsRule j) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PerfgateConfiguration.get().setLibraries("org.postgresql:postgresql"));
        assertTrue(e.getMessage().contains("Libraries entry 1: 'org.postgresql:postgresql' is not "
                + "group:artifact:version"), e.getMessage());
    }
}
