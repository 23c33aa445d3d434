package io.jenkins.plugins.perfgate.engine.runner.generators;

import io.jenkins.plugins.perfgate.engine.runner.GeneratorProviders;
import java.util.List;

/** The providers perfgate ships: {@code local} and {@code jmeter-servers}, plus any plug-in jar on the class path. */
public final class BuiltInGenerators {

    private BuiltInGenerators() {
    }

    /** A fresh registry of the built-in providers and those {@link java.util.ServiceLoader} finds. */
    public static GeneratorProviders providers() {
        return GeneratorProviders.of(List.of(new LocalGenerators(), new JMeterServers()))
                .withServiceLoaded(BuiltInGenerators.class.getClassLoader());
    }
}
