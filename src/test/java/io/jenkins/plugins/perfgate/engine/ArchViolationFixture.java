package io.jenkins.plugins.perfgate.engine;

/** Test-only class that breaks the layering on purpose, so ArchitectureTest can show its rule fires. */
public final class ArchViolationFixture {
    public static String jenkinsClassName() {
        return hudson.model.Result.class.getName();
    }
}
