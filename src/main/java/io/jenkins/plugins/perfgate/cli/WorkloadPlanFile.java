package io.jenkins.plugins.perfgate.cli;

import io.jenkins.plugins.perfgate.engine.files.AtomicFiles;
import io.jenkins.plugins.perfgate.engine.workload.Workload;
import io.jenkins.plugins.perfgate.engine.workload.WorkloadPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code perfgate workload --plan FILE}: the plan, and the bundled {@code load.jmx} beside it when no
 * {@code load.jmx} is there yet (an existing one is kept: it may hold the team's changes, and is warned about when it
 * predates request mixes).
 */
final class WorkloadPlanFile {

    static final String TEMPLATE = "load.jmx";

    private WorkloadPlanFile() {
    }

    static void write(Path planFile, Workload w, int top, long responseMillis, int durationSeconds, List<Path> logs,
            PrintWriter out, PrintWriter err) throws IOException {
        Path abs = planFile.toAbsolutePath();
        Path dir = abs.getParent();
        String fileName = String.valueOf(abs.getFileName());
        String name = fileName.replaceFirst("\\.ya?ml$", "");
        if (dir == null || name.equals(fileName) || name.isEmpty()) {
            throw new IllegalArgumentException("the plan's name must end with .yaml or .yml");
        }
        List<String> sources = logs.stream().map(WorkloadPlanFile::fileName).toList();
        String yaml = WorkloadPlan.yaml(w, new WorkloadPlan.Options(name, TEMPLATE, top, responseMillis,
                durationSeconds, sources));
        Files.createDirectories(dir);
        Path template = dir.resolve(TEMPLATE);
        if (!Files.exists(template)) {
            try (InputStream in = WorkloadPlanFile.class.getResourceAsStream(DemoCommand.TEMPLATES + TEMPLATE)) {
                if (in == null) {
                    throw new IOException("the bundled " + TEMPLATE + " is missing from perfgate's class path");
                }
                AtomicFiles.writeString(template, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            out.println("copied the bundled " + TEMPLATE + " to " + template);
        } else if (!Files.readString(template).contains("__P(weight1,")) {
            err.println("perfgate workload: warning: " + template + " predates request mixes (no weight1): the "
                    + "plan needs the bundled " + TEMPLATE + " (perfgate demo writes one; see docs/templates.md)");
        }
        AtomicFiles.writeString(abs, yaml);
        out.println("wrote the run plan " + abs + " (" + WorkloadPlan.planned(w, top).size()
                + " endpoints): run it with `perfgate run " + planFile + " -P host=... -P port=...`");
        out.flush();
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }
}
