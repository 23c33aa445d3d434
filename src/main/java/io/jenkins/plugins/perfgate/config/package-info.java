/**
 * perfgate's global configuration (Manage Jenkins » System): JMeter, generator pools, default criteria and
 * baseline, metric endpoints; and the form checks every configuration page shares. Uses only {@code history} and the
 * engine.
 */
package io.jenkins.plugins.perfgate.config;
