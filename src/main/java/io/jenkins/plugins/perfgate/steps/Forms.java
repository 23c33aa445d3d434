package io.jenkins.plugins.perfgate.steps;

import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.perfgate.config.FieldChecks;
import io.jenkins.plugins.perfgate.config.PerfgateConfiguration;
import io.jenkins.plugins.perfgate.engine.runner.plan.GeneratorShorthand;
import io.jenkins.plugins.perfgate.settings.PublishSettings;
import io.jenkins.plugins.perfgate.settings.TestSettings;
import jenkins.model.Jenkins;

/**
 * The job-level form checks of every entry point (builder, recorder, step snippets), each behind the Job/Configure
 * permission check; the descriptors' {@code doCheck*} methods only route here.
 */
public final class Forms {

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

    static FormValidation files(Item item, String value) {
        checkConfigure(item);
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.error("Give an Ant pattern such as results/*.jtl")
                : FormValidation.ok();
    }

    static FormValidation id(Item item, String value) {
        checkConfigure(item);
        return FieldChecks.id(value);
    }

    static FormValidation criteria(Item item, String value) {
        checkConfigure(item);
        return FieldChecks.criteria(value);
    }

    static FormValidation baseline(Item item, String value) {
        checkConfigure(item);
        return FieldChecks.baseline(value);
    }

    static FormValidation apdexT(Item item, String value) {
        checkConfigure(item);
        return FieldChecks.intInRange(value, 0, PublishSettings.MAX_APDEX_T, "Apdex T");
    }

    static FormValidation duration(Item item, String value) {
        checkConfigure(item);
        return FieldChecks.intInRange(value, 0, TestSettings.MAX_SECONDS, "Duration");
    }

    static FormValidation timeLimit(Item item, String value) {
        checkConfigure(item);
        return FieldChecks.intInRange(value, 0, TestSettings.MAX_SECONDS, "Time limit");
    }

    /** A pool name from the global configuration, {@code local:N} or {@code servers:host:port,...}. */
    static FormValidation generators(Item item, String value) {
        checkConfigure(item);
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || PerfgateConfiguration.get().pool(v).isPresent()) {
            return FormValidation.ok();
        }
        try {
            GeneratorShorthand.parse(v);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage() + " (nor a generator pool of the global configuration)");
        }
    }

    static FormValidation properties(Item item, String value) {
        checkConfigure(item);
        TestSettings probe = new TestSettings();
        try {
            probe.setProperties(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
