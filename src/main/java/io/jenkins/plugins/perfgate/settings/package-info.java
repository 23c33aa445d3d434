/**
 * What a step or build step was configured with (gate and publication settings, the load test to run), as beans
 * with checked setters and read-only accessors, falling back to the global configuration. Uses {@code config} and
 * {@code history} (result ids); never the steps or pages.
 */
package io.jenkins.plugins.perfgate.settings;
