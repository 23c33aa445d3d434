package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JMeter home tests share: provisioned once per build into {@code target/perfgate-cache} from the local Maven
 * repository (or Maven Central), so every test runs real JMeter 5.6.3 without a second copy.
 */
public final class TestJMeter {
    private static JMeterInstallation installation;

    private TestJMeter() {
    }

    public static synchronized JMeterInstallation installation() {
        if (installation == null) {
            try {
                installation = new JMeterProvisioner(cacheRoot(), JMeterManifest.bundled(),
                        ArtifactFetcher.standard(System.err::println), System.err::println).provision();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return installation;
    }

    public static Path cacheRoot() {
        return Path.of("target", "perfgate-cache").toAbsolutePath();
    }

    /** Copies a test resource beside this class into {@code dir}. */
    public static Path resource(Class<?> owner, String name, Path dir) throws IOException {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no test resource " + name + " beside " + owner.getName());
            }
            Path out = dir.resolve(name);
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            return out;
        }
    }
}
