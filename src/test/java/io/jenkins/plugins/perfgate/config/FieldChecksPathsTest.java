package io.jenkins.plugins.perfgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.FilePath;
import hudson.util.FormValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template and plan form checks look only inside the workspace: they reveal nothing about other files. */
class FieldChecksPathsTest {

    @TempDir
    Path tmp;

    @Test
    void pathsOutsideTheWorkspaceGetTheSameAnswerWhetherTheyExistOrNot() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.writeString(tmp.resolve("secret.jmx"), "x");
        Files.writeString(ws.resolve("here.jmx"), "x");
        FilePath w = new FilePath(ws.toFile());
        for (String[] pair : new String[][] {
            {tmp.resolve("secret.jmx").toString(), tmp.resolve("missing.jmx").toString()},
            {"../secret.jmx", "../missing.jmx"},
            {"sub/../../secret.jmx", "sub/../../missing.jmx"},
            {"..\\secret.jmx", "..\\missing.jmx"}}) {
            FormValidation existing = FieldChecks.workspaceFile(w, pair[0], "Template");
            FormValidation missing = FieldChecks.workspaceFile(w, pair[1], "Template");
            assertEquals(existing.kind, missing.kind, pair[0]);
            assertEquals(existing.getMessage().replace("secret", "missing"), missing.getMessage(), pair[0]);
        }
        assertEquals(FormValidation.Kind.OK, FieldChecks.workspaceFile(w, "here.jmx", "Template").kind);
        assertEquals(FormValidation.Kind.WARNING, FieldChecks.workspaceFile(w, "not-here.jmx", "Template").kind);
    }
}
