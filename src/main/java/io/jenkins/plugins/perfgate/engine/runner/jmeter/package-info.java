/**
 * JMeter itself: provisioning a checksummed JMeter home into a cache, the JMeter command line
 * ({@code JMeterCommand}), and {@code ParentWatch}, the agent that ends every JMeter JVM perfgate starts when perfgate
 * ends, kept in a private per-user folder and checked by SHA-256 before each use ({@code AgentJarCache}). Uses only
 * the JDK.
 */
package io.jenkins.plugins.perfgate.engine.runner.jmeter;
