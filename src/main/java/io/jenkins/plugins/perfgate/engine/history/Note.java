package io.jenkins.plugins.perfgate.engine.history;

import io.jenkins.plugins.perfgate.engine.compare.Metric;
import java.util.Locale;

/**
 * What a person wrote down about a build or a change point of a history: kept in an append-only list beside the
 * history ({@link NoteLog}), shown in retrospectives and brought back when a later build fails the same way. A note
 * tagged with a label and/or a criterion is a <em>lesson</em>: a later build that fails that criterion on that label
 * shows it ("seen before in #412: ..."). Immutable.
 *
 * @param build      the build it is about (for a change point, the first build at the new level)
 * @param label      the label it is about ({@code TOTAL} for overall), empty when none
 * @param metric     the statistic of the change point it is about ({@code p95}), empty when none
 * @param criterion  the criterion it is about, as written ({@code p95 < 800ms}), empty when none
 * @param author     who wrote it (user id; {@code unknown} when none)
 * @param timeMillis when, epoch ms
 * @param text       the note itself
 */
public record Note(long build, String label, String metric, String criterion, String author, long timeMillis,
        String text) {

    /** Longest note kept: a paragraph, not a document. */
    public static final int MAX_TEXT = 2000;
    /** Longest label or criterion tag kept. */
    public static final int MAX_TAG = 200;

    public Note {
        if (build < 1) {
            throw new IllegalArgumentException("a note needs a build number of at least 1, was " + build);
        }
        label = tag(label, "label");
        criterion = tag(criterion, "criterion");
        metric = metric == null ? "" : metric.strip();
        if (!metric.isEmpty()) {
            String m = metric;
            metric = Metric.byName(m).orElseThrow(() -> new IllegalArgumentException("unknown statistic '" + m
                    + "' of a note")).key();
        }
        author = author == null || author.isBlank() ? "unknown" : author.strip();
        text = text == null ? "" : text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a note needs a text");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the note is longer than " + MAX_TEXT + " characters");
        }
    }

    private static String tag(String value, String what) {
        String v = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (v.length() > MAX_TAG) {
            throw new IllegalArgumentException("the " + what + " of a note is longer than " + MAX_TAG
                    + " characters");
        }
        return v;
    }

    /** Whether the note is tagged with a label or a criterion, and so comes back with later failures. */
    public boolean lesson() {
        return !label.isEmpty() || !criterion.isEmpty();
    }

    /** Whether the note is about this change point (its build, label and statistic). */
    public boolean about(ChangePoint c) {
        return build == c.build().number() && label.equals(c.label()) && metric.equals(c.metric().key());
    }

    /**
     * Whether this lesson concerns a failure of {@code criterionText} (on {@code metric}) for {@code failedLabel}:
     * every tag the note has must match (a change point's note, its statistic too); a criterion tag matches the criterion as written (spacing and case aside)
     * or, when it names just a statistic ({@code p95}), every criterion on that statistic.
     */
    public boolean matches(String criterionText, Metric failedMetric, String failedLabel) {
        if (!lesson()) {
            return false;
        }
        if (!label.isEmpty() && !label.equals(failedLabel)) {
            return false;
        }
        if (criterion.isEmpty()) {
            // a change point's note speaks of its statistic only
            return metric.isEmpty() || failedMetric != null && metric.equals(failedMetric.key());
        }
        if (normal(criterion).equals(normal(criterionText))) {
            return true;
        }
        return failedMetric != null && Metric.byName(criterion).map(m -> m == failedMetric).orElse(false);
    }

    private static String normal(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    /** What the note is about: {@code #412}, {@code #412 checkout p95}, {@code #412 [checkout] p95 < 800ms}. */
    public String subject() {
        StringBuilder sb = new StringBuilder("#").append(build);
        if (!label.isEmpty()) {
            sb.append(' ').append(label);
        }
        if (!metric.isEmpty()) {
            sb.append(' ').append(metric);
        }
        if (!criterion.isEmpty()) {
            sb.append(" (").append(criterion).append(')');
        }
        return sb.toString();
    }
}
