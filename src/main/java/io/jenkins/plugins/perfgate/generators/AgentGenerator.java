package io.jenkins.plugins.perfgate.generators;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Proc;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.perfgate.agent.AgentCli;
import io.jenkins.plugins.perfgate.agent.AgentFiles;
import io.jenkins.plugins.perfgate.engine.runner.PlanRunner;
import io.jenkins.plugins.perfgate.engine.runner.PlanShares;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import jenkins.security.MasterToSlaveCallable;

/**
 * One generator agent of a run: its folder under the agent's root ({@code perfgate-generators/JOB/BUILD}), where
 * its share of the plan is copied and {@code perfgate run} writes results; the process; and how it ended.
 */
final class AgentGenerator {

    static final String ROOT = "perfgate-generators";
    /** How long an ended run waits for a process's exit code to arrive from its agent. */
    private static final long EXIT_WAIT_SECONDS = 5;

    private final Node node;
    private final String name;
    private final AgentProgress progress;
    private FilePath dir;
    private AgentCli.Installed cli;
    private long clockOffsetMillis;
    private volatile Proc proc;
    private volatile Future<Integer> exit;
    private volatile String failure;

    AgentGenerator(Node node, TaskListener listener, java.util.Collection<String> masked) {
        this.node = node;
        this.name = AgentReservation.name(node);
        this.progress = new AgentProgress(name, listener.getLogger(), masked);
    }

    String name() {
        return name;
    }

    AgentProgress progress() {
        return progress;
    }

    long clockOffsetMillis() {
        return clockOffsetMillis;
    }

    /** Why the agent has no results, or null. */
    String failure() {
        return failure;
    }

    /**
     * Checks the agent can run perfgate (online, Java 21+), installs the command line there, copies its share of
     * the plan and measures its clock's offset; nothing generates load yet.
     *
     * @throws AbortException naming the agent and the problem
     */
    void prepare(FilePath share, String job, String build, TaskListener listener)
            throws IOException, InterruptedException {
        FilePath root = node.getRootPath();
        if (root == null) {
            throw new AbortException("perfgate: agent " + name + " went offline before the run started");
        }
        try {
            cli = AgentCli.install(root, listener);
        } catch (IOException e) {
            throw new AbortException("perfgate: agent " + name + " cannot run perfgate: " + e.getMessage());
        }
        FilePath jobDir = root.child(ROOT).child(job);
        dir = jobDir.child(build);
        removeOlderBuilds(jobDir, build);
        dir.deleteRecursive();
        share.copyRecursiveTo(dir.child("share"));
        clockOffsetMillis = ClockOffset.measure(root.getChannel());
    }

    /** Results of earlier builds of the job on this agent go when a newer build runs here (raw JTLs stay till then). */
    private static void removeOlderBuilds(FilePath jobDir, String build) throws IOException, InterruptedException {
        if (!jobDir.exists()) {
            return;
        }
        long mine = number(build);
        for (FilePath d : jobDir.listDirectories()) {
            long n = number(d.getName());
            if (n >= 0 && mine >= 0 && n < mine) {
                d.deleteRecursive();
            }
        }
    }

    private static long number(String folder) {
        String digits = folder.replaceFirst("[^0-9].*$", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    /** Starts {@code perfgate run share/plan.json} on the agent; its exit code arrives in the background. */
    void start(EnvVars env, List<String> extraArgs, TaskListener listener) throws IOException, InterruptedException {
        Computer c = node.toComputer();
        if (c == null || c.getChannel() == null) {
            throw new AbortException("perfgate: agent " + name + " went offline before the run started");
        }
        List<String> args = new ArrayList<>(List.of("run", "share/" + PlanShares.PLAN_FILE, "--out", "results",
                "--no-gate", "--exit-with-parent", "--window-lines", "--stop-file", stopFile().getRemote()));
        args.addAll(extraArgs);
        proc = AgentCli.start(cli, dir, node.createLauncher(listener), env, progress, args);
        progress.state("running");
        exit = Computer.threadPoolForRemoting.submit(() -> proc.join());
    }

    /** Whether the process ended, or the agent is gone (its channel closed: the process cannot report back). */
    boolean finished() {
        Future<Integer> e = exit;
        if (e == null || e.isDone()) {
            return true;
        }
        Computer c = node.toComputer();
        if (c == null || c.getChannel() == null) {
            progress.state("DISCONNECTED");
            return true;
        }
        return false;
    }

    private FilePath stopFile() {
        return dir.child("stop");
    }

    /**
     * Asks the agent's run to stop for {@code reason} (an abort criterion judged over all agents): it ends its
     * JMeter and still writes its summary, status ABORTED. Quiet when the agent is gone.
     */
    void stop(String reason) {
        if (proc == null) {
            return;
        }
        try {
            stopFile().write(reason + "\n", java.nio.charset.StandardCharsets.UTF_8.name());
            progress.state("stopping");
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kills the agent's process and everything it started (JMeter); quiet when the agent is gone already. */
    void kill() {
        Proc p = proc;
        if (p == null) {
            return;
        }
        try {
            p.kill();
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        progress.state("killed");
    }

    /**
     * This agent's summary, as generator {@code name}; null when it has none (the failure says why: the agent
     * disconnected, the process ended without one).
     */
    RunSummary summary() throws InterruptedException {
        String exitText;
        try {
            exitText = "exit code " + exit.get(EXIT_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            exitText = "lost: " + e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            exitText = "no exit code";
        }
        Computer c = node.toComputer();
        VirtualChannel channel = c == null ? null : c.getChannel();
        if (channel == null) {
            return failed("agent " + name + " disconnected during the run (" + exitText + ")");
        }
        try {
            FilePath file = dir.child("results").child(PlanRunner.SUMMARY_FILE);
            if (!file.exists()) {
                return failed("agent " + name + " wrote no results (" + exitText + ")");
            }
            progress.state("done");
            // onto the controller's clock: the agents' over-time series then share one time axis
            return SummaryJson.fromJson(AgentFiles.summary(file)).asGenerator(name).shifted(-clockOffsetMillis);
        } catch (IOException e) {
            return failed("agent " + name + " disconnected during the run (" + e.getMessage() + ")");
        }
    }

    private RunSummary failed(String why) {
        failure = why;
        progress.state("FAILED");
        return null;
    }

    /** The raw result files of this agent's run (for archiving). */
    FilePath resultsDir() {
        return dir.child("results");
    }

    /** The offset of an agent's clock from the controller's, taken at the midpoint of the fastest of a few calls. */
    static final class ClockOffset {
        private static final int CALLS = 5;

        private ClockOffset() {
        }

        static long measure(VirtualChannel channel) throws IOException, InterruptedException {
            long bestRoundTrip = Long.MAX_VALUE;
            long offset = 0;
            for (int i = 0; i < CALLS; i++) {
                long before = System.currentTimeMillis();
                long remote = channel.call(new Now());
                long after = System.currentTimeMillis();
                if (after - before < bestRoundTrip) {
                    bestRoundTrip = after - before;
                    offset = remote - (before + after) / 2;
                }
            }
            return offset;
        }
    }

    private static final class Now extends MasterToSlaveCallable<Long, RuntimeException> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long call() {
            return System.currentTimeMillis();
        }
    }
}
