package io.jenkins.plugins.perfgate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stops a running command when a file appears ({@code perfgate run --stop-file FILE}): how the Jenkins controller
 * stops every generator agent's run gracefully when it judges an abort criterion on their merged figures, so each
 * agent still summarises what it recorded. The file's first line (at most 1,000 characters) is the reason.
 */
final class StopFile {

    private static final long POLL_MILLIS = 200;
    private static final int MAX_REASON = 1_000;

    private StopFile() {
    }

    static void watch(Path file, StopOnSignal stop) {
        Thread t = new Thread(() -> {
            try {
                while (!Files.exists(file)) {
                    Thread.sleep(POLL_MILLIS);
                }
                stop.cancel(reason(file));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "perfgate-stop-file");
        t.setDaemon(true);
        t.start();
    }

    static String reason(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String text = new String(in.readNBytes(MAX_REASON), StandardCharsets.UTF_8).lines().findFirst()
                    .orElse("").strip();
            return text.isEmpty() ? "stopped by " + file.getFileName() : text;
        } catch (IOException e) {
            return "stopped by " + file.getFileName();
        }
    }
}
