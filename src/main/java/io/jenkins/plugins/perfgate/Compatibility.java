package io.jenkins.plugins.perfgate;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Items;
import hudson.model.Run;
import io.jenkins.plugins.perfgate.engine.compare.LabelFigures;
import io.jenkins.plugins.perfgate.model.GateLine;
import io.jenkins.plugins.perfgate.model.PerfgateBuildAction;
import io.jenkins.plugins.perfgate.settings.PublishSettings;
import io.jenkins.plugins.perfgate.settings.TestSettings;
import io.jenkins.plugins.perfgate.steps.PerfgateRecorder;
import io.jenkins.plugins.perfgate.steps.PerformanceTestBuilder;

/**
 * Reads what earlier builds of perfgate stored: until the Jenkins layer was split into packages every Jenkins-facing
 * class lived in {@code io.jenkins.plugins.perfgate},
 * and job configurations (config.xml) and build records (build.xml) name classes. Registered before jobs load. The
 * global configuration keeps its own aliases ({@code PerfgateConfiguration#getConfigFile}).
 */
public final class Compatibility {
    private static final String OLD = "io.jenkins.plugins.perfgate.";

    private Compatibility() {
    }

    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void addAliases() {
        // job configurations: the freestyle builder and recorder with their settings
        for (Class<?> c : new Class<?>[] {PerformanceTestBuilder.class, PerfgateRecorder.class, PublishSettings.class,
            TestSettings.class}) {
            Items.XSTREAM2.addCompatibilityAlias(OLD + c.getSimpleName(), c);
        }
        // build records: the build action and the small values it keeps
        for (Class<?> c : new Class<?>[] {PerfgateBuildAction.class, GateLine.class}) {
            Run.XSTREAM2.addCompatibilityAlias(OLD + c.getSimpleName(), c);
        }
        // a label's key figures were a Jenkins-layer class of their own; the engine's type has the same fields
        Run.XSTREAM2.addCompatibilityAlias(OLD + "KeyFigures", LabelFigures.class);
    }
}
