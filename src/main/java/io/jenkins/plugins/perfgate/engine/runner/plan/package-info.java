/**
 * The run plan model ({@code RunPlan} and its parts) and its YAML/JSON reader with field-by-field errors.
 * Uses only the JDK and Jackson.
 */
package io.jenkins.plugins.perfgate.engine.runner.plan;
