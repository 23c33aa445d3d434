package io.jenkins.plugins.perfgate.generators;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.perfgate.agent.AgentCli;
import io.jenkins.plugins.perfgate.agent.MaskingOutputStream;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.engine.runner.PlanRunner;
import io.jenkins.plugins.perfgate.engine.runner.plan.GeneratorShorthand;
import io.jenkins.plugins.perfgate.engine.summary.RunStatus;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run on Jenkins agents ({@code generators: 'agents:LABEL:N'}): cuts the plan into N exact shares on the
 * workspace's node ({@code perfgate split}), takes N matching agents ({@link AgentReservation}),
 * runs one {@code perfgate run} per agent on its share, shows one progress line for all every 5 s, and merges the
 * agents' summaries exactly into {@code summary.json} in the output folder. An agent that is lost mid-run makes the
 * run INCOMPLETE (naming it) and the others' results are kept; aborting the build kills every agent's process.
 */
public final class AgentsRun {

    private static final long TICK_MILLIS = 250;
    private static final long PROGRESS_MILLIS = 5_000;
    /** How long agents asked to stop (an abort criterion) may take to write their summaries before they are killed. */
    private static final long STOP_WAIT_MILLIS = 15_000;
    /** Variables of metrics credentials, as {@code MetricsCredentials} hands them to the command line. */
    private static final String INFLUX_VARIABLES = "PERFGATE_INFLUXDB_";

    /**
     * What the run needs from the step: where, with which plan, and the extra {@code perfgate run} options;
     * {@code agentEnv} holds variables for every agent's {@code perfgate run} (secret template properties, metrics
     * credentials) and {@code masked} the values the build log must not show.
     */
    public record Request(Run<?, ?> run, FilePath workspace, Launcher launcher, EnvVars env, TaskListener listener,
            GeneratorShorthand.Agents agents, FilePath plan, FilePath out, List<String> runOptions,
            boolean archiveResults, EnvVars agentEnv, java.util.Collection<String> masked) {
        public Request {
            agentEnv = new EnvVars(agentEnv);
            masked = List.copyOf(masked);
        }
    }

    private AgentsRun() {
    }

    /** Runs the plan on the agents and returns the merged summary (also written to {@code out/summary.json}). */
    public static RunSummary run(Request r) throws IOException, InterruptedException {
        TaskListener listener = r.listener();
        GeneratorShorthand.Agents agents = r.agents();
        Duration wait = Duration.ofSeconds(PerfgateConfiguration.get().getAgentWait());
        // the plan is cut first: a plan that cannot be split must not wait for, nor hold, any agent
        FilePath shares = r.out().child("shares");
        shares.deleteRecursive();
        int code = AgentCli.run(r.workspace(), r.launcher(), r.env(), listener, List.of("split",
                r.plan().getRemote(), "--count", Integer.toString(agents.count()), "--out", shares.getRemote()));
        if (code != 0) {
            throw new AbortException("perfgate: the run plan cannot be split over " + agents.count()
                    + " agents (exit code " + code + ")");
        }
        MergedAbortWatch abort = MergedAbortWatch.read(shares);
        try (AgentReservation reservation = AgentReservation.take(agents.label(), agents.count(), wait,
                r.run().getFullDisplayName(), r.run().getUrl(), listener)) {
            List<AgentGenerator> generators = new ArrayList<>();
            for (Node n : reservation.nodes()) {
                generators.add(new AgentGenerator(n, listener, r.masked()));
            }
            String job = r.run().getParent().getFullName().replaceAll("[^A-Za-z0-9_.-]", "_");
            String build = r.run().getNumber() + (r.out().getName().isEmpty() ? "" : "-"
                    + r.out().getName().replaceAll("[^A-Za-z0-9_.-]", "_"));
            prepareAll(generators, shares, job, build, listener);
            shares.deleteRecursive(); // each agent has its copy; archiving must not pick up the shares' data files
            AgentCli.log(listener, "generating load on " + generators.size() + " agent(s) matching '"
                    + agents.label() + "': " + String.join(", ", generators.stream().map(g -> g.name()
                    + " (clock " + signed(g.clockOffsetMillis()) + " ms)").toList()));
            return execute(r, generators, abort);
        }
    }

    /**
     * Every agent is checked (Java 21+), given the command line and its share, at the same time and before any
     * generates load; any problem fails the run naming each agent concerned.
     */
    private static void prepareAll(List<AgentGenerator> generators, FilePath shares, String job, String build,
            TaskListener listener) throws IOException, InterruptedException {
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < generators.size(); i++) {
            AgentGenerator g = generators.get(i);
            FilePath share = shares.child("share-" + (i + 1));
            futures.add(hudson.model.Computer.threadPoolForRemoting.submit(() -> {
                g.prepare(share, job, build, listener);
                return null;
            }));
        }
        List<String> problems = new ArrayList<>();
        try {
            for (java.util.concurrent.Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    problems.add(c instanceof AbortException ? c.getMessage().replaceFirst("^perfgate: ", "")
                            : String.valueOf(c));
                }
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        if (!problems.isEmpty()) {
            throw new AbortException("perfgate: no load was generated: " + String.join("; ", problems));
        }
    }

