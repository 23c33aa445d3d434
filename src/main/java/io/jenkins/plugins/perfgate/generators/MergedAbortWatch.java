package io.jenkins.plugins.perfgate.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
import hudson.FilePath;
import io.jenkins.plugins.perfgate.agent.AgentFiles;
import io.jenkins.plugins.perfgate.engine.runner.AbortWatch;
import io.jenkins.plugins.perfgate.engine.runner.LiveStats;
import io.jenkins.plugins.perfgate.engine.runner.LiveWindow;
import io.jenkins.plugins.perfgate.engine.runner.PlanShares;
import io.jenkins.plugins.perfgate.engine.runner.plan.AbortCriterion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plan's abort criteria judged on the controller over all generator agents: each agent's {@code perfgate run}
 * reports its live window ({@link LiveWindow}), and the windows of the agents still running merge into one
 * snapshot (throughputs add up; error %, mean and percentiles are over all their samples) that the engine's
 * {@link AbortWatch} judges as it does a local run's. Nothing is judged until every running agent has reported a
 * window, so an agent still starting its JMeter does not count as a drop in throughput. It also says, from the same
 * control file, whether the plan has a live InfluxDB listener (the agents then need the InfluxDB credentials).
 */
final class MergedAbortWatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AbortCriterion> criteria;
    private final AbortWatch watch;
    private final boolean liveInflux;

    private MergedAbortWatch(List<AbortCriterion> criteria, boolean liveInflux) {
        this.criteria = List.copyOf(criteria);
        this.watch = new AbortWatch(criteria);
        this.liveInflux = liveInflux;
    }

    /** Judges {@code criteria} (no live InfluxDB listener). */
    static MergedAbortWatch of(List<AbortCriterion> criteria) {
        return new MergedAbortWatch(criteria, false);
    }

    /** The criteria {@code perfgate split} left beside the shares ({@link PlanShares#CONTROL_FILE}). */
    static MergedAbortWatch read(FilePath shares) throws IOException, InterruptedException {
        FilePath file = shares.child(PlanShares.CONTROL_FILE);
        if (!file.exists()) {
            return new MergedAbortWatch(List.of(), false);
        }
        JsonNode control = JSON.readTree(AgentFiles.readBounded(file, AgentFiles.MAX_PLAN_BYTES, "split control file"));
        List<AbortCriterion> criteria = new ArrayList<>();
        for (JsonNode text : control.path("abort")) {
            try {
                criteria.add(AbortCriterion.parse(text.asText()));
            } catch (IllegalArgumentException e) {
                throw new AbortException("perfgate: " + file.getRemote() + ": abort: " + e.getMessage());
            }
        }
        return new MergedAbortWatch(criteria, control.path("liveInflux").asBoolean(false));
    }

    /** Whether the plan has a live InfluxDB listener (each agent's JMeter then writes to it). */
    boolean liveInflux() {
        return liveInflux;
    }

    /** Why to stop every agent, once a criterion has held on the merged figures long enough; else empty. */
    Optional<String> check(List<AgentProgress> agents, long nowMillis) {
        if (criteria.isEmpty()) {
            return Optional.empty();
        }
        List<LiveWindow> windows = new ArrayList<>();
        for (AgentProgress a : agents) {
            if (!"running".equals(a.state())) {
                continue; // ended, failed or gone: its last window would be stale
            }
            LiveWindow w = a.window();
            if (w == null) {
                return Optional.empty();
            }
            windows.add(w);
        }
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        LiveStats.Snapshot merged = LiveWindow.merge(windows);
        return watch.check(merged, nowMillis).map(reason -> reason + " on the merged live figures of "
                + windows.size() + " agent(s): " + LiveWindow.describe(merged));
    }
}
