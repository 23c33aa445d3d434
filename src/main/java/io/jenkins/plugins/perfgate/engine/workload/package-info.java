/**
 * Workloads from production traffic: Nginx/Apache combined access logs read in constant memory (plain or gzip),
 * summarised as the endpoints' shares (IDs in paths grouped), peak and mean request rate and think time, with a
 * report of what was left out. May use {@code engine.stats}.
 */
package io.jenkins.plugins.perfgate.engine.workload;
