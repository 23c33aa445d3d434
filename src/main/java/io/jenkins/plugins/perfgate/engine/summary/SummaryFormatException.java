package io.jenkins.plugins.perfgate.engine.summary;

import java.io.IOException;

/** A summary file that is not a readable perfgate run summary; the message names the file and the field. */
public class SummaryFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public SummaryFormatException(String message) {
        super(message);
    }
}
