package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.history.CheckOutcome;
import io.jenkins.plugins.perfgate.engine.history.Note;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lessons that come back: for each criterion a build did not pass, the earlier notes tagged with that criterion
 * and/or label ({@link Note#matches}), as verdict notes ({@code seen before in #412 (alice, 2026-11-02) on p95 <
 * 800ms [checkout]: the connection pool was too small}). Only notes on earlier builds count; each note is quoted
 * once per verdict, newest first, at most {@value #MAX} in all so a long history cannot bury the verdict.
 */
public final class Lessons {

    /** Most lessons quoted in one verdict. */
    static final int MAX = 5;
    /** What every lesson note starts with (pages and reports recognise them by it). */
    public static final String PREFIX = "seen before in #";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Lessons() {
    }

    /** The lesson notes for a verdict's problems of build {@code build}, given every note of the history. */
    public static List<String> recall(Verdict verdict, long build, List<Note> notes) {
        Set<Note> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        List<Note> newestFirst = new ArrayList<>(notes);
        java.util.Collections.reverse(newestFirst);
        for (VerdictLine line : verdict.lines()) {
            if (line.outcome() != Outcome.FAIL && line.outcome() != Outcome.UNSTABLE) {
                continue;
            }
            for (Note n : newestFirst) {
                if (out.size() >= MAX) {
                    return out;
                }
                if (n.build() < build && n.matches(line.name(), line.metric().orElse(null), line.label())
                        && seen.add(n)) {
                    out.add(format(n, line.name(), line.label()));
                }
            }
        }
        return out;
    }

    static String format(Note n, String criterion, String label) {
        return PREFIX + n.build() + " (" + n.author() + ", " + DAY.format(Instant.ofEpochMilli(n.timeMillis()))
                + ") on " + criterion + " [" + label + "]: " + n.text();
    }

    /** The criteria a verdict failed or found unstable (not its warnings), as a retrospective keeps them. */
    public static List<CheckOutcome> failed(Verdict verdict) {
        return verdict.problems().stream().filter(l -> l.outcome() != Outcome.WARN).map(l -> new CheckOutcome(l.name(), l.label(), l.outcome().name(),
                l.format().strip())).toList();
    }
}
