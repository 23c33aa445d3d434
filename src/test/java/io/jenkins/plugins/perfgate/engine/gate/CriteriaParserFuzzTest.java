package io.jenkins.plugins.perfgate.engine.gate;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jenkins.plugins.perfgate.engine.FuzzLimits;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Fuzzes the criteria language: any text parses or fails with {@link IllegalArgumentException} (the parser's
 * {@link CriteriaException} and its number/regex checks), never another exception or a hang. Runs the seed inputs
 * in the normal test command; {@code JAZZER_FUZZ=1} fuzzes (docs/security.md, Fuzzing).
 */
class CriteriaParserFuzzTest {

    @FuzzTest(maxDuration = FuzzLimits.DURATION, maxExecutions = FuzzLimits.EXECUTIONS)
    void criteria(@NotNull String text) {
        try {
            for (Criterion c : CriteriaParser.parseAll(text)) {
                c.toString();
            }
        } catch (IllegalArgumentException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("a criteria error without a message", expected);
            }
        }
    }
}
