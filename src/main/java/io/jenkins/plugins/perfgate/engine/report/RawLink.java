package io.jenkins.plugins.perfgate.engine.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A link from the report to a raw file (a result file, a log, the JSON summary). Only relative paths are accepted:
 * the report must open offline and from an archive, so it never points at another host or scheme.
 *
 * @param name what the link says
 * @param path the file relative to the report folder ({@code ../results/run.jtl}), forward slashes
 */
public record RawLink(String name, String path) {

    public RawLink {
        Objects.requireNonNull(name);
        Objects.requireNonNull(path);
        if (path.isEmpty() || path.startsWith("/") || path.startsWith("\\") || path.contains("\\")
                || hasScheme(path)) {
            throw new IllegalArgumentException("raw file links must be relative paths with forward slashes: " + path);
        }
    }

    /** The path as an href: each segment percent-encoded, so spaces, '#' and '?' in file names are data. */
    public String href() {
        try {
            return new URI(null, null, path, null).getRawPath().replace("#", "%23").replace("?", "%3F");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable path: " + path, e);
        }
    }

    private static boolean hasScheme(String p) {
        int colon = p.indexOf(':');
        int slash = p.indexOf('/');
        return colon >= 0 && (slash < 0 || colon < slash);
    }
}
