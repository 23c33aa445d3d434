package io.jenkins.plugins.perfgate.engine.summary;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jenkins.plugins.perfgate.engine.FuzzLimits;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the summary reader: any text gives a summary or an {@link IOException} (not JSON, or a
 * {@link SummaryFormatException} naming the field), never another exception or a hang; a summary that reads
 * writes and reads back.
 */
class SummaryJsonFuzzTest {

    @FuzzTest(maxDuration = FuzzLimits.DURATION, maxExecutions = FuzzLimits.EXECUTIONS)
    void summary(@NotNull byte[] input) {
        // bytes, not a String parameter: Jazzer 0.24's String mutator crashed the JVM on Java 25 with these seeds
        String json = new String(input, StandardCharsets.UTF_8);
        RunSummary s;
        try {
            s = SummaryJson.fromJson(json);
        } catch (IOException expected) {
            if (expected.getMessage() == null) {
                throw new AssertionError("a summary error without a message", expected);
            }
            return;
        }
        try {
            SummaryJson.fromJson(SummaryJson.toJson(s));
        } catch (IOException e) {
            throw new AssertionError("a summary that was read does not read back after writing", e);
        }
    }
}
