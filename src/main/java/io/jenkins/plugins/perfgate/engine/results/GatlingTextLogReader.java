package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the tab-separated text {@code simulation.log} of Gatling 3.0 to 3.12. A REQUEST line is
 * {@code REQUEST [userId] groups name start end OK|KO message} (the user id only before 3.4), read from its end so
 * that both layouts fit; groups are comma-separated and become the label's {@code group / } prefix as in Gatling's
 * report. USER lines ({@code START}/{@code END}) give the active users; RUN, GROUP, ERROR and ASSERTION lines are
 * skipped. A line that cannot be read is reported with its number and skipped. Not thread-safe: one per file.
 */
final class GatlingTextLogReader {

    private final ToolSamples out;
    /** Labels and messages repeat on every line: one String each. */
    private final Map<String, String> texts = new HashMap<>();

    GatlingTextLogReader(ToolSamples out) {
        this.out = out;
    }

    long read(InputStream in) throws IOException {
        NumberedLines lines = new NumberedLines(in);
        while (lines.advance()) {
            String problem = line(lines.line());
            if (problem != null) {
                out.problem(lines, "", problem);
            }
        }
        return out.finish();
    }

    /** Handles one line; returns what is wrong with it, or null. */
    private String line(String line) {
        if (line.isBlank()) {
            return null;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
            case "REQUEST" -> {
                return request(f);
            }
            case "USER" -> {
                for (String s : f) {
                    if (s.equals("START")) {
                        out.active(out.active() + 1);
                        return null;
                    } else if (s.equals("END")) {
                        out.active(out.active() - 1);
                        return null;
                    }
                }
                return "expected a USER line with START or END";
            }
            case "RUN", "GROUP", "ERROR", "ASSERTION" -> {
                return null;
            }
            default -> {
                return "expected a record type (RUN, USER, REQUEST, GROUP, ERROR or ASSERTION), found '"
                        + shown(f[0]) + "'";
            }
        }
    }

    private String request(String[] f) {
        int n = f.length;
        if (n < 7) {
            return "expected 7 tab-separated fields in a REQUEST line (REQUEST, groups, name, start, end, status, "
                    + "message), found " + n;
        }
        long start;
        long end;
        try {
            start = Long.parseLong(f[n - 4]);
            end = Long.parseLong(f[n - 3]);
        } catch (NumberFormatException e) {
            return "expected start and end times in epoch milliseconds, found '" + shown(f[n - 4]) + "' and '"
                    + shown(f[n - 3]) + "'";
        }
        if (end < start) {
            return "the request ends before it starts (" + start + " > " + end + ")";
        }
        String status = f[n - 2];
        if (!status.equals("OK") && !status.equals("KO")) {
            return "expected status OK or KO, found '" + shown(status) + "'";
        }
        boolean ok = status.equals("OK");
        String groups = f[n - 6];
        String name = f[n - 5];
        String label = groups.isEmpty() ? name : groups.replace(",", " / ") + " / " + name;
        String message = ok ? "" : f[n - 1].strip();
        out.accept(new Sample(start, end - start, intern(label), "", "", "", ok, intern(message), 0, 0,
                out.active(), 0, 0));
        return null;
    }

    private String intern(String s) {
        if (texts.size() > 100_000) {
            return s;
        }
        return texts.computeIfAbsent(s, k -> k);
    }

    private static String shown(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
