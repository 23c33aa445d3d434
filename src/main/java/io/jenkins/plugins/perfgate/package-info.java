/**
 * perfgate's Jenkins plugin: the layer that adapts the engine ({@code engine.*}) and the command line ({@code cli}) to
 * Jenkins. This root package only assembles: {@link io.jenkins.plugins.perfgate.Compatibility} lets stored files of
 * earlier versions load. The sub-packages, from the top: {@code steps} (Pipeline steps, freestyle builder and
 * recorder), {@code publication} (a summary becomes a build's result), {@code agent} (running the command line on the
 * workspace's node), {@code settings}, {@code config} (global configuration); beside publication {@code model} (build
 * and job actions and their pages) with {@code charts}; at the bottom {@code history} (the job's history index). The
 * direction is enforced by {@code JenkinsLayersTest}; nothing here is used by the engine or the CLI.
 */
package io.jenkins.plugins.perfgate;
