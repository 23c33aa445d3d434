package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.runner.generators.JMeterServers;
import io.jenkins.plugins.perfgate.engine.runner.generators.LocalGenerators;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generator providers known to this process: the built-in {@code local} and {@code jmeter-servers}, those found
 * through {@link ServiceLoader} ({@code META-INF/services/...GeneratorProvider}), and those registered at run time
 * (the Jenkins layer registers agent-based ones this way).
 */
public final class GeneratorProviders {

    private static final Map<String, GeneratorProvider> REGISTERED = new ConcurrentHashMap<>();

    private GeneratorProviders() {
    }

    public static void register(GeneratorProvider provider) {
        REGISTERED.put(provider.type(), provider);
    }

    public static Map<String, GeneratorProvider> all() {
        Map<String, GeneratorProvider> all = new TreeMap<>();
        all.put(LocalGenerators.TYPE, new LocalGenerators());
        all.put(JMeterServers.TYPE, new JMeterServers());
        for (GeneratorProvider p : ServiceLoader.load(GeneratorProvider.class,
                GeneratorProviders.class.getClassLoader())) {
            all.put(p.type(), p);
        }
        all.putAll(REGISTERED);
        return all;
    }

    /** The provider of a type; the error lists the known ones. */
    public static GeneratorProvider forType(String type) {
        Map<String, GeneratorProvider> all = all();
        GeneratorProvider p = all.get(type);
        if (p == null) {
            throw new IllegalArgumentException("unknown generators.type '" + type + "' (known: "
                    + String.join(", ", all.keySet()) + ")");
        }
        return p;
    }
}
