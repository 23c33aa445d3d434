/**
 * The entry points users configure: the {@code performanceTest}/{@code perfgate} and {@code perfgatePublish}
 * Pipeline steps, the freestyle builder and recorder, their descriptors and form checks, and {@code WorkspaceRun}, what
 * they do in a workspace. May use every other Jenkins package; nothing uses it but the root package.
 */
package io.jenkins.plugins.perfgate.steps;
