package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One jar of the JMeter distribution: its Maven coordinates, expected SHA-256 and size, and where it goes in the JMeter
 * home. A target of {@code unpack:<dir>/} means the jar's entries under that folder are extracted into the home
 * (that is how {@code ApacheJMeter_config} carries {@code bin/}).
 *
 * @param groupId    Maven group
 * @param artifactId Maven artifact
 * @param version    version
 * @param classifier classifier, empty when none
 * @param sha256     expected SHA-256 of the jar, lower-case hex (SHA-1 no longer resists forgery)
 * @param size       expected size in bytes
 * @param target     path inside the JMeter home, or {@code unpack:<dir>/}
 */
public record JMeterArtifact(String groupId, String artifactId, String version, String classifier, String sha256,
        long size, String target) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String UNPACK = "unpack:";

    public JMeterArtifact {
        for (String part : new String[] {groupId, artifactId, version}) {
            if (!NAME.matcher(part).matches()) {
                throw new IllegalArgumentException("invalid coordinate part '" + part + "'");
            }
        }
        if (!classifier.isEmpty() && !NAME.matcher(classifier).matches()) {
            throw new IllegalArgumentException("invalid classifier '" + classifier + "'");
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("invalid SHA-256 '" + sha256 + "'");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("invalid size " + size);
        }
        String path = target.startsWith(UNPACK) ? target.substring(UNPACK.length()) : target;
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("..")) {
            throw new IllegalArgumentException("invalid target '" + target + "'");
        }
    }

    /** {@code group:artifact:version[:classifier]}. */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
    }

    /** The jar's file name in a Maven repository. */
    public String fileName() {
        return artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar";
    }

    /** The jar's path relative to a Maven repository root, with forward slashes. */
    public String repositoryPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
    }

    /** Whether the jar is extracted rather than copied. */
    public boolean unpacked() {
        return target.startsWith(UNPACK);
    }

    /** For an unpacked jar, the folder (with trailing slash) whose entries are extracted. */
    public String unpackFolder() {
        return target.substring(UNPACK.length());
    }
}
