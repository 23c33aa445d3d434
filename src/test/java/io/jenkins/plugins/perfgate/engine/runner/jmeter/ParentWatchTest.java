package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent that ends a JMeter JVM when perfgate goes away, in a real JVM. */
class ParentWatchTest {

    @TempDir
    Path dir;

    @Test
    void theAgentJarIsWrittenOnceAndNamesItsPremainClass() throws Exception {
        Path jar = ParentWatch.agentJar();
        assertEquals(jar, ParentWatch.agentJar(), "the same content, the same file");
        assertTrue(jar.getFileName().toString().matches("perfgate-parent-watch-[0-9a-f]{16}\\.jar"), jar.toString());
        try (JarFile f = new JarFile(jar.toFile())) {
            assertEquals(ParentWatch.class.getName(), f.getManifest().getMainAttributes().getValue("Premain-Class"));
            assertNotNull(f.getEntry(ParentWatch.class.getName().replace('.', '/') + ".class"));
        }
    }

    @Test
    void aJvmWithTheAgentEndsWhenItsInputEnds() throws Exception {
        Path sleeper = dir.resolve("Sleeper.java");
        Files.writeString(sleeper, "class Sleeper { public static void main(String[] a) throws Exception {"
                + " System.out.println(\"up\"); Thread.sleep(60_000); } }");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-javaagent:" + ParentWatch.agentJar(), sleeper.toString())
                .redirectErrorStream(true).start();
        try {
            byte[] up = p.getInputStream().readNBytes(2);
            assertEquals("up", new String(up), "the program started");
            assertTrue(!p.waitFor(1, TimeUnit.SECONDS), "alive while its input is open");
            p.getOutputStream().close(); // what the end of perfgate does to the pipe
            assertTrue(p.waitFor(5, TimeUnit.SECONDS), "ended within 5 s of its input's end");
            assertEquals(ParentWatch.EXIT_PARENT_GONE, p.exitValue());
            String said = new String(p.getInputStream().readAllBytes());
            assertTrue(said.contains("perfgate process that started this JMeter is gone"), said);
        } finally {
            p.destroyForcibly();
        }
    }
}
