package io.jenkins.plugins.perfgate.agent;

import hudson.AbortException;
import hudson.FilePath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads files of a workspace into the controller with a bound. What an agent (or a build step on it) writes is not
 * trusted to be small: a summary or plan of some GB would otherwise be read whole into the controller's heap. The
 * bound is enforced while reading (never by a size check that the file could outgrow), and a larger file fails the
 * build with a message naming it.
 */
public final class AgentFiles {

    /**
     * Bytes of a run summary the controller reads: a summary of the most labels perfgate keeps (5000) with
     * histograms and over-time series stays well below.
     */
    public static final long MAX_SUMMARY_BYTES = Long.getLong("perfgate.maxSummaryBytes", 64L << 20);
    /** Bytes of a run plan the controller reads (plans are a few KB). */
    public static final long MAX_PLAN_BYTES = 1L << 20;

    private AgentFiles() {
    }

    /** The file's text (UTF-8), or an error naming it when it holds more than {@code maxBytes}. */
    public static String readBounded(FilePath file, long maxBytes, String what)
            throws IOException, InterruptedException {
        if (maxBytes < 0 || maxBytes >= Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a bound between 0 and 2 GB, was " + maxBytes);
        }
        byte[] bytes;
        try (InputStream in = file.read()) {
            bytes = in.readNBytes((int) maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new AbortException("perfgate: " + what + " " + file.getRemote() + " holds more than " + maxBytes
                    + " bytes, more than the controller reads (a file this large is not one perfgate wrote)");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A run summary written on the agent. */
    public static String summary(FilePath file) throws IOException, InterruptedException {
        return readBounded(file, MAX_SUMMARY_BYTES, "run summary");
    }
}
