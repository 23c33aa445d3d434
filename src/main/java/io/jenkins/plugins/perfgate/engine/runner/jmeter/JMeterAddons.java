package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Jars a run adds to JMeter's class path without touching the shared JMeter home: plugins (what JMeter would find in
 * {@code lib/ext}, passed as {@code search_paths}) and libraries (what it would find in {@code lib}, passed as
 * {@code user.classpath}).
 *
 * @param plugins   plugin jars
 * @param libraries library jars, including the plugins' own dependencies
 */
public record JMeterAddons(List<Path> plugins, List<Path> libraries) {

    /** No addons. */
    public static final JMeterAddons NONE = new JMeterAddons(List.of(), List.of());

    public JMeterAddons {
        plugins = List.copyOf(plugins);
        libraries = List.copyOf(libraries);
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
