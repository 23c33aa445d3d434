package io.jenkins.plugins.perfgate.engine.results;

/** What is not well-formed, and where; {@code endsEarly} when the file just stops. */
final class XmlError extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;
    final boolean endsEarly;

    XmlError(long line, String reason, boolean endsEarly) {
        super(reason, null, false, false);
        this.line = line;
        this.endsEarly = endsEarly;
    }
}
