package io.jenkins.plugins.perfgate.history;

import java.util.regex.Pattern;

/**
 * Which perfgate result of a build or job an id names, and the folder and URL segment it owns: {@code perfgate} for
 * the result without id (the layout perfgate always had), {@code perfgate-ID} for each other. An id names a folder
 * under the build's and the job's root directory, so every path that turns an id into a folder checks it here.
 */
public final class ResultId {
    /** The folder (and URL segment) of the result without id. */
    public static final String BUILD_DIR = "perfgate";
    /** What an id may be: it names a folder and a URL segment, so nothing else. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private ResultId() {
    }

    /** The id trimmed ({@code null} is no id), or a clear error: lower-case letters, digits, '_' and '-', at most 40. */
    public static String checked(String v) {
        String d = v == null ? "" : v.trim();
        if (!d.isEmpty() && !ID.matcher(d).matches()) {
            throw new IllegalArgumentException("id must be 1 to 40 lower-case letters, digits, '_' or '-', starting "
                    + "with a letter or digit (e.g. 'api'), was '" + v + "'");
        }
        return d;
    }

    /** The folder name of the result with this id (checked: an id read from anywhere never leaves its folder). */
    public static String folder(String id) {
        String d = checked(id);
        return d.isEmpty() ? BUILD_DIR : BUILD_DIR + "-" + d;
    }
}
