/**
 * The self-contained HTML report of a run and its sections. May use every engine package below the runner
 * ({@code chart}, {@code gate}, {@code history}, {@code compare}, {@code summary}, {@code stats}, {@code results}, {@code files}).
 */
package io.jenkins.plugins.perfgate.engine.report;
