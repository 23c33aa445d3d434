package io.jenkins.plugins.perfgate.engine.history;

import java.io.IOException;

/** A history entry that cannot be read: not JSON, an unknown schema version, or a missing field. */
public final class HistoryFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public HistoryFormatException(String message) {
        super(message);
    }
}
