/**
 * Retrospectives of a release range: the builds between two release tags of a history, their change points, the
 * criteria they failed, the release-over-release table, the measured noise and the notes people wrote, as Markdown
 * for the meeting and CSV/JSON for spreadsheets and tools ({@code perfgate retro} and the Jenkins retrospective
 * page share it). May use {@code engine.history}, {@code engine.compare} and {@code engine.stats}.
 */
package io.jenkins.plugins.perfgate.engine.retro;
