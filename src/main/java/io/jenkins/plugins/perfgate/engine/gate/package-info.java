/**
 * The criteria language and the gate: parsing criteria, judging a run against absolute limits and a baseline
 * (noise-aware), comparing two builds with the same noise judgement, and writing the verdict (text, JSON, JUnit XML)
 * with the playbook ({@code docs/playbooks/}) of each kind of failed criterion.
 * May use {@code engine.history}, {@code engine.compare}, {@code engine.summary}, {@code engine.stats} and
 * {@code engine.files}.
 */
package io.jenkins.plugins.perfgate.engine.gate;
