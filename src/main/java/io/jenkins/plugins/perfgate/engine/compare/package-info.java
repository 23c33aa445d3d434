/**
 * The key figures of a run and their comparison: {@code RunFigures}/{@code LabelFigures}, the {@code Metric}
 * vocabulary (which direction is worse) and {@code Comparison}. May use {@code engine.summary} and
 * {@code engine.stats}.
 */
package io.jenkins.plugins.perfgate.engine.compare;
