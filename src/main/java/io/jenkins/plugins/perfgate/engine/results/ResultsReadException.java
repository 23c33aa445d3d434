package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;

/**
 * A result file that cannot be read at all: missing, unreadable, empty, not a JMeter result file, or without a
 * required column. The message always names the file (and the column or line when there is one).
 */
public class ResultsReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public ResultsReadException(String message) {
        super(message);
    }

    public ResultsReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
