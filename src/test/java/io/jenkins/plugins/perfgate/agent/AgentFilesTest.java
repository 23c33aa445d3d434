package io.jenkins.plugins.perfgate.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.AbortException;
import hudson.FilePath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller reads agent files only up to a bound, with a clear error beyond it. */
class AgentFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileOverTheBoundIsRefusedNamingIt() throws Exception {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, "x".repeat(1001));
        AbortException e = assertThrows(AbortException.class,
                () -> AgentFiles.readBounded(new FilePath(f.toFile()), 1000, "run summary"));
        assertTrue(e.getMessage().contains("run summary " + f) && e.getMessage().contains("more than 1000 bytes"),
                e.getMessage());
        Files.writeString(f, "y".repeat(1000));
        assertEquals(1000, AgentFiles.readBounded(new FilePath(f.toFile()), 1000, "run summary").length());
    }

    @Test
    void summariesHaveRoomForTheLargestPerfgateWrites() {
        assertTrue(AgentFiles.MAX_SUMMARY_BYTES >= 32L << 20 && AgentFiles.MAX_PLAN_BYTES >= 64 << 10);
    }
}
