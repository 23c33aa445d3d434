package io.jenkins.plugins.perfgate.engine.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a UTF-8 result file of another tool (Locust, k6, Gatling), each with its 1-based number and whether
 * it is the last: a bad last line is a torn tail (the tool still writing, or killed), any other a malformed row.
 * The one line loop of those readers, so they number lines and report problems alike. Not thread-safe.
 */
final class NumberedLines {

    private final BufferedReader reader;
    private String next;
    private String line;
    private long number;

    NumberedLines(InputStream in) throws IOException {
        reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        next = reader.readLine();
    }

    /** Moves to the next line; false at the end of the file. */
    boolean advance() throws IOException {
        if (next == null) {
            return false;
        }
        line = next;
        number++;
        next = reader.readLine();
        return true;
    }

    /** The next line (a header), or null for an empty file. */
    String first() throws IOException {
        return advance() ? line : null;
    }

    String line() {
        return line;
    }

    long number() {
        return number;
    }

    boolean last() {
        return next == null;
    }

    /** Reports what is wrong with the current line ({@code field} may be empty): a torn tail when it is the last. */
    void problem(ProblemLog log, String field, String why) {
        if (last()) {
            log.truncatedTail(number, (field.isEmpty() ? "" : field + ": ") + why);
        } else {
            log.malformed(number, field, why);
        }
    }
}
