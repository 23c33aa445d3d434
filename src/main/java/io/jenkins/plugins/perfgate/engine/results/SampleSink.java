package io.jenkins.plugins.perfgate.engine.results;

/** Receives samples from a reader, one at a time, in file order. */
@FunctionalInterface
public interface SampleSink {
    void accept(Sample sample);
}
