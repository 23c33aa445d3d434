/**
 * Publishing a run summary on a build: the gate verdict against the job's history (or another branch's), the build
 * action, the HTML report in the build folder, metrics export with the job's credentials. Uses {@code model}, {@code history},
 * {@code agent}, {@code settings}, {@code config} and the engine; used only by {@code steps}.
 */
package io.jenkins.plugins.perfgate.publication;
