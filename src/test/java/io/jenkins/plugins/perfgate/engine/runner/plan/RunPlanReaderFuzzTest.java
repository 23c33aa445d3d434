package io.jenkins.plugins.perfgate.engine.runner.plan;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jenkins.plugins.perfgate.engine.FuzzLimits;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the run-plan reader (YAML and JSON): any text gives a plan or a {@link PlanException} naming the plan,
 * never another exception or a hang. A template {@code t.jmx} and a data file {@code d.csv} exist beside the plan,
 * so inputs that name them get past the file checks.
 */
class RunPlanReaderFuzzTest {

    private static final Path DIR = folder();

    @FuzzTest(maxDuration = FuzzLimits.DURATION, maxExecutions = FuzzLimits.EXECUTIONS)
    void yaml(@NotNull String text) {
        parse(text, false);
    }

    @FuzzTest(maxDuration = FuzzLimits.DURATION, maxExecutions = FuzzLimits.EXECUTIONS)
    void json(@NotNull String text) {
        parse(text, true);
    }

    private static void parse(String text, boolean json) {
        try {
            RunPlanReader.parse(text, json, DIR, "fuzz-plan");
        } catch (PlanException expected) {
            if (expected.getMessage() == null || !expected.getMessage().startsWith("fuzz-plan")) {
                throw new AssertionError("a plan error that does not name the plan: " + expected.getMessage(),
                        expected);
            }
        }
    }

    private static Path folder() {
        try {
            Path d = Files.createTempDirectory("perfgate-fuzz-plan");
            Files.writeString(d.resolve("t.jmx"), "<jmeterTestPlan/>");
            Files.writeString(d.resolve("d.csv"), "a,b\n1,2\n");
            d.toFile().deleteOnExit();
            d.resolve("t.jmx").toFile().deleteOnExit();
            d.resolve("d.csv").toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
