/**
 * JMeter itself: provisioning a checksummed JMeter home into a cache, the JMeter command line
 * ({@code JMeterCommand}), and {@code ParentWatch}, the agent that ends every JMeter JVM perfgate starts when perfgate
 * ends. Uses only the JDK.
 */
package io.jenkins.plugins.perfgate.engine.runner.jmeter;
