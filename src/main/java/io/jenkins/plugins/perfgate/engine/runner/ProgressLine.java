package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.runner.plan.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One live progress line: {@code [perfgate] 25s/1m00s threads 20 samples 1234 rps 245.6 err 1.2% p95 120ms |
 * gen-1 ok 612 | gen-2 ok 622}. Window figures (rps, err, p95) are over the last progress interval.
 */
public final class ProgressLine {
    private ProgressLine() {
    }

    /** The last line: totals of the whole run and how each generator ended. */
    public static String formatFinal(long elapsedMillis, LiveStats.Snapshot s, List<Generator> generators) {
        StringBuilder sb = new StringBuilder("[perfgate] final ");
        sb.append(Durations.format(Duration.ofMillis(elapsedMillis)));
        sb.append(String.format(Locale.ROOT, " samples %d err %.1f%%", s.samples(), s.errorPercent()));
        appendGenerators(sb, s, generators);
        return sb.toString();
    }

    public static String format(long elapsedMillis, Duration planned, LiveStats.Snapshot s,
            List<Generator> generators) {
        StringBuilder sb = new StringBuilder("[perfgate] ");
        sb.append(Durations.format(Duration.ofMillis(elapsedMillis)));
        if (!planned.isZero()) {
            sb.append('/').append(Durations.format(planned));
        }
        sb.append(String.format(Locale.ROOT, " threads %d samples %d rps %.1f err %s p95 %s", s.activeThreads(),
                s.samples(), s.windowRps(), Double.isNaN(s.windowErrorPercent()) ? "-"
                        : String.format(Locale.ROOT, "%.1f%%", s.windowErrorPercent()),
                Double.isNaN(s.windowP95()) ? "-" : String.format(Locale.ROOT, "%.0fms", s.windowP95())));
        appendGenerators(sb, s, generators);
        return sb.toString();
    }

    private static void appendGenerators(StringBuilder sb, LiveStats.Snapshot s, List<Generator> generators) {
        for (Generator g : generators) {
            String health = switch (g.state()) {
                case RUNNING -> "ok";
                case FINISHED -> "done";
                case FAILED -> "FAILED";
            };
            sb.append(" | ").append(g.id()).append(' ').append(health).append(' ')
                    .append(s.samplesByGenerator().getOrDefault(g.id(), 0L));
        }
    }
}
