package io.jenkins.plugins.perfgate.engine.runner.generators;

import io.jenkins.plugins.perfgate.engine.runner.GeneratorFleet;
import io.jenkins.plugins.perfgate.engine.runner.GeneratorProvider;
import io.jenkins.plugins.perfgate.engine.runner.LaunchContext;
import io.jenkins.plugins.perfgate.engine.runner.jmeter.JMeterProvisioner;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * The {@code kubernetes} provider as the registry holds it: {@code engine.kubernetes} and its client library are
 * loaded only when a plan asks for pods. In {@code perfgate-cli.jar} they are a nested jar ({@link NestedJar},
 * {@value #NESTED}, extracted to the cache folder of JMeter: {@code $PERFGATE_CACHE}, else
 * {@code $XDG_CACHE_HOME/perfgate}, else {@code ~/.cache/perfgate}); on a plain class path (tests, the class path
 * Jenkins agents get) they are loaded from it as any class.
 */
final class KubernetesOnDemand implements GeneratorProvider {

    /** {@code engine.kubernetes.KubernetesGenerators.TYPE} (a test checks that they match). */
    static final String TYPE = "kubernetes";
    static final String NESTED = "perfgate/kubernetes.jar";
    static final String PROVIDER = "io.jenkins.plugins.perfgate.engine.kubernetes.KubernetesGenerators";

    private final NestedJar nested;
    private final Path cacheDir;
    private GeneratorProvider provider;

    KubernetesOnDemand() {
        this(new NestedJar(KubernetesOnDemand.class.getClassLoader(), NESTED), null);
    }

    /** @param cacheDir where the nested jar goes; null for JMeter's default cache folder, looked up when needed */
    KubernetesOnDemand(NestedJar nested, Path cacheDir) {
        this.nested = nested;
        this.cacheDir = cacheDir;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public GeneratorFleet start(LaunchContext context) throws IOException {
        return provider().start(context);
    }

    /** The real provider, loaded on first use. */
    synchronized GeneratorProvider provider() throws IOException {
        if (provider == null) {
            ClassLoader loader = nested.present() ? extracted() : KubernetesOnDemand.class.getClassLoader();
            try {
                provider = (GeneratorProvider) Class.forName(PROVIDER, true, loader).getConstructor().newInstance();
            } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException
                    | IllegalAccessException | InvocationTargetException | LinkageError e) {
                throw new IOException("the kubernetes generators could not be loaded (" + e + ")", e);
            }
        }
        return provider;
    }

    private ClassLoader extracted() throws IOException {
        Path dir = cacheDir == null ? JMeterProvisioner.defaultCacheRoot() : cacheDir;
        try {
            return nested.load(dir);
        } catch (IOException e) {
            throw new IOException("cannot extract perfgate's Kubernetes client (" + NESTED + ") to " + dir + ": " + e
                    + " (PERFGATE_CACHE names another folder)", e);
        }
    }
}
