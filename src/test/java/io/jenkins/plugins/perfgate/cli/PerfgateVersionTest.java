package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PerfgateVersionTest {

    @Test
    void theVersionComesFromTheBuild() {
        String version = PerfgateVersion.version();
        assertTrue(version.matches("\\d+\\.\\d+(\\.\\d+)?(-SNAPSHOT)?"), version);
    }

    @Test
    void versionOptionPrintsIt() {
        StringWriter out = new StringWriter();
        int code = PerfgateCli.commandLine().setOut(new PrintWriter(out)).execute("--version");
        assertEquals(0, code);
        assertEquals("perfgate " + PerfgateVersion.version(), out.toString().strip());
    }
}
