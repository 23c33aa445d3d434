/**
 * A job's history of key figures: the {@code HistoryStore} interface and its directory implementation,
 * baseline policies and the pins and accepts people add to them, change points and the history report. May use
 * {@code engine.compare}, {@code engine.summary}, {@code engine.stats}, {@code engine.results} and {@code engine.files}.
 */
package io.jenkins.plugins.perfgate.engine.history;
