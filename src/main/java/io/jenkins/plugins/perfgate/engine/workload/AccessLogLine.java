package io.jenkins.plugins.perfgate.engine.workload;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request of an Nginx/Apache access log in the common or combined format
 * ({@code 1.2.3.4 - - [10/Oct/2026:13:55:36 +0000] "GET /items/42?x=1 HTTP/1.1" 200 2326 "ref" "agent"}). Immutable.
 *
 * @param client     the client address (with the user agent: who a think time belongs to)
 * @param timeMillis when, epoch ms
 * @param method     the HTTP method
 * @param path       the path without query
 * @param status     the response status
 * @param userAgent  the user agent, empty in the common format
 */
public record AccessLogLine(String client, long timeMillis, String method, String path, int status,
        String userAgent) {

    private static final Pattern LINE = Pattern.compile(
            "^(\\S+) \\S+ \\S+ \\[([^\\]]+)\\] \"([A-Z]+) (\\S+)(?: [^\"]*)?\" (\\d{3}) (?:\\d+|-)"
                    + "(?: \"(?:[^\"\\\\]|\\\\.)*\" \"((?:[^\"\\\\]|\\\\.)*)\")?.*$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
            Locale.ROOT);

    /** The line as a request, or an {@link IllegalArgumentException} saying what is wrong with it. */
    public static AccessLogLine parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a combined or common log line");
        }
        long time;
        try {
            time = OffsetDateTime.parse(m.group(2), TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + m.group(2) + "' is not dd/MMM/yyyy:HH:mm:ss +ZZZZ");
        }
        String target = m.group(4);
        int q = target.indexOf('?');
        String path = q >= 0 ? target.substring(0, q) : target;
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("request target '" + truncate(target) + "' is not a path");
        }
        return new AccessLogLine(m.group(1), time, m.group(3), path, Integer.parseInt(m.group(5)),
                m.group(6) == null ? "" : m.group(6));
    }

    private static String truncate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
