/**
 * The pictures of the build and job pages, drawn by the engine's chart renderer from a summary or the history index.
 * Uses {@code history}; used by {@code model}.
 */
package io.jenkins.plugins.perfgate.charts;
