/**
 * Writing files so that a crash (a killed process, a lost machine) never leaves half of one behind: whole files are
 * replaced through a temporary file, fsync and an atomic rename ({@code AtomicFiles}); append-only line logs
 * ({@code LineLog}) set a torn last line aside, with a warning, before anything else is appended. Uses only the JDK.
 */
package io.jenkins.plugins.perfgate.engine.files;
