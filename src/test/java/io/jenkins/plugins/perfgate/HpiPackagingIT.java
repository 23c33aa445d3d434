package io.jenkins.plugins.perfgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Extension;
import java.io.File;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin as Jenkins reads it (verify phase, after {@code hpi:hpi}): the manifest of the .hpi and of the
 * plugin jar inside it, the bundled libraries, the extension index, and nothing Jenkins core already provides.
 */
class HpiPackagingIT {

    static final File HPI = new File("target/perfgate.hpi");

    @Test
    void hpiIsWhatJenkinsExpects() throws Exception {
        assertTrue(HPI.isFile(), "run mvn package first: " + HPI);
        try (JarFile hpi = new JarFile(HPI)) {
            checkPluginManifest(hpi.getManifest(), ".hpi");

            List<String> libs = new ArrayList<>();
            hpi.stream().map(JarEntry::getName).filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                    .forEach(libs::add);
            assertTrue(libs.contains("WEB-INF/lib/perfgate.jar"), libs.toString());
            for (String needed : List.of("HdrHistogram", "jackson-databind", "jackson-core", "picocli",
                    "jackson-dataformat-yaml", "snakeyaml", "org.jfree.svg")) {
                assertTrue(libs.stream().anyMatch(l -> l.contains(needed)), needed + " bundled: " + libs);
            }
            for (String never : List.of("jenkins-core", "jfreechart", "jcommon", "ApacheJMeter", "remoting",
                    "workflow-", "credentials", "stapler", "servlet")) {
                assertFalse(libs.stream().anyMatch(l -> l.contains(never)), never + " must not be bundled: " + libs);
            }

            String index = null;
            for (String lib : libs) {
                try (JarInputStream jar = new JarInputStream(hpi.getInputStream(hpi.getEntry(lib)))) {
                    if (lib.endsWith("/perfgate.jar")) {
                        checkPluginManifest(jar.getManifest(), "perfgate.jar");
                    }
                    for (JarEntry e; (e = jar.getNextJarEntry()) != null;) {
                        String n = e.getName();
                        assertFalse(n.startsWith("hudson/") || n.startsWith("jenkins/")
                                || n.startsWith("org/kohsuke/stapler/") || n.startsWith("org/jfree/chart/")
                                || n.startsWith("org/apache/jmeter/"), n + " in " + lib + " clashes with Jenkins");
                        if (lib.endsWith("/perfgate.jar") && n.equals("META-INF/annotations/hudson.Extension")) {
                            // sezpoz writes a serialized list of the annotated class names
                            index = new String(jar.readAllBytes(), StandardCharsets.ISO_8859_1);
                        }
                    }
                }
            }
            assertNotNull(index, "perfgate.jar has META-INF/annotations/hudson.Extension");
            Set<String> extensions = extensionsInClasses();
            assertTrue(extensions.size() >= 8, extensions.toString());
            for (String e : extensions) {
                assertTrue(index.contains(e), "the extension index lists " + e);
            }
        }
    }

    private static void checkPluginManifest(Manifest m, String where) {
        assertNotNull(m, where + " has a manifest");
        var a = m.getMainAttributes();
        assertEquals("perfgate", a.getValue("Short-Name"), where);
        assertNotNull(a.getValue("Long-Name"), where);
        assertNotNull(a.getValue("Plugin-Version"), where);
        assertNotNull(a.getValue("Jenkins-Version"), where);
        assertNotNull(a.getValue("Url"), where);
        assertEquals("21", a.getValue("Minimum-Java-Version"), where);
        String deps = a.getValue("Plugin-Dependencies");
        assertNotNull(deps, where);
        assertTrue(deps.contains("workflow-step-api:") && deps.contains("credentials:"), where + ": " + deps);
    }

    /** Classes of the Jenkins layer annotated {@code @Extension}, as binary names. */
    private static Set<String> extensionsInClasses() throws Exception {
        Set<String> out = new TreeSet<>();
        Path root = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(root.resolve("io/jenkins/plugins/perfgate"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(File.separatorChar, '/')
                        .replaceAll("\\.class$", "").replace('/', '.');
                Class<?> c = Class.forName(name, false, HpiPackagingIT.class.getClassLoader());
                if (c.isAnnotationPresent(Extension.class) && !Modifier.isAbstract(c.getModifiers())) {
                    out.add(name);
                }
            }
        }
        return out;
    }

}
