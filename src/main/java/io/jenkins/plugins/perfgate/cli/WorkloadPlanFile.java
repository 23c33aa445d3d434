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
 * Writes {@code perfgate workload --plan FILE}: the plan, and its bundled template ({@code load.jmx},
 * {@code soak.jmx}...) beside it when none of that name is there yet (an existing one is kept: it may hold the team's changes, and is warned about when it
 * predates request mixes).
 */
final class WorkloadPlanFile {

    private WorkloadPlanFile() {
    }

    /** The plan's name: its file name without .yaml or .yml. */
    static String name(Path planFile) {
        String fileName = fileName(planFile.toAbsolutePath());
        String name = fileName.replaceFirst("\\.ya?ml$", "");
        if (name.equals(fileName) || name.isEmpty()) {
            throw new IllegalArgumentException("the plan's name must end with .yaml or .yml");
        }
        return name;
    }

    /** The logs' file names, for the plan's header. */
    static List<String> sources(List<Path> logs) {
        return logs.stream().map(WorkloadPlanFile::fileName).toList();
    }

    static void write(Path planFile, Workload w, WorkloadPlan.Options options, PrintWriter out, PrintWriter err)
            throws IOException {
        Path abs = planFile.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) {
            throw new IllegalArgumentException("the plan needs a folder");
        }
        String yaml = WorkloadPlan.yaml(w, options);
        String name = options.shape().template();
        Files.createDirectories(dir);
        Path template = dir.resolve(name);
        if (!Files.exists(template)) {
            try (InputStream in = WorkloadPlanFile.class.getResourceAsStream(DemoCommand.TEMPLATES + name)) {
                if (in == null) {
                    throw new IOException("the bundled " + name + " is missing from perfgate's class path");
                }
                AtomicFiles.writeString(template, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            out.println("copied the bundled " + name + " to " + template);
        } else if (!Files.readString(template).contains("__P(weight1,")) {
            err.println("perfgate workload: warning: " + template + " predates request mixes (no weight1): the "
                    + "plan needs the bundled " + name + " (perfgate demo writes one; see docs/templates.md)");
        }
        AtomicFiles.writeString(abs, yaml);
        out.println("wrote the run plan " + abs + " (" + WorkloadPlan.planned(w, options.top()).size()
                + " endpoints, " + name + "): run it with `perfgate run " + planFile + " -P host=... -P port=...`");
        out.flush();
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }
}
