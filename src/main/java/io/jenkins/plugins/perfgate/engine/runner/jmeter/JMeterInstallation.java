package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A usable JMeter home and the Java that runs it. JMeter is always started as {@code java -jar bin/ApacheJMeter.jar}
 * (the launcher builds its class path from {@code lib/} and {@code lib/ext/}), never through the shell scripts, so a
 * home assembled from Maven Central and a downloaded distribution work alike.
 *
 * @param home    the JMeter home
 * @param version the JMeter version ({@code unknown} when it cannot be told)
 * @param java    the {@code java} executable
 * @param addons  plugins and libraries of the run, on JMeter's class path beside the home's own jars
 */
public record JMeterInstallation(Path home, String version, Path java, JMeterAddons addons) {

    /** A home run by the Java that runs perfgate. */
    public static JMeterInstallation of(Path home, String version) {
        return new JMeterInstallation(home.toAbsolutePath().normalize(), version, currentJava(), JMeterAddons.NONE);
    }

    /** This installation with the run's plugins and libraries. */
    public JMeterInstallation withAddons(JMeterAddons more) {
        return new JMeterInstallation(home, version, java, more);
    }

    /** An existing JMeter home (a distribution unpacked by the user, {@code JMETER_HOME}), checked for its layout. */
    public static JMeterInstallation existing(Path home) throws ProvisioningException {
        Path absolute = home.toAbsolutePath().normalize();
        for (String required : new String[] {"bin/ApacheJMeter.jar", "bin/jmeter.properties", "lib/ext"}) {
            if (!Files.exists(absolute.resolve(required))) {
                throw new ProvisioningException(absolute + " is not a JMeter home: " + required + " is missing");
            }
        }
        return of(absolute, detectVersion(absolute));
    }

    /**
     * The installation to use: an explicit home when given, else {@code JMETER_HOME} when set, else the JMeter
     * provisioned from Maven Central into {@code cacheRoot}.
     */
    public static JMeterInstallation locate(Optional<Path> explicitHome, Path cacheRoot, Consumer<String> log)
            throws IOException {
        if (explicitHome.isPresent()) {
            return existing(explicitHome.get());
        }
        String env = System.getenv("JMETER_HOME");
        if (env != null && !env.isBlank()) {
            log.accept("using JMETER_HOME=" + env);
            return existing(Path.of(env));
        }
        return new JMeterProvisioner(cacheRoot, JMeterManifest.bundled(), ArtifactFetcher.standard(log), log)
                .provision();
    }

    public Path launcher() {
        return home.resolve("bin/ApacheJMeter.jar");
    }

    /** A new command line builder for this installation. */
    public JMeterCommand command() {
        return new JMeterCommand(this);
    }

    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static String detectVersion(Path home) {
        try (Stream<Path> jars = Files.list(home.resolve("lib/ext"))) {
            return jars.map(p -> String.valueOf(p.getFileName()))
                    .filter(n -> n.matches("ApacheJMeter_core-[0-9][^/]*\\.jar"))
                    .map(n -> n.substring("ApacheJMeter_core-".length(), n.length() - 4))
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
