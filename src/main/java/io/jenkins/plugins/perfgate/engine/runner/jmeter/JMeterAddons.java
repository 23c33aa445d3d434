package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jars a run adds to JMeter's class path without touching the shared JMeter home: plugins (what JMeter would find in
 * {@code lib/ext}, passed as {@code search_paths}) and libraries (what it would find in {@code lib}, passed as
 * {@code user.classpath}).
 *
 * @param plugins   plugin jars
 * @param libraries library jars, including the plugins' own dependencies
 * @param sources   each jar's path in a Maven repository ({@code kg/apc/.../x-2.10.jar}), where known: generators on
 *                  other machines (Kubernetes pods) fetch the same jars from there
 */
public record JMeterAddons(List<Path> plugins, List<Path> libraries, Map<Path, String> sources) {

    /** No addons. */
    public static final JMeterAddons NONE = new JMeterAddons(List.of(), List.of());

    public JMeterAddons {
        plugins = List.copyOf(plugins);
        libraries = List.copyOf(libraries);
        sources = Map.copyOf(sources);
    }

    /** Jars of unknown origin. */
    public JMeterAddons(List<Path> plugins, List<Path> libraries) {
        this(plugins, libraries, Map.of());
    }

    public boolean isEmpty() {
        return plugins.isEmpty() && libraries.isEmpty();
    }

    /** Every jar, plugins first. */
    public List<Path> all() {
        List<Path> out = new ArrayList<>(plugins);
        out.addAll(libraries);
        return List.copyOf(out);
    }
}
