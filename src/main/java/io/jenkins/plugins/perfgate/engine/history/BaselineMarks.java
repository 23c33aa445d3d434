package io.jenkins.plugins.perfgate.engine.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The audit list of a history's {@link BaselineMark}s, oldest first, and what it means for the gate (docs/gate.md,
 * "Pinned and accepted baselines"):
 * <ul>
 * <li>the newest {@code pin} not followed by an {@code unpin} of the same build is in force: the pinned build is the
 * baseline of every later build, whatever the policy ({@link #policy});</li>
 * <li>the newest {@code accept} is in force: builds before the accepted one are left out of every baseline and
 * noise window of later builds, and the accepted build counts as passing when its run was complete
 * ({@link #applyTo}).</li>
 * </ul>
 * Immutable.
 *
 * @param marks every mark, oldest first
 */
public record BaselineMarks(List<BaselineMark> marks) {

    /** No marks: the policy alone decides. */
    public static final BaselineMarks NONE = new BaselineMarks(List.of());

    public BaselineMarks {
        marks = List.copyOf(marks);
    }

    /** These marks and one more. */
    public BaselineMarks with(BaselineMark mark) {
        List<BaselineMark> all = new ArrayList<>(marks);
        all.add(mark);
        return new BaselineMarks(all);
    }

    /** The pinned build in force, if any. */
    public OptionalLong pinned() {
        Long pin = null;
        for (BaselineMark m : marks) {
            if (m.kind() == BaselineMark.Kind.PIN) {
                pin = m.build();
            } else if (m.kind() == BaselineMark.Kind.UNPIN && pin != null && pin == m.build()) {
                pin = null;
            }
        }
        return pin == null ? OptionalLong.empty() : OptionalLong.of(pin);
    }

    /** The accepted build in force (the newest accept), if any. */
    public OptionalLong accepted() {
        for (int i = marks.size() - 1; i >= 0; i--) {
            if (marks.get(i).kind() == BaselineMark.Kind.ACCEPT) {
                return OptionalLong.of(marks.get(i).build());
            }
        }
        return OptionalLong.empty();
    }

    /** The mark in force that made this build pinned or accepted, for pages. */
    public Optional<BaselineMark> inForce(long build) {
        BaselineMark found = null;
        for (BaselineMark m : marks) {
            boolean pinHere = pinned().isPresent() && pinned().getAsLong() == build && m.kind() == BaselineMark.Kind.PIN;
            boolean acceptHere = accepted().isPresent() && accepted().getAsLong() == build
                    && m.kind() == BaselineMark.Kind.ACCEPT;
            if (m.build() == build && (pinHere || acceptHere)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The policy the gate applies: the pinned build when a pin is in force, else the configured policy. */
    public BaselinePolicy policy(BaselinePolicy configured) {
        OptionalLong pin = pinned();
        return pin.isPresent() ? new BaselinePolicy.Pinned(pin.getAsLong()) : configured;
    }

    /**
     * The history the build {@code currentNumber} is judged against once an accept is in force: the builds before
     * the accepted one are left out (the pinned build in force excepted), and the accepted build passes when its run
     * was complete, whatever its result was (it may have failed the gate it was accepted for). An accept of the
     * current build or a later one does not apply yet: the history is returned as it is.
     */
    public History applyTo(History history, long currentNumber) {
        OptionalLong acc = accepted();
        if (acc.isEmpty() || acc.getAsLong() >= currentNumber) {
            return history;
        }
        long from = acc.getAsLong();
        long pin = pinned().orElse(-1);
        List<HistoryEntry> kept = new ArrayList<>();
        for (HistoryEntry e : history.entries()) {
            if (e.number() == from) {
                kept.add(new HistoryEntry(e.build().withResult(BuildResult.SUCCESS), e.figures(), e.repeats()));
            } else if (e.number() > from || e.number() == pin) {
                kept.add(e);
            }
        }
        return new History(kept, history.warnings());
    }
}
