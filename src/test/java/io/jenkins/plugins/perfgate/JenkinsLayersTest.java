package io.jenkins.plugins.perfgate;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.jenkins.plugins.perfgate.config.LayerViolationFixture;
import io.jenkins.plugins.perfgate.steps.PerformanceTestStep;
import org.junit.jupiter.api.Test;

/**
 * The Jenkins layer's packages depend on each other in one direction (docs/architecture.md): entry points on top,
 * then generators on agents, publication, running the command line on the agent, settings, global configuration; the build and job
 * actions with their charts beside publication; the history store at the bottom. The root package only assembles
 * (compatibility aliases).
 */
class JenkinsLayersTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.perfgate");

    static ArchRule layers() {
        String p = "io.jenkins.plugins.perfgate.";
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Assembly").definedBy("io.jenkins.plugins.perfgate")
                .layer("Steps").definedBy(p + "steps..")
                .layer("Generators").definedBy(p + "generators..")
                .layer("Publication").definedBy(p + "publication..")
                .layer("Agent").definedBy(p + "agent..")
                .layer("Settings").definedBy(p + "settings..")
                .layer("Config").definedBy(p + "config..")
                .layer("Model").definedBy(p + "model..")
                .layer("Charts").definedBy(p + "charts..")
                .layer("History").definedBy(p + "history..")
                .whereLayer("Assembly").mayNotBeAccessedByAnyLayer()
                .whereLayer("Steps").mayOnlyBeAccessedByLayers("Assembly")
                .whereLayer("Generators").mayOnlyBeAccessedByLayers("Steps")
                .whereLayer("Publication").mayOnlyBeAccessedByLayers("Steps")
                .whereLayer("Agent").mayOnlyBeAccessedByLayers("Steps", "Generators", "Publication")
                .whereLayer("Settings").mayOnlyBeAccessedByLayers("Assembly", "Steps", "Generators", "Publication",
                        "Agent")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Assembly", "Steps", "Generators", "Publication",
                        "Agent", "Settings")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Assembly", "Steps", "Publication")
                .whereLayer("Charts").mayOnlyBeAccessedByLayers("Model")
                .because("entry points use publication, never the reverse; pages never run tests; the history store "
                        + "knows no page");
    }

    @Test
    void jenkinsPackagesDependInOneDirection() {
        layers().check(PRODUCTION);
    }

    @Test
    void theRuleCatchesAViolation() {
        // a test-tree class in the configuration package that uses a step: configuration below steps
        JavaClasses offender = new ClassFileImporter().importClasses(LayerViolationFixture.class,
                PerformanceTestStep.class);
        assertThrows(AssertionError.class, () -> layers().check(offender));
    }
}
