/**
 * A job's performance history in Jenkins: the index of every build's key figures next to the job, each build's
 * summary in its folder, the audit list of pins and accepts beside the index, result ids and the folders they name,
 * and the change points found in that history. The
 * bottom of the Jenkins layer: uses only Jenkins and the engine.
 */
package io.jenkins.plugins.perfgate.history;
