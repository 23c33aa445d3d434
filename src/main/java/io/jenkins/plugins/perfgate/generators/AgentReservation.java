package io.jenkins.plugins.perfgate.generators;

import hudson.AbortException;
import hudson.model.Computer;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.TaskListener;
import io.jenkins.plugins.perfgate.agent.AgentCli;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * One executor on each of N distinct online agents matching a label expression, held for a run so that no other
 * build lands on a generator mid-test. Taken through the build queue: a {@link HoldTask} is queued for every
 * matching online agent (assigned to that agent alone); the first N to get an executor are kept, the other queue
 * items are withdrawn and any that started after the N are let go at once. Closing releases everything: queue
 * items are cancelled and the held executors finish (on success, failure and abort alike).
 */
public final class AgentReservation implements AutoCloseable {

    private static final long POLL_MILLIS = 200;
    private static final long LOG_EVERY_MILLIS = 10_000;

    private final Map<String, HoldTask> tasks = new LinkedHashMap<>();
    private final List<Node> held = new ArrayList<>();

    private AgentReservation() {
    }

    /** The agents held, in the order they were obtained. */
    public List<Node> nodes() {
        return List.copyOf(held);
    }

    /**
     * Waits up to {@code wait} for {@code count} distinct online agents matching {@code expression} to have a free
     * executor, and holds one on each.
     *
     * @param owner what the queue and the executors show the holds as (the build's name)
     * @throws AbortException naming the label and how many agents were found when fewer are free in time, or when
     *                        the expression does not parse
     */
    public static AgentReservation take(String expression, int count, Duration wait, String owner, String ownerUrl,
            TaskListener listener) throws AbortException, InterruptedException {
        Label label = parse(expression);
        AgentReservation r = new AgentReservation();
        boolean done = false;
        try {
            long start = System.currentTimeMillis();
            long deadline = start + wait.toMillis();
            long nextLog = start + LOG_EVERY_MILLIS;
            AgentCli.log(listener, "taking " + count + " agent(s) matching '" + expression + "' (waiting up to "
                    + wait.toSeconds() + "s)");
            while (true) {
                List<Node> matching = r.queueMatching(label, owner, ownerUrl);
                List<HoldTask> started = r.tasks.values().stream().filter(HoldTask::isHolding)
                        .sorted(java.util.Comparator.comparingLong(HoldTask::startedAt)).toList();
                if (started.size() >= count) {
                    started.subList(0, count).forEach(t -> r.held.add(t.node()));
                    r.releaseAllBut(started.subList(0, count));
                    done = true;
                    return r;
                }
                long now = System.currentTimeMillis();
                if (now >= deadline) {
                    throw new AbortException("perfgate: only " + started.size() + " of " + count + " agent(s) "
                            + "matching '" + expression + "' had a free executor within " + wait.toSeconds() + "s ("
                            + describe(label, matching) + ")");
                }
                if (now >= nextLog) {
                    AgentCli.log(listener, "waiting for " + count + " agent(s) matching '" + expression + "': "
                            + started.size() + " free (" + describe(label, matching) + ")");
                    nextLog = now + LOG_EVERY_MILLIS;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } finally {
            if (!done) {
                r.close();
            }
        }
    }

    private static Label parse(String expression) throws AbortException {
        try {
            return Label.parseExpression(expression);
        } catch (IllegalArgumentException e) {
            throw new AbortException("perfgate: agents:" + expression + ": not a label expression: "
                    + e.getMessage());
        }
    }

    /** Queues a hold for every matching online agent not asked yet; returns the matching online agents. */
    private List<Node> queueMatching(Label label, String owner, String ownerUrl) {
        List<Node> matching = new ArrayList<>();
        Jenkins j = Jenkins.get();
        List<Node> all = new ArrayList<>(j.getNodes());
        all.add(0, j);
        for (Node n : all) {
            Computer c = n.toComputer();
            if (!label.matches(n) || c == null || !c.isOnline() || !c.isAcceptingTasks() || n.getNumExecutors() < 1) {
                continue;
            }
            matching.add(n);
            if (!tasks.containsKey(n.getNodeName())) {
                HoldTask t = new HoldTask(n, owner, ownerUrl, Jenkins.getAuthentication2());
                tasks.put(n.getNodeName(), t);
                Queue.getInstance().schedule2(t, 0);
            }
        }
        return matching;
    }

    private static String describe(Label label, List<Node> matching) {
        long all = Jenkins.get().getNodes().stream().filter(label::matches).count()
                + (label.matches(Jenkins.get()) ? 1 : 0);
        return matching.size() + " online of " + all + " matching"
                + (matching.isEmpty() ? "" : ": " + String.join(", ", matching.stream().map(AgentReservation::name)
                        .toList()));
    }

    static String name(Node n) {
        return n.getNodeName().isEmpty() ? "built-in" : n.getNodeName();
    }

    private void releaseAllBut(List<HoldTask> keep) {
        for (HoldTask t : tasks.values()) {
            if (!keep.contains(t)) {
                Queue.getInstance().cancel(t);
                t.release();
            }
        }
    }

    /** Withdraws every queued hold and lets every held executor go. */
    @Override
    public void close() {
        for (HoldTask t : tasks.values()) {
            Queue.getInstance().cancel(t);
            t.release();
        }
    }
}
