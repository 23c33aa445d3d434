package io.jenkins.plugins.perfgate.engine.runner;

import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The generator providers one run may use, by {@link GeneratorProvider#type()}: an immutable registry that whoever
 * starts a run builds and hands to {@link PlanRunner} (the built-in ones come from
 * {@code generators.BuiltInGenerators#providers()}), so no provider outlives or leaks between the runs that use it.
 */
public final class GeneratorProviders {

    private final Map<String, GeneratorProvider> byType;

    private GeneratorProviders(Map<String, GeneratorProvider> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** A registry of these providers; a later one replaces an earlier one of the same type. */
    public static GeneratorProviders of(Collection<? extends GeneratorProvider> providers) {
        Map<String, GeneratorProvider> byType = new TreeMap<>();
        providers.forEach(p -> byType.put(p.type(), p));
        return new GeneratorProviders(byType);
    }

    /** This registry plus the providers that {@link ServiceLoader} finds through the class loader (plug-in jars). */
    public GeneratorProviders withServiceLoaded(ClassLoader loader) {
        Map<String, GeneratorProvider> byType = new TreeMap<>(this.byType);
        ServiceLoader.load(GeneratorProvider.class, loader).forEach(p -> byType.put(p.type(), p));
        return new GeneratorProviders(byType);
    }

    /** This registry plus one provider (replacing one of the same type). */
    public GeneratorProviders with(GeneratorProvider provider) {
        Map<String, GeneratorProvider> byType = new TreeMap<>(this.byType);
        byType.put(provider.type(), provider);
        return new GeneratorProviders(byType);
    }

    /** The known types, sorted. */
    public java.util.SortedSet<String> types() {
        return new java.util.TreeSet<>(byType.keySet());
    }

    /** The provider of a type; the error lists the known ones. */
    public GeneratorProvider forType(String type) {
        GeneratorProvider p = byType.get(type);
        if (p == null && "agents".equals(type)) {
            throw new IllegalArgumentException("generators.type 'agents' runs only in Jenkins, whose "
                    + "performanceTest step takes the agents (see docs/jenkins.md); here use local or jmeter-servers");
        }
        if (p == null) {
            throw new IllegalArgumentException("unknown generators.type '" + type + "' (known: "
                    + String.join(", ", types()) + ")");
        }
        return p;
    }
}
