package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perfgate run} with real JMeter on plans that need more than HTTP: an LDAP Request (a module of the full
 * distribution) loads and its samples fail cleanly when no directory server listens; a plan with a class no jar
 * provides fails before any JMeter starts, naming the element, its path and the class ({@code PlanClassCheck}).
 */
class FullDistributionRunTest {

    @TempDir
    Path dir;

    private Path plan(String jmx) throws Exception {
        TestJMeter.resource(getClass(), jmx, dir);
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                name: full
                template: %s
                generators: {count: 1, heap: 256m, options: {jvmArgs: -XX:TieredStopAtLevel=1}}
                """.formatted(jmx));
        return plan;
    }

    @Test
    void anLdapPlanLoadsAndItsSamplesFailWithoutADirectoryServer() throws Exception {
        CliRun r = CliRun.of("run", plan("ldap-plan.jmx").toString(), "--out", dir.resolve("out").toString(),
                "--cache", TestJMeter.cacheRoot().toString());
        RunSummary s = SummaryJson.read(dir.resolve("out/summary.json"));
        LabelStats ldap = s.label("ldap search").orElseThrow(() -> new AssertionError(r.out() + r.err()));
        assertEquals(6, ldap.count(), "2 users x 3 loops");
        assertEquals(6, ldap.errors(), "nothing listens on port 1: " + ldap.failureMessages().entries());
    }

    @Test
    void aPlanWithAnUnknownClassDoesNotRunAndSaysWhy() throws Exception {
        CliRun r = CliRun.of("run", plan("unknown-class-plan.jmx").toString(), "--out",
                dir.resolve("out").toString(), "--cache", TestJMeter.cacheRoot().toString());
        assertEquals(PerfgateCli.EXIT_INVALID_INPUT, r.exit(), r.out());
        assertTrue(r.err().contains("unknown-class-plan.jmx: the test plan needs 1 class this JMeter does not have; "
                + "nothing was run:\n  'vendor sampler' (unknown > users > vendor sampler) needs "
                + "com.example.perfgate.NoSuchSampler"), r.err());
        assertTrue(!Files.exists(dir.resolve("out/generators")), "no generator was started");
    }
}
