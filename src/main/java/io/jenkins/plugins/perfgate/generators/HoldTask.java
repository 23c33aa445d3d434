package io.jenkins.plugins.perfgate.generators;

import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.queue.SubTask;
import java.util.concurrent.CountDownLatch;
import org.springframework.security.core.Authentication;

/**
 * A queue item that takes one executor of one node and holds it until {@link #release()}: how a run keeps other
 * builds off its generator agents. Transient (never saved with the queue: a restarted controller has no run to hold
 * executors for). Released before it starts, it finishes at once when it does.
 */
final class HoldTask implements Queue.TransientTask {

    private final Node node;
    private final String owner;
    private final String ownerUrl;
    private final transient Authentication authentication;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile long startedAt;

    /** A hold on {@code node}, queued as {@code authentication} (the build's identity: node restrictions apply). */
    HoldTask(Node node, String owner, String ownerUrl, Authentication authentication) {
        this.node = node;
        this.owner = owner;
        this.ownerUrl = ownerUrl;
        this.authentication = authentication;
    }

    @Override
    public Authentication getDefaultAuthentication2() {
        return authentication;
    }

    Node node() {
        return node;
    }

    /** Whether an executor runs this hold now (and it was not released). */
    boolean isHolding() {
        return startedAt > 0 && released.getCount() > 0;
    }

    long startedAt() {
        return startedAt;
    }

    void release() {
        released.countDown();
    }

    @Override
    public Label getAssignedLabel() {
        return node.getSelfLabel();
    }

    @Override
    public String getName() {
        return getDisplayName();
    }

    @Override
    public String getFullDisplayName() {
        return getDisplayName();
    }

    @Override
    public String getDisplayName() {
        return "perfgate load generator for " + owner;
    }

    @Override
    public String getUrl() {
        return ownerUrl;
    }

    @Override
    public long getEstimatedDuration() {
        return -1;
    }

    @Override
    public Queue.Executable createExecutable() {
        return new Hold();
    }

    /** Blocks its executor until the run releases it (or the executor is interrupted). */
    private final class Hold implements Queue.Executable {

        @Override
        public SubTask getParent() {
            return HoldTask.this;
        }

        @Override
        public void run() {
            startedAt = Math.max(1, System.currentTimeMillis());
            try {
                released.await();
            } catch (InterruptedException e) {
                // the executor was stopped from the UI: the hold ends, the run goes on without the guarantee
                released.countDown();
            }
        }

        @Override
        public String toString() {
            return HoldTask.this.getDisplayName();
        }
    }
}
