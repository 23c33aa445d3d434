package io.jenkins.plugins.perfgate.engine.runner;

import java.util.List;

/**
 * The generators of one run and the processes behind them. {@link #close()} must leave no process running
 * (it is called on every path out of a run, including Ctrl-C).
 */
public interface GeneratorFleet extends AutoCloseable {

    List<Generator> generators();

    /** The result files to watch and summarise. */
    List<ResultFile> resultFiles();

    /** Whether the test is over: every process that produces results has ended. */
    boolean finished();

    /** Asks the test to stop now, keeping what was recorded (JMeter's StopTestNow). Returns at once. */
    void requestStop();

    /** Kills every process of the fleet, its whole process tree, and waits for them to be gone. */
    void kill();

    /** Process ids of every process started, for diagnostics and tests. */
    List<Long> pids();

    @Override
    default void close() {
        kill();
    }
}
