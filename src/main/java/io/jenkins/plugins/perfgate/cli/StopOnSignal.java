package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.runner.PlanRunner;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a command that runs plans: stops the plan running now (every generator process gone
 * within seconds) and then lets the command finish what it writes about the runs so far (a repeated series' merged
 * summary, the gate's verdict, the HTML report) before the JVM exits, for at most {@link #FINISH}. Held by the
 * command for its whole work: {@code try (StopOnSignal stop = StopOnSignal.install()) {...}}.
 */
final class StopOnSignal implements AutoCloseable {

    static final String REASON = "interrupted (Ctrl-C or termination signal)";
    /** How long the JVM waits for the command to finish its output once the runs are stopped. */
    static final Duration FINISH = Duration.ofSeconds(8);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stop, "perfgate-stop");
    private volatile PlanRunner current;
    private volatile boolean stopped;
    private volatile String reason = REASON;

    private StopOnSignal() {
    }

    static StopOnSignal install() {
        StopOnSignal s = new StopOnSignal();
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** The plan now running; stopped at once when a signal came before it started. */
    void running(PlanRunner runner) {
        current = runner;
        if (stopped) {
            runner.cancel(reason);
        }
    }

    /** Whether a signal came: no further run should start. */
    boolean stopped() {
        return stopped;
    }

    /**
     * Stops the plan running now, and any later one, for {@code why} (a stop file: the Jenkins controller judged
     * an abort criterion over all generator agents); unlike a signal, the command then finishes normally.
     */
    void cancel(String why) {
        reason = why;
        stopped = true;
        PlanRunner runner = current;
        if (runner != null) {
            runner.cancel(why);
        }
    }

    private void stop() {
        stopped = true;
        PlanRunner runner = current;
        if (runner != null) {
            runner.cancel(REASON);
        }
        try {
            finished.await(FINISH.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command is done: a signal from now on ends the JVM at once. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and no longer waits
        }
    }
}
