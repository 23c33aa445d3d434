/**
 * Charts drawn with JFreeChart 1.0.19 (the version Jenkins core ships) as PNG or SVG: over-time charts of
 * one run and trend charts over a history. May use {@code engine.gate}, {@code engine.history},
 * {@code engine.compare}, {@code engine.summary} and {@code engine.stats}.
 */
package io.jenkins.plugins.perfgate.engine.chart;
