package io.jenkins.plugins.perfgate.engine.runner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlan;
import io.jenkins.plugins.perfgate.engine.runner.plan.RunPlanReader;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A monitoring system that is down is reported, never fails the run. */
class MetricsExporterTest {

    @TempDir
    Path dir;

    @Test
    void unreachableTargetsAreReportedAsWarnings() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Files.writeString(dir.resolve("t.jmx"), "<jmeterTestPlan/>");
        RunPlan plan = RunPlanReader.parse("""
                template: t.jmx
                metrics:
                  influxdb: {url: "http://127.0.0.1:%d"}
                  pushgateway: {url: "http://127.0.0.1:%d"}
                """.formatted(closed, closed), false, dir, "plan.yaml");
        List<String> out = new CopyOnWriteArrayList<>();
        RunSummary empty = RunSummary.of(new RunAggregator(AggregationOptions.defaults()).aggregate(),
                AggregationOptions.defaults(), List.of(), List.of(), Map.of());
        List<String> problems = new MetricsExporter(plan, out::add).afterRun(empty);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("metrics export to InfluxDB http://127.0.0.1:" + closed + " failed"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("metrics export to Pushgateway http://127.0.0.1:" + closed
                + " failed"), problems.get(1));
        assertTrue(out.stream().allMatch(l -> l.startsWith("perfgate: warning: metrics export to ")), out.toString());
    }
}
