package io.jenkins.plugins.perfgate.engine.runner.plan;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in plans: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or plain seconds. */
public final class Durations {
    private static final Pattern SYNTAX = Pattern.compile("([0-9]+)(ms|s|m|h)?");

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 500ms, 30s, 5m, 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** Short form for progress lines: {@code 1m05s}, {@code 42s}. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + "m" + String.format("%02ds", s % 60) : s + "s";
    }
}
