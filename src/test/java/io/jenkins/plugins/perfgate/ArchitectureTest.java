package io.jenkins.plugins.perfgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The engine and the CLI are a library that the plugin and the command line share: they never touch Jenkins. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.perfgate");

    @Test
    void engineAndCliNeverDependOnJenkins() {
        ArchRule rule = noClasses().that().resideInAnyPackage("..perfgate.engine..", "..perfgate.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke.stapler..",
                        "org.jenkinsci..")
                .because("the engine and CLI run outside Jenkins; the Jenkins layer only adapts them");
        rule.check(PRODUCTION);
    }

    @Test
    void engineNeverDependsOnTheJenkinsLayerOrTheCli() {
        ArchRule rule = noClasses().that().resideInAPackage("..perfgate.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jenkins.plugins.perfgate",
                        "io.jenkins.plugins.perfgate.cli..")
                .because("the engine is the bottom layer");
        rule.check(PRODUCTION);
    }

    @Test
    void packagesAreFreeOfCycles() {
        noPackageCycles().check(PRODUCTION);
    }

    @Test
    void theCycleRuleCatchesACycle() {
        // two test-only packages whose classes reference each other
        JavaClasses cycle = new ClassFileImporter().importClasses(
                io.jenkins.plugins.perfgate.engine.cyclea.CycleFixtureA.class,
                io.jenkins.plugins.perfgate.engine.cycleb.CycleFixtureB.class);
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> noPackageCycles().check(cycle));
    }

    private static ArchRule noPackageCycles() {
        return slices().matching("io.jenkins.plugins.perfgate.(**)").should().beFreeOfCycles()
                .because("a package is understood from its own code and the packages below it");
    }

    @Test
    void noTopLevelClassNameIsUsedTwice() {
        Map<String, List<String>> twice = sameSimpleName(PRODUCTION);
        org.junit.jupiter.api.Assertions.assertEquals(Map.of(), twice,
                "a simple class name names one class in main, so a name found in a log or a page is unambiguous");
    }

    @Test
    void theNameCheckCatchesATwin() {
        JavaClasses twins = new ClassFileImporter().importClasses(
                io.jenkins.plugins.perfgate.engine.cyclea.Twin.class,
                io.jenkins.plugins.perfgate.engine.cycleb.Twin.class,
                io.jenkins.plugins.perfgate.engine.cyclea.CycleFixtureA.class);
        org.junit.jupiter.api.Assertions.assertEquals(Set.of("Twin"), sameSimpleName(twins).keySet());
    }

    /** Simple names of top-level classes that more than one class carries, with those classes' full names. */
    private static Map<String, List<String>> sameSimpleName(JavaClasses classes) {
        Map<String, List<String>> byName = classes.stream()
                .filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));
        byName.values().removeIf(names -> names.size() < 2);
        return byName;
    }

    @Test
    void theRuleCatchesAViolation() {
        // guards against a rule that cannot fail: a class of the test tree that imports Jenkins is caught
        JavaClasses offender = new ClassFileImporter().importClasses(
                io.jenkins.plugins.perfgate.engine.ArchViolationFixture.class);
        ArchRule rule = noClasses().that().resideInAnyPackage("..perfgate.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..");
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> rule.check(offender));
    }
}
