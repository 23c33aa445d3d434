package io.jenkins.plugins.perfgate.engine.results;

/**
 * A problem found while reading results: which file, which line (0 when not about one line), which field (empty when
 * not about one field) and why.
 */
public record ReadProblem(String file, long line, String field, String reason) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (field != null && !field.isEmpty()) {
            sb.append(" [").append(field).append(']');
        }
        return sb.append(": ").append(reason).toString();
    }
}
