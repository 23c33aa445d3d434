package io.jenkins.plugins.perfgate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code perfgate --version}: the project version the build wrote into {@code perfgate/version.properties} (a
 * filtered resource), so the jar and the classes folder of a test run both say which build they are.
 */
public final class PerfgateVersion implements IVersionProvider {

    static final String RESOURCE = "/perfgate/version.properties";

    /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when the resource is missing. */
    public static String version() {
        try (InputStream in = PerfgateVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"perfgate " + version()};
    }
}
