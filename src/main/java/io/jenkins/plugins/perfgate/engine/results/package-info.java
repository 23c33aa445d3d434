/**
 * Reading JMeter result files (JTL, CSV or XML, plain or gzip) as a stream of {@link
 * io.jenkins.plugins.perfgate.engine.results.Sample}s into a sink, with the problems found on the way
 * ({@code ReadProblem}) and what each file held ({@code SourceFile}); labels and messages are capped
 * ({@code TextCaps}). The bottom of the engine: uses only the JDK.
 */
package io.jenkins.plugins.perfgate.engine.results;
