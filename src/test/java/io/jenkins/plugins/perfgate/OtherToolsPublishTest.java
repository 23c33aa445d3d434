package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.FilePath;
import hudson.model.Label;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.perfgate.engine.results.GatlingLogWriter;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code perfgatePublish} on a real agent with the results of four tools in one workspace folder (a JMeter CSV, a
 * binary Gatling 3.13 simulation.log, a k6 JSON stream, a Locust _stats.csv): each file is recognised by its
 * content, all go into one summary (Locust's own figures beside the samples' label rows), and the log and the
 * summary list each file with its tool.
 */
@WithJenkins
class OtherToolsPublishTest {

    @Test
    void aMixOfToolsIsPublishedAsOneSummaryListedPerFile(JenkinsRule j) throws Exception {
        KitWorkarounds.agentJarUnderItsVersionedName(j);
        DumbSlave agent = j.createOnlineSlave(Label.get("tools"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "mixed-tools");
        FilePath out = agent.getWorkspaceFor(job).child("out");
        out.child("jmeter.csv").write("timeStamp,elapsed,label,responseCode,success\n"
                + "1700000000000,100,home,200,true\n1700000000100,300,home,500,false\n", "UTF-8");
        out.child("k6.json").write("{\"type\":\"Point\",\"data\":{\"time\":\"2023-11-14T22:13:21Z\",\"value\":40.2,"
                + "\"tags\":{\"name\":\"home\",\"status\":\"200\",\"expected_response\":\"true\"}},"
                + "\"metric\":\"http_req_duration\"}\n", "UTF-8");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (GatlingLogWriter w = new GatlingLogWriter(log, "3.13.5", 1_700_000_000_000L)) {
            w.request(List.of("shop"), "pay", 1_700_000_000_000L, 1_700_000_000_080L, true, "");
        }
        out.child("simulation.log").write().write(log.toByteArray());
        // Locust's documented _stats.csv (https://docs.locust.io/en/stable/retrieving-stats.html): its own figures
        out.child("run_stats.csv").write("Type,Name,Request Count,Failure Count,Median Response Time,"
                + "Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,"
                + "Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\n"
                + "GET,/,31,1,4,5.6,2,20,5,3.1,0.1,4,5,6,7,9,12,20,20,20,20,20\n", "UTF-8");
        job.setDefinition(new CpsFlowDefinition("node('tools') {\n"
                + "  def r = perfgatePublish id: 'mixed', files: 'out/*', criteria: 'error% < 50'\n"
                + "  echo \"mixed: ${r.verdict} ${r.samples}\"\n"
                + "}", true));
        WorkflowRun r = j.buildAndAssertSuccess(job);
        j.assertLogContains("mixed: PASS 4", r);
        j.assertLogContains("jmeter.csv: JMeter CSV, 2 samples", r);
        j.assertLogContains("k6.json: k6 JSON, 1 samples", r);
        j.assertLogContains("simulation.log: Gatling simulation.log, 1 samples", r);
        j.assertLogContains("run_stats.csv: Locust stats CSV, the tool's own aggregates (no samples)", r);
        j.assertLogContains("  GET /: 31 requests, 1 error, min 2 ms", r);
        PerfgateBuildAction a = r.getAction(PerfgateBuildAction.class);
        assertEquals(4, a.getOverall().getCount());
        RunSummary s = SummaryJson.read(new File(r.getRootDir(), "perfgate-mixed/summary.json").toPath());
        assertEquals(List.of("jmeter.csv=csv", "k6.json=k6-json", "run_stats.csv=locust-stats",
                "simulation.log=gatling"), s.sources().stream()
                .map(f -> new File(f.path()).getName() + "=" + f.format()).sorted().toList());
        assertEquals(3, s.label("home").orElseThrow().count());
        assertEquals(31, s.toolAggregates().get(0).figures().get(0).count(), "Locust's figures beside the samples");
        assertEquals(1, s.label("shop / pay").orElseThrow().count());
    }
}
