package io.jenkins.plugins.perfgate.engine.cyclea;

import io.jenkins.plugins.perfgate.engine.cycleb.CycleFixtureB;

/** Test-only: forms a package cycle with {@link CycleFixtureB}, so ArchitectureTest can show its cycle rule fires. */
public final class CycleFixtureA {
    public static String partner() {
        return CycleFixtureB.class.getName();
    }
}
