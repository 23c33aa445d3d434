package io.jenkins.plugins.perfgate.agent;

import hudson.PluginWrapper;
import io.jenkins.plugins.perfgate.cli.PerfgateCli;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;

/**
 * The class path of the perfgate command line as this controller has it: the plugin's own classes and the libraries
 * it bundles (never Jenkins core or other plugins). Copied to an agent, it runs there as a plain {@code java}
 * process, which is how load generation stays off the controller and out of the agent's remoting JVM.
 */
public final class CliClasspath {

    private CliClasspath() {
    }

    /** Files and directories (class folders in development) to put on the agent-side class path. */
    static List<File> entries() {
        Set<File> out = new LinkedHashSet<>();
        Jenkins j = Jenkins.getInstanceOrNull();
        PluginWrapper plugin = j == null ? null : j.getPluginManager().getPlugin("perfgate");
        if (plugin != null && plugin.classLoader instanceof URLClassLoader ucl) {
            for (URL u : ucl.getURLs()) {
                toFile(u).ifPresent(out::add);
            }
        }
        // the code sources of the CLI and of each library it needs: in development (JenkinsRule) plugin classes come
        // from the test class path, and JFreeChart is Jenkins core's copy, not the plugin's
        out.add(codeSource(PerfgateCli.class));
        for (Class<?> anchor : anchors()) {
            if (anchor.getProtectionDomain().getCodeSource() != null) {
                out.add(codeSource(anchor));
            }
        }
        List<File> existing = new ArrayList<>();
        for (File f : out) {
            if (f.exists()) {
                existing.add(f);
            }
        }
        return existing;
    }

    /** One class of each runtime library the command line uses; extend when the engine gains a library. */
    private static List<Class<?>> anchors() {
        List<Class<?>> list = new ArrayList<>();
        for (String name : List.of("org.HdrHistogram.Histogram", "com.fasterxml.jackson.databind.ObjectMapper",
                "com.fasterxml.jackson.core.JsonFactory", "com.fasterxml.jackson.annotation.JsonProperty",
                "picocli.CommandLine", "org.yaml.snakeyaml.Yaml",
                "com.fasterxml.jackson.dataformat.yaml.YAMLFactory", "org.jfree.svg.SVGGraphics2D",
                "org.jfree.chart.JFreeChart", "org.jfree.ui.RectangleInsets",
                // fabric8 (kubernetes generators) logs through SLF4J, which Jenkins core provides
                "org.slf4j.LoggerFactory")) {
            try {
                list.add(Class.forName(name, false, CliClasspath.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // library not used by this build of perfgate
            }
        }
        return list;
    }

    private static java.util.Optional<File> toFile(URL u) {
        try {
            return "file".equals(u.getProtocol()) ? java.util.Optional.of(new File(u.toURI()))
                    : java.util.Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    static File codeSource(Class<?> c) {
        try {
            return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
        }
    }
}
