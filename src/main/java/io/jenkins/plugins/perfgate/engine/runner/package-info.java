/**
 * Running a plan end to end ({@code PlanRunner}): the generator SPI ({@code GeneratorProvider},
 * {@code GeneratorFleet}, the per-run {@code GeneratorProviders} registry), shares and data files, live progress and
 * abort criteria. May use its sub-packages {@code plan}, {@code jmeter} and {@code metrics} and the engine packages
 * {@code summary}, {@code stats} and {@code results}; never {@code generators}, which implements its SPI.
 */
package io.jenkins.plugins.perfgate.engine.runner;
