package io.jenkins.plugins.perfgate.engine.cycleb;

/** Test-only: shares its simple name with the other fixture package's Twin (ArchitectureTest's name check). */
public final class Twin {
}