    private static RunSummary execute(Request r, List<AgentGenerator> generators, MergedAbortWatch abort)
            throws IOException, InterruptedException {
        TaskListener listener = r.listener();
        long start = System.currentTimeMillis();
        String aborted = null;
        try {
            for (AgentGenerator g : generators) {
                g.start(environment(r, g, abort.liveInflux()), options(r, g), listener);
            }
            long nextProgress = start + PROGRESS_MILLIS;
            long stopDeadline = Long.MAX_VALUE;
            List<AgentProgress> progress = generators.stream().map(AgentGenerator::progress).toList();
            while (!generators.stream().allMatch(AgentGenerator::finished)) {
                Thread.sleep(TICK_MILLIS);
                long now = System.currentTimeMillis();
                if (aborted == null) {
                    java.util.Optional<String> breach = abort.check(progress, now);
                    if (breach.isPresent()) {
                        aborted = breach.get();
                        AgentCli.log(listener, "aborting every agent: " + aborted);
                        generators.forEach(g -> g.stop(breach.get()));
                        stopDeadline = now + STOP_WAIT_MILLIS;
                    }
                } else if (now >= stopDeadline) {
                    // an agent that does not end when asked is killed: it then counts as one without results
                    generators.stream().filter(g -> !g.finished()).forEach(AgentGenerator::kill);
                    stopDeadline = Long.MAX_VALUE;
                }
                if (now >= nextProgress) {
                    synchronized (listener.getLogger()) {
                        listener.getLogger().println(AgentProgress.line(now - start,
                                generators.stream().map(AgentGenerator::progress).toList()));
                    }
                    nextProgress += PROGRESS_MILLIS;
                }
            }
        } catch (InterruptedException | IOException | RuntimeException e) {
            // aborted (or could not start them all): no generator may go on loading the target
            generators.forEach(AgentGenerator::kill);
            throw e;
        }
        return merge(r, generators, start, aborted);
    }

    private static RunSummary merge(Request r, List<AgentGenerator> generators, long start, String aborted)
            throws IOException, InterruptedException {
        RunSummary merged = null;
        List<String> failures = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (AgentGenerator g : generators) {
            RunSummary s = g.summary();
            attributes.put("agents." + g.name() + ".clockOffsetMillis", Long.toString(g.clockOffsetMillis()));
            if (s == null) {
                failures.add(g.failure());
                AgentCli.log(r.listener(), g.failure());
                continue;
            }
            merged = merged == null ? s : merged.merge(s);
            if (r.archiveResults()) {
                g.resultsDir().copyRecursiveTo("**/*.jtl", r.out().child("agents").child(g.name()));
            }
        }
        if (merged == null) {
            throw new AbortException("perfgate: no agent returned results: " + String.join("; ", failures));
        }
        if (!failures.isEmpty()) {
            merged = merged.withStatus(merged.status().worst(RunStatus.INCOMPLETE), String.join("; ", failures)
                    + "; the other agents' results are kept");
        }
        if (aborted != null) {
            // as a local run aborted by a criterion: ABORTED, naming the criterion and the figures that tripped it
            merged = merged.withStatus(merged.status().worst(RunStatus.ABORTED), aborted
                    + (failures.isEmpty() ? "" : "; " + String.join("; ", failures)));
        }
        attributes.put("generators.type", "agents");
        attributes.put("generators.count", Integer.toString(generators.size()));
        attributes.put("generators.label", r.agents().label());
        attributes.put("generators.agents", String.join(",", generators.stream().map(AgentGenerator::name).toList()));
        attributes.put("run.start", Long.toString(start));
        attributes.put("run.end", Long.toString(System.currentTimeMillis()));
        merged = merged.withAttributes(attributes);
        r.out().child(PlanRunner.SUMMARY_FILE).write(SummaryJson.toJson(merged),
                StandardCharsets.UTF_8.name());
        AgentCli.log(r.listener(), MaskingOutputStream.mask(merged.status() + (merged.statusReason().isEmpty() ? ""
                : " (" + merged.statusReason() + ")") + "; " + merged.overall().count() + " samples from "
                + (generators.size() - failures.size()) + " of " + generators.size() + " agent(s)",
                MaskingOutputStream.longestFirst(r.masked())));
        return merged;
    }

    /**
     * The build's identity for the agent's process (metrics labels), a name its process tree is found by, and the
     * step's variables for it: secret properties always, InfluxDB credentials only for a live listener (the
     * merged run's after-run figures are exported here, so the agents need no other metrics credentials).
     */
    private static EnvVars environment(Request r, AgentGenerator g, boolean liveInflux) {
        EnvVars env = r.env();
        EnvVars e = new EnvVars();
        r.agentEnv().forEach((k, v) -> {
            if (!k.startsWith("PERFGATE_PUSHGATEWAY_") && (liveInflux || !k.startsWith(INFLUX_VARIABLES))) {
                e.put(k, v);
            }
        });
        for (String k : List.of("BUILD_NUMBER", "BUILD_ID", "BUILD_TAG", "BUILD_URL", "JOB_NAME", "JENKINS_URL")) {
            if (env.get(k) != null) {
                e.put(k, env.get(k));
            }
        }
        e.put("PERFGATE_GENERATOR", g.name());
        return e;
    }

    private static List<String> options(Request r, AgentGenerator g) {
        List<String> args = new ArrayList<>(r.runOptions());
        // the share's one generator runs under the agent's name: live metrics (InfluxDB's generator tag) say which
        args.add("--generator-name");
        args.add(generatorName(g.name()));
        String home = PerfgateConfiguration.get().getJmeterHome();
        if (!home.isEmpty()) {
            args.add("--jmeter-home");
            args.add(home);
        }
        return args;
    }

    /** An agent's name as a generator name (letters, digits, '.', '_', '-'; a node name may hold others). */
    static String generatorName(String agent) {
        String safe = agent.replaceAll("[^A-Za-z0-9_.-]", "_");
        return safe.length() > 64 ? safe.substring(0, 64) : safe.isEmpty() ? "agent" : safe;
    }

    private static String signed(long v) {
        return v >= 0 ? "+" + v : Long.toString(v);
    }
}
