package io.jenkins.plugins.perfgate.config;

import hudson.FilePath;
import hudson.util.FormValidation;
import io.jenkins.plugins.perfgate.engine.gate.CriteriaParser;
import io.jenkins.plugins.perfgate.engine.history.BaselinePolicy;
import io.jenkins.plugins.perfgate.history.ResultId;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Form validation shared by the builder, the recorder, the steps' snippet forms and the global configuration. Only
 * turns answers into {@link FormValidation}s; the rules themselves (criteria syntax, baseline policies) live in the
 * engine. Callers check permissions first.
 */
public final class FieldChecks {

    private static final Pattern POOL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");

    private FieldChecks() {
    }

    public static FormValidation poolName(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.error("A pool needs a name");
        }
        return POOL_NAME.matcher(value.trim()).matches() ? FormValidation.ok()
                : FormValidation.error("Use letters, digits, '.', '_' or '-' (at most 64)");
    }

    public static FormValidation intInRange(String value, int min, int max, String what) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                return FormValidation.error(what + " must be between " + min + " and " + max);
            }
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(what + " must be a whole number");
        }
    }

    public static FormValidation hostList(String value, boolean required) {
        List<String> hosts = GeneratorPool.parseHosts(value);
        if (hosts.isEmpty()) {
            return required ? FormValidation.error("List at least one jmeter-server host (host or host:port)")
                    : FormValidation.ok();
        }
        for (String h : hosts) {
            if (!HOST.matcher(h).matches()) {
                return FormValidation.error("Not a host or host:port: " + h);
            }
        }
        return FormValidation.ok();
    }

    /** A Kubernetes quantity ({@code 500m}, {@code 2}, {@code 1536Mi}); checked without loading a Kubernetes client. */
    public static FormValidation quantity(String value) {
        String v = hudson.Util.fixNull(value).trim();
        if (v.isEmpty() || v.matches("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?")) {
            return FormValidation.ok();
        }
        return FormValidation.error("'" + v + "' is not a Kubernetes quantity (500m, 2, 1536Mi, 2Gi)");
    }

    /** A result id: empty (the build's one result) or what {@link ResultId#checked} accepts. */
    public static FormValidation id(String value) {
        try {
            ResultId.checked(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation criteria(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            CriteriaParser.parseAll(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation baseline(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            BaselinePolicy.parse(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Whether a path stays inside the folder it is relative to: not absolute (any OS), no '..' segment. */
    static boolean insideWorkspace(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.startsWith("~") || p.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A template or plan path relative to the job's workspace (when one exists on the controller's view). Only paths
     * inside the workspace are looked up, so the check reveals nothing about other files of that machine.
     */
    public static FormValidation workspaceFile(FilePath workspace, String value, String what) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        if (value.contains("${")) {
            return FormValidation.ok();  // expanded at run time
        }
        if (workspace == null) {
            return FormValidation.ok();
        }
        if (!insideWorkspace(value.trim())) {
            // never probed: the answer would tell whoever may configure a job which files exist on that machine
            return FormValidation.warning(what + " " + value + " is outside the workspace: not checked here");
        }
        try {
            return workspace.child(value.trim()).exists() ? FormValidation.ok()
                    : FormValidation.warning(what + " " + value + " is not in the workspace (yet)");
        } catch (IOException | InterruptedException e) {
            return FormValidation.ok();
        }
    }
}
