package io.jenkins.plugins.perfgate.engine.runner.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.kubernetes.KubernetesGenerators;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubernetes provider loaded on demand. On a plain class path (this test's, and the one Jenkins agents get)
 * it is the class path's own; the nested jar of {@code perfgate-cli.jar} is checked by {@code CliJarIT}.
 */
class KubernetesOnDemandTest {

    @TempDir
    Path dir;

    @Test
    void servesTheKubernetesTypeAndLoadsTheProviderFromThePlainClassPath() throws Exception {
        KubernetesOnDemand onDemand = new KubernetesOnDemand(
                new NestedJar(KubernetesOnDemand.class.getClassLoader(), KubernetesOnDemand.NESTED), dir);
        assertEquals(KubernetesGenerators.TYPE, onDemand.type());
        assertEquals(KubernetesGenerators.class.getName(), KubernetesOnDemand.PROVIDER);
        GeneratorProvider provider = onDemand.provider();
        assertSame(KubernetesGenerators.class, provider.getClass(), "no second copy of the class");
        assertSame(provider, onDemand.provider(), "loaded once");
        assertEquals(0, dir.toFile().list().length, "nothing extracted");
        assertTrue(BuiltInGenerators.providers().forType(KubernetesGenerators.TYPE) instanceof KubernetesOnDemand);
    }

    @Test
    void aCacheFolderThatCannotBeWrittenIsNamed() throws Exception {
        Path root = Files.createDirectories(dir.resolve("cp/perfgate")).getParent();
        Files.writeString(root.resolve(KubernetesOnDemand.NESTED), "a nested jar");
        Path notAFolder = Files.writeString(dir.resolve("cache"), "a file where the cache folder should be");
        try (URLClassLoader owner = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            KubernetesOnDemand onDemand = new KubernetesOnDemand(new NestedJar(owner, KubernetesOnDemand.NESTED),
                    notAFolder);
            IOException e = assertThrows(IOException.class, onDemand::provider);
            assertTrue(e.getMessage().startsWith("cannot extract perfgate's Kubernetes client "
                    + "(perfgate/kubernetes.jar) to " + notAFolder + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("PERFGATE_CACHE"), e.getMessage());
        }
    }
}
