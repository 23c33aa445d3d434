package io.jenkins.plugins.perfgate.engine.runner.jmeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-run class check against the real provisioned JMeter 5.6.3 home: every plan and template of the project
 * passes (no false alarm stops a valid run); a plan naming a class no jar has, a Concurrency Thread Group without its
 * plugin and a JDBC driver without its library are each named with the element, its path and the provider.
 */
class PlanClassCheckTest {

    @TempDir
    Path dir;

    private static PlanClassCheck check;

    @BeforeAll
    static void home() throws Exception {
        check = PlanClassCheck.of(TestJMeter.installation().home(), List.of());
    }

    @Test
    void everyPlanOfTheProjectHasItsClasses() throws Exception {
        List<Path> plans = new ArrayList<>();
        for (String root : List.of("examples", "src/test/resources", "src/main/resources")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(f -> f.toString().endsWith(".jmx") && !f.toString().contains("unknown-class")
                        && !f.toString().contains("needs-plugin"))
                        .forEach(plans::add);
            }
        }
        assertTrue(plans.size() >= 10, plans.toString());
        for (Path plan : plans) {
            assertEquals(List.of(), check.missing(plan), plan.toString());
        }
    }

    @Test
    void anUnknownClassIsNamedWithItsElementAndPath() throws Exception {
        Path plan = Path.of("src/test/resources/io/jenkins/plugins/perfgate/cli/unknown-class-plan.jmx");
        List<PlanClassCheck.Missing> missing = check.missing(plan);
        assertEquals(1, missing.size(), missing.toString());
        assertEquals("'vendor sampler' (unknown > users > vendor sampler) needs com.example.perfgate.NoSuchSampler, "
                + "which is not in this JMeter; it is in no known provider: name the jar that has it in "
                + "jmeterPlugins: or libraries: (group:artifact:version on Maven Central), or put it in lib/ext or "
                + "lib of a JMETER_HOME", missing.get(0).toString());
        assertTrue(PlanClassCheck.message(plan, missing).startsWith(plan + ": the test plan needs 1 class this "
                + "JMeter does not have; nothing was run:"));
    }

    @Test
    void pluginsAndDriversAreNamedWithTheirProviders() throws Exception {
        Path plan = Files.writeString(dir.resolve("db.jmx"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <jmeterTestPlan version="1.2" properties="5.0" jmeter="5.6.3">
                  <hashTree>
                    <TestPlan guiclass="TestPlanGui" testclass="TestPlan" testname="db"/>
                    <hashTree>
                      <JDBCDataSource guiclass="TestBeanGUI" testclass="JDBCDataSource" testname="pool">
                        <stringProp name="driver">org.postgresql.Driver</stringProp>
                        <stringProp name="dbUrl">jdbc:postgresql://127.0.0.1/db</stringProp>
                      </JDBCDataSource>
                      <hashTree/>
                      <com.blazemeter.jmeter.threads.concurrency.ConcurrencyThreadGroup guiclass="com.blazemeter.jmeter.threads.concurrency.ConcurrencyThreadGroupGui" testclass="com.blazemeter.jmeter.threads.concurrency.ConcurrencyThreadGroup" testname="steady">
                        <elementProp name="ThreadGroup.main_controller" elementType="com.blazemeter.jmeter.control.VirtualUserController"/>
                      </com.blazemeter.jmeter.threads.concurrency.ConcurrencyThreadGroup>
                      <hashTree>
                        <JDBCSampler guiclass="TestBeanGUI" testclass="JDBCSampler" testname="select"/>
                        <hashTree/>
                      </hashTree>
                    </hashTree>
                  </hashTree>
                </jmeterTestPlan>
                """);
        List<PlanClassCheck.Missing> missing = check.missing(plan);
        assertEquals(List.of("org.postgresql.Driver", "com.blazemeter.jmeter.threads.concurrency.ConcurrencyThreadGroup",
                "com.blazemeter.jmeter.control.VirtualUserController"),
                missing.stream().map(PlanClassCheck.Missing::className).toList(), "JDBC classes are JMeter's own");
        assertEquals("db > pool", missing.get(0).path());
        assertEquals("the library org.postgresql:postgresql (libraries: [org.postgresql:postgresql:VERSION])", missing.get(0).provider());
        assertEquals("steady", missing.get(1).element());
        assertEquals("the JMeter plugin kg.apc:jmeter-plugins-casutg:2.10 "
                + "(jmeterPlugins: [kg.apc:jmeter-plugins-casutg:2.10])", missing.get(1).provider());
    }
}
