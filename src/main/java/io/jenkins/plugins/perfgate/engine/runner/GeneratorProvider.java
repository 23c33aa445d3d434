package io.jenkins.plugins.perfgate.engine.runner;

import java.io.IOException;

/**
 * The provisioning SPI: starts the load generators of one run. {@link PlanRunner} knows nothing else about where
 * generators run, so Jenkins agents (by label) or Kubernetes pods plug in as further implementations, registered
 * through {@link java.util.ServiceLoader} or a {@link GeneratorProviders} registry handed to the runner. See docs/runner.md.
 *
 * <p>A provider must start every generator it can and report the ones that could not start as
 * {@link Generator.State#FAILED} with a log tail, rather than failing the whole run: the others' results are kept.
 */
public interface GeneratorProvider {

    /** The {@code generators.type} this provider serves, e.g. {@code local}. */
    String type();

    /**
     * Whether the generators run the JMeter home of the run's {@link LaunchContext} on this machine, so that the
     * plan's classes can be checked against it before anything starts ({@code PlanClassCheck}).
     */
    default boolean runsLocalJMeter() {
        return false;
    }

    /**
     * Starts the generators. Each must write (or, for remote ones, deliver to this machine) JMeter CSV results that
     * {@link GeneratorFleet#resultFiles()} names. Throws only when nothing at all could be started.
     */
    GeneratorFleet start(LaunchContext context) throws IOException;
}
