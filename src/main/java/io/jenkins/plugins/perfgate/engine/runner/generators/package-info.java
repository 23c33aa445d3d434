/**
 * The built-in generator providers: {@code local} (JMeter JVMs on this machine),
 * {@code jmeter-servers} (JMeter distributed mode), and {@code BuiltInGenerators}, the registry of them and of
 * {@code engine.kubernetes}, which {@code KubernetesOnDemand} loads by name when a plan asks for pods (from a nested
 * jar in {@code perfgate-cli.jar}: {@code NestedJar}). Implements
 * the SPI of {@code engine.runner}; may use it and {@code runner.plan} and {@code runner.jmeter}.
 */
package io.jenkins.plugins.perfgate.engine.runner.generators;
