package io.jenkins.plugins.perfgate.engine.runner.generators;

import io.jenkins.plugins.perfgate.engine.runner.GeneratorProviders;
import java.util.List;

/**
 * The providers perfgate ships: {@code local}, {@code jmeter-servers} and {@code kubernetes}, plus any plug-in jar on
 * the class path. The kubernetes provider loads {@code engine.kubernetes} and its client library only when a plan
 * uses it ({@link KubernetesOnDemand}).
 */
public final class BuiltInGenerators {

    private BuiltInGenerators() {
    }

    /** A fresh registry of the built-in providers and those {@link java.util.ServiceLoader} finds. */
    public static GeneratorProviders providers() {
        return GeneratorProviders.of(List.of(new LocalGenerators(), new JMeterServers(),
                        new KubernetesOnDemand()))
                .withServiceLoaded(BuiltInGenerators.class.getClassLoader());
    }
}
