/**
 * What Jenkins shows: the build action (verdict, key figures, criteria lines; persisted in build.xml, so only small
 * plain values, and with many labels only the labels {@code RecordedLabels} keeps: every label's figures are in
 * the build's {@code label-figures.json}, read through {@code SummaryCache}) with its REST API and pin/accept/unpin buttons, the job action with its trend graphs, history page,
 * downloads and the page comparing two builds, and the listener that keeps the history index in step with builds. Uses {@code charts} and {@code history}; never runs anything.
 */
package io.jenkins.plugins.perfgate.model;
