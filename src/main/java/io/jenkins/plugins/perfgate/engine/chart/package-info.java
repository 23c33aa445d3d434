/**
 * Charts drawn with JFreeChart 1.0.19 (the version Jenkins core ships) as PNG or SVG: over-time charts of
 * one run and trend charts over a history. May use {@code engine.gate}, {@code engine.history},
 * {@code engine.compare}, {@code engine.summary}, {@code engine.stats} and {@code engine.files}.
 */
package io.jenkins.plugins.perfgate.engine.chart;
