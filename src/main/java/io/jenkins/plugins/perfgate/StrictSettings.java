package io.jenkins.plugins.perfgate;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Items;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder;

/**
 * Makes a job configuration whose perfgate settings do not pass their checks fail to load instead of being loaded
 * leniently. Jenkins reads config.xml robustly: a field whose value throws is logged and skipped, and the rest of
 * the job is accepted. For the settings that is not safe, since their result id names folders under the job's
 * directory ({@code PublishSettings#readResolve} checks it): a posted config.xml with an id such as
 * {@code x/../../B/perfgate} must be refused (HTTP error, the job keeps its configuration), not half-applied.
 */
public final class StrictSettings {

    private StrictSettings() {
    }

    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void settingsMustLoad() {
        Items.XSTREAM2.addCriticalField(PerfgateRecorder.class, "settings");
        Items.XSTREAM2.addCriticalField(PerformanceTestBuilder.class, "settings");
    }
}
