package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.util.regex.Pattern;

/**
 * The {@code group:artifact:version} of a jar on Maven Central, as a run plan names a JMeter plugin or a library.
 *
 * @param groupId    Maven group
 * @param artifactId Maven artifact
 * @param version    a fixed version (no ranges, no {@code LATEST}: a run must be repeatable)
 */
public record MavenCoordinate(String groupId, String artifactId, String version) implements
        Comparable<MavenCoordinate> {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._-]+");

    public MavenCoordinate {
        for (String part : new String[] {groupId, artifactId, version}) {
            if (part == null || !PART.matcher(part).matches() || part.contains("..")) {
                throw new IllegalArgumentException("invalid coordinate part '" + part + "'");
            }
        }
    }

    /** Parses {@code group:artifact:version}; the message names what is wrong. */
    public static MavenCoordinate parse(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not group:artifact:version (e.g. "
                    + "kg.apc:jmeter-plugins-casutg:2.10)");
        }
        try {
            return new MavenCoordinate(parts[0], parts[1], parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * A list as a form field or step parameter holds it: coordinates separated by commas, blanks or new lines; the
     * message names the field and the entry.
     */
    public static java.util.List<MavenCoordinate> parseList(String text, String field) {
        java.util.List<MavenCoordinate> out = new java.util.ArrayList<>();
        int n = 0;
        for (String entry : (text == null ? "" : text).split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            n++;
            try {
                MavenCoordinate c = parse(entry);
                if (!out.contains(c)) {
                    out.add(c);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + " entry " + n + ": " + e.getMessage(), e);
            }
        }
        return java.util.List.copyOf(out);
    }

    /** {@code group/path/artifact/version/artifact-version.EXT} relative to a repository root. */
    public String repositoryPath(String extension) {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version + "."
                + extension;
    }

    /** The jar's file name. */
    public String jarName() {
        return artifactId + "-" + version + ".jar";
    }

    @Override
    public int compareTo(MavenCoordinate o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
