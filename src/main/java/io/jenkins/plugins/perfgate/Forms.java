package io.jenkins.plugins.perfgate;

import hudson.model.Item;
import hudson.util.FormValidation;
import jenkins.model.Jenkins;

/** Permission checks and small validations shared by the job-level forms (builder, recorder, step snippets). */
final class Forms {

    private Forms() {
    }

    /** Job-level form checks need Job/Configure on the job (or globally when there is no job, e.g. snippets). */
    static void checkConfigure(Item item) {
        if (item != null) {
            item.checkPermission(Item.CONFIGURE);
        } else {
            Jenkins.get().checkPermission(Item.CONFIGURE);
        }
    }

    /** A pool name from the global configuration, {@code local:N} or {@code servers:host:port,...}. */
    static FormValidation generators(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || PerfgateConfiguration.get().pool(v).isPresent()) {
            return FormValidation.ok();
        }
        if (v.startsWith("local:")) {
            return FieldChecks.intInRange(v.substring(6), 1, GeneratorPool.MAX_LOCAL, "Local generators");
        }
        if (v.startsWith("servers:")) {
            return FieldChecks.hostList(v.substring(8), true);
        }
        return FormValidation.error("Not a generator pool of the global configuration, local:N or servers:HOSTS");
    }

    static FormValidation properties(String value) {
        TestSettings probe = new TestSettings();
        try {
            probe.setProperties(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
