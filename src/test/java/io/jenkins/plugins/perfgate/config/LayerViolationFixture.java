package io.jenkins.plugins.perfgate.config;

import io.jenkins.plugins.perfgate.steps.PerformanceTestStep;

/** Test-only class that breaks the Jenkins layering on purpose (configuration using a step), so JenkinsLayersTest can show its rule fires. */
public final class LayerViolationFixture {
    private LayerViolationFixture() {
    }

    public static String stepClassName() {
        return PerformanceTestStep.class.getName();
    }
}
