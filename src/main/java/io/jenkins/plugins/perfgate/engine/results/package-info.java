/**
 * Reading result files as a stream of {@link io.jenkins.plugins.perfgate.engine.results.Sample}s into a sink, with
 * the problems found on the way ({@code ReadProblem}) and what each file held ({@code SourceFile}): JMeter's (JTL, CSV
 * or XML) and, recognised by content in {@code ToolFormats}, Gatling's {@code simulation.log} and k6's CSV and JSON
 * sample streams; plain or gzip; labels and messages are capped ({@code TextCaps}). Files of other tools' own
 * aggregates (k6 summary export, Locust CSV) give no samples but {@code ToolAggregates}, figures as the tool gave
 * them. The bottom of the engine: uses the JDK, Jackson's streaming parser for k6 JSON and its tree for the k6
 * summary export.
 */
package io.jenkins.plugins.perfgate.engine.results;
