package io.jenkins.plugins.perfgate.engine.cycleb;

import io.jenkins.plugins.perfgate.engine.cyclea.CycleFixtureA;

/** Test-only: forms a package cycle with {@link CycleFixtureA}, so ArchitectureTest can show its cycle rule fires. */
public final class CycleFixtureB {
    public static String partner() {
        return CycleFixtureA.class.getName();
    }
}
