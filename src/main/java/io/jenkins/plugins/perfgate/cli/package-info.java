/**
 * The command line ({@code perfgate <command>}, picocli): one command class per subcommand that parses options,
 * calls the engine, prints, and maps outcomes to exit codes; it decides nothing the engine could. May use every
 * {@code engine} package and picocli, never Jenkins; shipped as {@code perfgate-cli.jar}.
 */
package io.jenkins.plugins.perfgate.cli;
