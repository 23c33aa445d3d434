package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.perfgate.engine.runner.jmeter.TestJMeter;
import io.jenkins.plugins.perfgate.engine.stats.LabelStats;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perfgate run} of JDBC Requests against a real PostgreSQL started by the test: with {@code --library
 * org.postgresql:postgresql:42.7.14} (from Maven Central into the cache) every insert reaches the database; without
 * it every sample fails (no driver), so the library is what makes the difference.
 */
class JdbcLibraryRunTest {

    @TempDir
    Path dir;

    @Test
    void jdbcRequestsReachARealPostgresWithTheDriverAsALibrary() throws Exception {
        Path bin = TestPostgres.binaries().orElseThrow(() -> new AssertionError(
                "PostgreSQL is not installed: run bin/lib/install-test-deps.sh (Debian package postgresql)"));
        TestJMeter.resource(getClass(), "needs-plugin-jdbc.jmx", dir);
        try (TestPostgres pg = TestPostgres.start(bin)) {
            pg.sql("create table hits (at timestamp)");
            Path plan = dir.resolve("plan.yaml");
            Files.writeString(plan, """
                    name: jdbc
                    template: needs-plugin-jdbc.jmx
                    properties: {pgport: "%d"}
                    generators: {count: 1, heap: 256m, options: {jvmArgs: -XX:TieredStopAtLevel=1}}
                    """.formatted(pg.port()));
            CliRun without = CliRun.of("run", plan.toString(), "--out", dir.resolve("out0").toString(),
                    "--cache", TestJMeter.cacheRoot().toString());
            assertEquals("0", pg.sql("select count(*) from hits"), "no driver, no insert: " + without.out());

            CliRun r = CliRun.of("run", plan.toString(), "--library", "org.postgresql:postgresql:42.7.14",
                    "--out", dir.resolve("out").toString(), "--cache", TestJMeter.cacheRoot().toString());
            RunSummary s = SummaryJson.read(dir.resolve("out/summary.json"));
            LabelStats insert = s.label("insert").orElseThrow(() -> new AssertionError(r.out() + r.err()));
            assertEquals(10, insert.count(), "2 clients x 5 loops");
            assertEquals(0, insert.errors(), () -> insert.failureMessages().entries().toString());
            assertEquals(0, s.label("count").orElseThrow().errors());
            assertEquals("10", pg.sql("select count(*) from hits"), "every insert is in the database");
            assertEquals(0, r.exit(), r.err());
        }
    }
}
