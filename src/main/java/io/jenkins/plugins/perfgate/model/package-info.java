/**
 * What Jenkins shows: the build action (verdict, key figures, criteria lines; persisted in build.xml, so only small
 * plain values), the job action with its trend graphs and history page, and the listener that keeps the history
 * index in step with builds. Uses {@code charts} and {@code history}; never runs anything.
 */
package io.jenkins.plugins.perfgate.model;
