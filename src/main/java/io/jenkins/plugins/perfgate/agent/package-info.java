/**
 * Running the perfgate command line on the node that holds the workspace: its class path, the process, and the run
 * plan file it reads. Uses {@code settings} and {@code config}; used by {@code publication} and {@code steps}.
 */
package io.jenkins.plugins.perfgate.agent;
