package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged command line, {@code target/perfgate-cli.jar} (verify phase, after {@code package}): self-contained
 * (it starts with {@code java -jar} and holds every library a command needs, the Kubernetes client included) and
 * without the libraries only the Jenkins plugins it depends on bring, since every entry of the jar costs each start
 * of the CLI (the JVM reads the jar's whole central directory; docs/performance.md).
 */
class CliJarIT {

    static final File JAR = new File("target/perfgate-cli.jar");

    /** Entries of the jar of 83ee7da less bouncycastle, ASM and commons-lang3/text (11,682), with some room. */
    private static final int MOST_ENTRIES = 12_500;

    @Test
    void holdsWhatTheCommandsNeedAndNothingOnlyJenkinsBrings() throws Exception {
        assertTrue(JAR.isFile(), "run mvn package first: " + JAR);
        try (JarFile jar = new JarFile(JAR)) {
            assertEquals(PerfgateCli.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
            for (String needed : List.of("io/jenkins/plugins/perfgate/cli/PerfgateCli.class",
                    "io/jenkins/plugins/perfgate/engine/kubernetes/KubernetesGenerators.class",
                    "picocli/CommandLine.class", "org/HdrHistogram/Histogram.class",
                    "com/fasterxml/jackson/databind/ObjectMapper.class", "org/yaml/snakeyaml/Yaml.class",
                    "org/jfree/chart/JFreeChart.class", "org/jfree/svg/SVGGraphics2D.class",
                    "org/slf4j/LoggerFactory.class", "io/fabric8/kubernetes/client/KubernetesClientBuilder.class",
                    "io/fabric8/kubernetes/client/jdkhttp/JdkHttpClientFactory.class")) {
                assertNotNull(jar.getEntry(needed), needed + " in " + JAR);
            }
            int entries = 0;
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                String n = e.getName();
                entries++;
                assertFalse(n.startsWith("org/bouncycastle/") || n.startsWith("org/objectweb/")
                        || n.startsWith("org/apache/commons/lang3/") || n.startsWith("org/apache/commons/text/")
                        || n.startsWith("hudson/") || n.startsWith("jenkins/") || n.startsWith("org/kohsuke/"),
                        n + ": only the Jenkins plugins need it, the command line never loads it");
            }
            assertTrue(entries <= MOST_ENTRIES, entries + " entries in " + JAR + ": each costs every start of the CLI");
        }
    }

    @Test
    void startsOnItsOwn() throws Exception {
        Process p = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(), "-jar",
                JAR.getPath(), "--version").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "perfgate --version ended");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("perfgate "), out);
    }
}
