package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import java.io.IOException;

/** JMeter could not be provisioned: an artifact is missing, unreachable or fails its checksum. */
public final class ProvisioningException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProvisioningException(String message) {
        super(message);
    }

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
