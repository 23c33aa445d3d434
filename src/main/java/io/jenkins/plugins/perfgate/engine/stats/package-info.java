/**
 * Constant-memory statistics per label: accumulators fed by samples and the immutable, mergeable
 * {@code LabelStats} (HdrHistograms, sums, over-time series) they produce. May use {@code engine.results} only.
 */
package io.jenkins.plugins.perfgate.engine.stats;
