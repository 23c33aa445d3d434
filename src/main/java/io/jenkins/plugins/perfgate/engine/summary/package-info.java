/**
 * The run summary, the one document that crosses every boundary: {@code RunSummary}, its versioned JSON
 * ({@code SummaryJson}), {@code RunStatus}, and {@code Summarizer} (result files to a summary). May use
 * {@code engine.results}, {@code engine.stats} and {@code engine.files} (written atomically).
 */
package io.jenkins.plugins.perfgate.engine.summary;
