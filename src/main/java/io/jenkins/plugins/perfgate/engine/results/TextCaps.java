package io.jenkins.plugins.perfgate.engine.results;

/**
 * Caps on the text of one sample. Labels, response codes and messages end up in the run summary, the build record,
 * the history and on pages; without a cap a small hostile file (a 37 KB .xml.gz) could make a summary of tens of MB
 * with labels of several MiB. Longer values are cut, with a note naming the file, line and field; labels cut to the
 * same prefix count as one label. The number of labels is capped by the aggregation
 * ({@code RunAggregator.MAX_LABELS}).
 */
final class TextCaps {

    /** Characters of a label kept. */
    static final int MAX_LABEL_CHARS = 1024;
    /** Characters of a response code, response or failure message, or thread name kept. */
    static final int MAX_TEXT_CHARS = 1024;

    private TextCaps() {
    }

    /** The value, or its first characters followed by an ellipsis when it is longer than {@code max}. */
    static String capped(String v, int max) {
        if (v == null || v.length() <= max) {
            return v;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(v.charAt(end - 1))) {
            end--; // never half a character
        }
        return v.substring(0, end) + "\u2026";
    }

    /** Caps a field and notes it in the file's problems when it was cut. */
    static String capped(String v, int max, ProblemLog log, long line, String field) {
        return v == null ? null : capped(v, v.length(), max, log, line, field);
    }

    /**
     * Caps a field of {@code length} characters of which {@code v} holds at least the first {@code max + 1} (a
     * reader that streams long texts keeps only their start), noting the cut.
     */
    static String capped(String v, long length, int max, ProblemLog log, long line, String field) {
        if (length <= max) {
            return v;
        }
        log.note(line, field, field + " of " + length + " characters cut to its first " + (max - 1)
                + " (perfgate keeps at most " + max + ")");
        return capped(v, max);
    }
}
