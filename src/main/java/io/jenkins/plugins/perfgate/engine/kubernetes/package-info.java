/**
 * The {@code kubernetes} generator provider: each generator is a pod that runs JMeter on its share of the plan;
 * perfgate talks only to the API server (objects, log streams), never to pod IPs. Built on fabric8's
 * kubernetes-client, which only the command line's own process loads (the Jenkins layer never imports it, so it
 * cannot clash with another plugin's Kubernetes client). Implements the SPI of {@code engine.runner}; may use it,
 * {@code runner.plan} and {@code runner.jmeter}. See docs/kubernetes.md.
 */
package io.jenkins.plugins.perfgate.engine.kubernetes;
