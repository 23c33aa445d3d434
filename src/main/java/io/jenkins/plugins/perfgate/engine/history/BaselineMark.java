package io.jenkins.plugins.perfgate.engine.history;

import java.util.Locale;
import java.util.Objects;

/**
 * One decision a person took about the baseline of a history: pin a build as the baseline, remove the pin, or
 * accept a build's change (its level becomes the new normal). Immutable; kept in an audit list
 * ({@link BaselineMarks}) that is never rewritten, only appended to.
 *
 * @param kind       what was decided
 * @param build      the build it is about (for {@link Kind#UNPIN}, the build that was pinned)
 * @param user       who decided (the user id; {@code unknown} when none)
 * @param timeMillis when, epoch ms
 * @param reason     why, as the person wrote it (required for a pin and an accept)
 */
public record BaselineMark(Kind kind, long build, String user, long timeMillis, String reason) {

    /** Longest reason kept: a sentence or two, not a document. */
    public static final int MAX_REASON = 500;

    /** What a mark does. */
    public enum Kind {
        /** This build is the baseline of every later build, whatever the policy, until unpinned. */
        PIN,
        /** The pin is removed: the policy chooses again. */
        UNPIN,
        /** This build's level is intended: later builds are judged against it and the builds after it only. */
        ACCEPT;

        /** {@code pin}, {@code unpin}, {@code accept}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind written as {@link #text()} (any case), or a clear error. */
        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.text().equalsIgnoreCase(s == null ? "" : s.trim())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown baseline mark '" + s + "': use pin, unpin or accept");
        }
    }

    public BaselineMark {
        Objects.requireNonNull(kind);
        if (build < 1) {
            throw new IllegalArgumentException("a baseline mark needs a build number of at least 1, was " + build);
        }
        user = user == null || user.isBlank() ? "unknown" : user.strip();
        reason = reason == null ? "" : reason.strip();
        if (kind != Kind.UNPIN && reason.isEmpty()) {
            throw new IllegalArgumentException("a reason is required to " + kind.text() + " build #" + build);
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason is longer than " + MAX_REASON + " characters");
        }
    }

    /** For people: "pinned #41", "accepted #57", "unpinned #41". */
    public String describe() {
        return switch (kind) {
            case PIN -> "pinned #" + build;
            case UNPIN -> "unpinned #" + build;
            case ACCEPT -> "accepted #" + build;
        };
    }
}
