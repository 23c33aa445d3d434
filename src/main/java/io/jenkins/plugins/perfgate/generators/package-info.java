/**
 * Load generators provisioned on Jenkins agents ({@code generators: 'agents:LABEL_EXPRESSION:N'}): holding one
 * executor on each of N matching agents for the run ({@code AgentReservation}, {@code HoldTask}), running one
 * {@code perfgate run} per agent on its share of the plan ({@code AgentGenerator}), their joint live progress
 * ({@code AgentProgress}), the plan's abort criteria judged on their merged live figures ({@code MergedAbortWatch}),
 * and merging their summaries ({@code AgentsRun}). Uses {@code agent}, {@code config} and
 * {@code settings}; used by {@code steps}.
 */
package io.jenkins.plugins.perfgate.generators;
